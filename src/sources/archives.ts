/**
 * Archives of reports (a portal's zip or rar attachment, a researcher's bulk download) as the reports
 * inside them. Each report file in the archive (by the same extensions a folder walk takes) is written
 * to a folder of the run's own and becomes an input named `archive.zip!/member.pdf`; the archive itself
 * is no record. The zip caps of the DOCX reader (entries, declared sizes, compression ratio) are
 * checked before anything is inflated, so a bomb fails as one record. Archives inside archives are
 * not opened: a report is never more than one archive deep in practice, and recursion is how bombs
 * nest. The kinds are a registry (archive/): zip in-process, RAR and 7z through bsdtar.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { UnreadableDocumentError } from '../../extractors/model.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { bsdtarArchive } from './archive/bsdtar.js';
import { ArchiveRefused, type ArchiveKind, type OpenedArchive } from './archive/kind.js';
import { zipArchive } from './archive/zip.js';
import { displayPath, type FilePath } from './file-path.js';
import { REPORT_EXTENSIONS, type InputItem } from './inputs.js';

const ARCHIVE_KINDS: ArchiveKind[] = [zipArchive, bsdtarArchive];

/** The separator between an archive's source and a member's name, as in `jar:` URLs. */
export const MEMBER_SEPARATOR = '!/';

export interface UnpackedArchives {
  items: InputItem[];
  /** Removes the members written for this run. */
  cleanUp(): void;
}

const HEAD_BYTES = 64 * 1024;

/**
 * The inputs with every archive replaced by the reports inside it. Inputs that are no archive (DOCX
 * and XLSX are zips too, and stay themselves) pass through untouched and in their place.
 */
export async function unpackArchives(items: InputItem[], limits: Limits, reportExtensions: readonly string[]): Promise<UnpackedArchives> {
  let dir: string | undefined;
  const folder = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'nianbao-archives-')));
  const out: InputItem[] = [];
  for (const item of items) {
    const kind = item.refusal ? undefined : archiveKind(item.path, reportExtensions);
    if (!kind) out.push(item);
    else out.push(...(await membersOf(item, kind, limits, reportExtensions, folder)));
  }
  return { items: out, cleanUp: () => dir && rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A queue run's workers may sit on other machines and read large documents by path, so a member
 * written to this machine's temporary folder could not reach them: there an archive is refused
 * with a reason that says what to do.
 */
export function refuseArchives(items: InputItem[], reportExtensions: readonly string[]): InputItem[] {
  return items.map((item) => (!item.refusal && archiveKind(item.path, reportExtensions) ? { ...item, refusal: 'not-a-report: an archive is unpacked by a local run only (not with --queue): extract it without --queue, or unpack it first' } : item));
}

/**
 * Every input of a run is asked, so the first 8 bytes decide first: only a file that starts as some
 * archive does is read further (64 KiB) for its kind's sniffer.
 */
function archiveKind(path: FilePath, reportExtensions: readonly string[]): ArchiveKind | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const start = Buffer.alloc(8);
      const first = start.subarray(0, readSync(fd, start, 0, 8, 0));
      const kinds = ARCHIVE_KINDS.filter((kind) => kind.magics.some((magic) => first.subarray(0, magic.length).equals(magic)));
      if (kinds.length === 0) return undefined;
      const buffer = Buffer.alloc(HEAD_BYTES);
      const head = buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
      return kinds.find((kind) => kind.sniff(head, reportExtensions, displayPath(path)));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined; // unreadable: the run's own checks say so on the record
  }
}

const refusalOf = (err: unknown): string | undefined => (err instanceof UnreadableDocumentError || err instanceof ArchiveRefused ? `${err.code}: ${err.message}` : undefined);

async function membersOf(item: InputItem, kind: ArchiveKind, limits: Limits, reportExtensions: readonly string[], folder: () => string): Promise<InputItem[]> {
  const refuse = (reason: string): InputItem[] => [{ ...item, refusal: reason }];
  const size = statSync(item.path).size;
  // Over the file limit: left to the run, which refuses it as file-too-large like any other file.
  if (size > limits.maxFileBytes) return [item];
  const bytes = readFileSync(item.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Not the bytes a crawl recorded: left to the run, which refuses it as manifest-mismatch.
  if (item.expectedSha256 && sha256 !== item.expectedSha256) return [item];
  let archive: OpenedArchive | undefined;
  try {
    archive = await kind.open(item.path, bytes, limits);
  } catch (err) {
    const reason = refusalOf(err);
    if (reason) return refuse(reason);
    throw err;
  }
  if (!archive) return [item];
  try {
    const names = archive.names.filter((name) => !name.endsWith('/') && reportExtensions.includes(extname(name).slice(1).toLowerCase()));
    if (names.length === 0) return refuse(`not-a-report: the ${kind.id} archive holds no report file (${archive.names.length} entries; reports are .${reportExtensions.join(', .')})`);
    const here = join(folder(), sha256.slice(0, 16));
    mkdirSync(here, { recursive: true });
    const members: InputItem[] = [];
    for (const [index, name] of names.entries()) {
      const source = `${item.source}${MEMBER_SEPARATOR}${name}`;
      // The member's own name is not trusted as a path: it is written under its index.
      const path = join(here, `${index}${extname(name).toLowerCase()}`);
      let body: Buffer;
      try {
        body = await archive.read(name);
      } catch (err) {
        const reason = refusalOf(err);
        if (!reason) throw err;
        // Its own (unwritten) path: a refused record's id is the hash of its path, one per member.
        members.push({ path, source, refusal: reason });
        continue;
      }
      writeFileSync(path, body);
      members.push({ path, source, origin: `${item.origin ?? displayPath(item.path)}${MEMBER_SEPARATOR}${name}`, ...(item.known ? { known: item.known } : {}) });
    }
    return members;
  } finally {
    archive.close();
  }
}

/**
 * The bytes a record's source names, an archive member (`archive.zip!/member.pdf`) included: the audit
 * re-reads sources to show where a cell was read. Undefined when the file (or member) is not there.
 */
export async function readSourceBytes(source: string, limits: Limits = DEFAULT_LIMITS): Promise<Buffer | undefined> {
  const whole = await readIfThere(source);
  if (whole) return whole;
  // The archive is the longest prefix before a separator that is a file (a name may hold `!/` too).
  let cut = -1;
  let bytes: Buffer | undefined;
  for (let at = source.indexOf(MEMBER_SEPARATOR); at >= 0 && !bytes; at = source.indexOf(MEMBER_SEPARATOR, at + 1)) {
    bytes = await readIfThere(source.slice(0, at));
    cut = at;
  }
  if (!bytes) return undefined;
  const path = source.slice(0, cut);
  const kind = ARCHIVE_KINDS.find((k) => k.sniff(bytes.subarray(0, HEAD_BYTES), REPORT_EXTENSIONS, path));
  const archive = kind ? await kind.open(path, bytes, limits) : undefined;
  if (!archive) return undefined;
  try {
    const name = source.slice(cut + MEMBER_SEPARATOR.length);
    return archive.names.includes(name) ? await archive.read(name) : undefined;
  } finally {
    archive.close();
  }
}

async function readIfThere(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

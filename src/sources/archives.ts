/**
 * Zip archives of reports (a portal's attachment, a researcher's bulk download) as the reports inside
 * them. Each report file in the archive (by the same extensions a folder walk takes) is written to a
 * folder of the run's own and becomes an input named `archive.zip!/member.pdf`; the archive itself
 * is no record. The zip caps of the DOCX reader (entries, declared sizes, compression ratio) are
 * checked before anything is inflated, so a zip bomb fails as one record. Archives inside archives
 * are not opened: a report is never more than one archive deep in practice, and recursion is how
 * bombs nest.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, readSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { detectReader } from '../../extractors/detect.js';
import { openZip, ZIP_MAGIC } from '../../extractors/docx/zip.js';
import { UnreadableDocumentError } from '../../extractors/model.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { displayPath, type FilePath } from './file-path.js';
import type { InputItem } from './inputs.js';

/** The separator between an archive's source and a member's name, as in `jar:` URLs. */
export const MEMBER_SEPARATOR = '!/';

export interface UnpackedArchives {
  items: InputItem[];
  /** Removes the members written for this run. */
  cleanUp(): void;
}

const HEAD_BYTES = 64 * 1024;

/** Formats that are zips themselves, read by their own readers. */
const ZIP_FORMATS = new Set(['docx', 'xlsx']);

/**
 * The inputs with every zip archive replaced by the reports inside it. Inputs that are no archive
 * (DOCX and XLSX are zips too, and stay themselves) pass through untouched and in their place.
 */
export async function unpackArchives(items: InputItem[], limits: Limits, reportExtensions: readonly string[]): Promise<UnpackedArchives> {
  let dir: string | undefined;
  const folder = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'nianbao-archives-')));
  const out: InputItem[] = [];
  for (const item of items) {
    if (item.refusal || !isArchive(item.path, reportExtensions)) {
      out.push(item);
      continue;
    }
    out.push(...(await membersOf(item, limits, reportExtensions, folder)));
  }
  return { items: out, cleanUp: () => dir && rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A queue run's workers may sit on other machines and read large documents by path, so a member
 * written to this machine's temporary folder could not reach them: there an archive is refused
 * with a reason that says what to do.
 */
export function refuseArchives(items: InputItem[], reportExtensions: readonly string[]): InputItem[] {
  return items.map((item) => (!item.refusal && isArchive(item.path, reportExtensions) ? { ...item, refusal: 'not-a-report: a zip archive is unpacked by a local run only (not with --queue): extract it without --queue, or unzip it first' } : item));
}

function isArchive(path: FilePath, reportExtensions: readonly string[]): boolean {
  let head: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      head = Buffer.alloc(HEAD_BYTES);
      head = head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // unreadable: the run's own checks say so on the record
  }
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) return false;
  // A first entry that is a report or a folder makes an archive, whatever the readers' sniffers see in
  // a stored (uncompressed) zip's head: a member PDF's header, or a member DOCX's word/ parts.
  const first = firstEntryName(head);
  if (first !== undefined && (first.endsWith('/') || reportExtensions.includes(extname(first).slice(1).toLowerCase()))) return true;
  return !ZIP_FORMATS.has(detectReader(head, displayPath(path))?.format ?? '');
}

/** The name in the zip's first local header (as bytes read as Latin-1: only its ending is looked at). */
function firstEntryName(head: Buffer): string | undefined {
  if (head.length < 30) return undefined;
  const length = head.readUInt16LE(26);
  return head.length >= 30 + length ? head.subarray(30, 30 + length).toString('latin1') : undefined;
}

async function membersOf(item: InputItem, limits: Limits, reportExtensions: readonly string[], folder: () => string): Promise<InputItem[]> {
  const refuse = (reason: string): InputItem[] => [{ ...item, refusal: reason }];
  const size = statSync(item.path).size;
  // Over the file limit: left to the run, which refuses it as file-too-large like any other file.
  if (size > limits.maxFileBytes) return [item];
  const bytes = readFileSync(item.path);
  if (item.expectedSha256 && createHash('sha256').update(bytes).digest('hex') !== item.expectedSha256) return [item];
  let zip;
  try {
    zip = await openZip(bytes, limits, 'zip');
  } catch (err) {
    if (err instanceof UnreadableDocumentError) return refuse(`${err.code}: ${err.message}`);
    throw err;
  }
  try {
    // An Office Open XML package the sniffers did not claim is no archive of reports: its reader says what it is.
    if (zip.parts.has('[Content_Types].xml')) return [item];
    const names = [...zip.parts.keys()].filter((name) => !name.endsWith('/') && reportExtensions.includes(extname(name).slice(1).toLowerCase()));
    if (names.length === 0) return refuse(`not-a-report: the zip archive holds no report file (${zip.parts.size} entries; reports are .${reportExtensions.join(', .')})`);
    const here = join(folder(), createHash('sha256').update(bytes).digest('hex').slice(0, 16));
    mkdirSync(here, { recursive: true });
    const members: InputItem[] = [];
    for (const [index, name] of names.entries()) {
      const source = `${item.source}${MEMBER_SEPARATOR}${name}`;
      // The member's own name is not trusted as a path: it is written under its index.
      const path = join(here, `${index}${extname(name).toLowerCase()}`);
      let body: Buffer | undefined;
      try {
        body = await zip.read(name);
      } catch (err) {
        if (!(err instanceof UnreadableDocumentError)) throw err;
        // Its own (unwritten) path: a refused record's id is the hash of its path, one per member.
        members.push({ path, source, refusal: `${err.code}: ${err.message}` });
        continue;
      }
      writeFileSync(path, body ?? Buffer.alloc(0));
      members.push({ path, source, origin: `${item.origin ?? displayPath(item.path)}${MEMBER_SEPARATOR}${name}`, ...(item.known ? { known: item.known } : {}) });
    }
    return members;
  } finally {
    zip.close();
  }
}

/**
 * The bytes a record's source names, an archive member (`archive.zip!/member.pdf`) included: the audit
 * re-reads sources to show where a cell was read. Undefined when the file (or member) is not there.
 */
export async function readSourceBytes(source: string, limits: Limits = DEFAULT_LIMITS): Promise<Buffer | undefined> {
  const whole = await readIfThere(source);
  if (whole) return whole;
  const cut = source.indexOf(MEMBER_SEPARATOR);
  if (cut < 0) return undefined;
  const archive = await readIfThere(source.slice(0, cut));
  if (!archive) return undefined;
  const zip = await openZip(archive, limits, 'zip');
  try {
    return await zip.read(source.slice(cut + MEMBER_SEPARATOR.length));
  } finally {
    zip.close();
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

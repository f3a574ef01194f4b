/**
 * RAR and 7z archives, read through libarchive's bsdtar (Debian: libarchive-tools), which reads both
 * (RAR 1.5–5 and 7z, solid ones included) but writes neither, so no tool here can alter them. The
 * listing's declared sizes are checked against the zip caps before anything is inflated, and each
 * member is inflated alone to bsdtar's standard output, counted as it comes: a member that outgrows
 * its declared size, or the caps, is cut off and refused. Names matched by bsdtar are patterns, so
 * a member's name is escaped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeStoredName } from '../../../extractors/text-decode.js';
import type { Limits } from '../../limits.js';
import { joinPath, pathBytes, type FilePath } from '../file-path.js';
import { ArchiveRefused, type ArchiveKind, type OpenedArchive } from './kind.js';

const MAGICS = [Buffer.from('Rar!\x1a\x07', 'latin1'), Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])];

/** A line of `bsdtar -tv`: mode, links, owner, group, size, month, day, time or year, name. */
const LISTING = /^(\S)\S*\s+\d+\s+\S+\s+\S+\s+(\d+)\s+\S+\s+\d+\s+\S+\s(.*)$/s;

/** Names listed in UTF-8, whatever the user's locale. */
const env = (): NodeJS.ProcessEnv => ({ ...process.env, LC_ALL: 'C.UTF-8' });

export const bsdtarArchive: ArchiveKind = {
  id: 'rar/7z',
  magics: MAGICS,
  sniff: (head) => MAGICS.some((magic) => head.subarray(0, magic.length).equals(magic)),
  async open(path, _bytes, limits) {
    const named = nameForBsdtar(path);
    try {
      return list(named.path, limits, named.done);
    } catch (err) {
      named.done();
      throw err;
    }
  },
};

/**
 * A path bsdtar can be given: a name that is not UTF-8 (a GBK name from a Chinese Windows zip) is bytes
 * a command line cannot carry as the string it became, and `-` would mean standard input; such an
 * archive is named through a symbolic link of a plain name in a folder of its own, removed when done.
 */
function nameForBsdtar(path: FilePath): { path: string; done: () => void } {
  if (typeof path === 'string' && path !== '-') return { path, done: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-archive-'));
  const link = join(dir, 'archive');
  const done = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    // A relative target would be taken from the link's own folder.
    const target = pathBytes(path);
    symlinkSync(target[0] === 0x2f ? target : pathBytes(joinPath(process.cwd(), path)), link);
  } catch (err) {
    done();
    throw err;
  }
  return { path: link, done };
}

function list(path: string, limits: Limits, done: () => void): OpenedArchive {
  const listed = spawnSync('bsdtar', ['-tvf', path], { env: env(), timeout: limits.documentTimeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 << 20 });
  if ((listed.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new ArchiveRefused('archive-unsupported', 'reading a RAR or 7z archive needs bsdtar (Debian: apt-get install libarchive-tools); unpack it yourself, or install it');
  }
  if (listed.error || listed.status !== 0) throw new ArchiveRefused('corrupt-archive', `the archive is damaged or of an unknown kind: ${firstLine(listed.stderr) || listed.error?.message || `bsdtar exited ${listed.status}`}`);
  const sizes = new Map<string, number>();
  const names: string[] = [];
  let total = 0;
  for (const line of splitLines(listed.stdout)) {
    const m = LISTING.exec(line);
    if (!m) continue;
    const [, type, size, name] = m;
    if (names.length + 1 > limits.maxDocxZipEntries) throw new ArchiveRefused('too-large', `the archive exceeds a limit: more than ${limits.maxDocxZipEntries} entries`);
    names.push(type === 'd' && !name.endsWith('/') ? `${name}/` : name);
    // Only regular files are members: links and devices are listed but never read.
    if (type !== '-') continue;
    sizes.set(name, Number(size));
    total += Number(size);
    if (total > limits.maxDocxUncompressedBytes) throw new ArchiveRefused('too-large', `the archive exceeds a limit: entries declare more than ${limits.maxDocxUncompressedBytes} bytes uncompressed`);
  }
  return {
    names: names.filter((name) => name.endsWith('/') || sizes.has(name)),
    read: (name) => extract(path, name, sizes.get(name) ?? 0, limits),
    close: done,
  };
}

function extract(path: string, name: string, declared: number, limits: Limits): Promise<Buffer> {
  const cap = Math.min(declared, limits.maxFileBytes);
  return new Promise((resolve, reject) => {
    const child = spawn('bsdtar', ['-xOf', path, '--', name.replace(/[*?[\]\\]/g, '\\$&')], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let stderr = '';
    let refusal: ArchiveRefused | undefined;
    const stop = (why: ArchiveRefused): void => {
      refusal ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(new ArchiveRefused('too-large', `${name}: not inflated within ${limits.documentTimeoutMs} ms`)), limits.documentTimeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > cap) return stop(new ArchiveRefused('too-large', `${name} inflates to more than its declared ${declared} bytes${declared > limits.maxFileBytes ? ` or the ${limits.maxFileBytes}-byte limit (maxFileBytes)` : ''}`));
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
    child.on('error', (err) => stop(new ArchiveRefused('corrupt-archive', `${name}: ${err.message}`)));
    child.on('close', (status) => {
      clearTimeout(timer);
      if (refusal) return reject(refusal);
      if (status !== 0 || bytes !== declared) return reject(new ArchiveRefused('corrupt-archive', `${name}: ${stderr.split('\n')[0] || `${bytes} bytes inflated, ${declared} declared`}`));
      resolve(Buffer.concat(chunks));
    });
  });
}

/** Listing lines, each decoded as an archive's stored names are (names in the Chinese Windows code page among them). */
function splitLines(stdout: Buffer): string[] {
  const lines: string[] = [];
  for (let start = 0; start < stdout.length; ) {
    const end = stdout.indexOf(0x0a, start);
    lines.push(decodeStoredName(stdout.subarray(start, end < 0 ? stdout.length : end)));
    start = end < 0 ? stdout.length : end + 1;
  }
  return lines.filter(Boolean);
}

function firstLine(stderr: Buffer | string | null): string {
  return (stderr ?? '').toString().split('\n')[0].replace(/^bsdtar: /, '');
}

/**
 * The report files under a folder, walked by hand rather than by a glob library, because a folder is
 * hostile input: symbolic links may loop (a → .. → a) or lead out to the rest of the disk, and names
 * may not be UTF-8. Each real directory is entered once and each real file listed once, nothing
 * outside the folder's real path is followed (pass a link itself to read where it leads), and names
 * are kept as bytes where they are not UTF-8.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { displayPath, filePathFromBytes, isWithin, joinPath, pathBytes, type FilePath } from './file-path.js';

export interface WalkedFile {
  path: FilePath;
  /** For ordering: the path relative to the root, as shown. */
  relative: string;
}

const SLASH = 0x2f;

export async function walkReportFiles(root: string, extensions: readonly string[]): Promise<WalkedFile[]> {
  const rootReal = await realpath(root, { encoding: 'buffer' });
  const wanted = new Set(extensions.map((ext) => `.${ext.toLowerCase()}`));
  const seenDirs = new Set<string>([key(rootReal)]);
  const seenFiles = new Set<string>();
  const found: WalkedFile[] = [];
  // Plain folders and files first, links last: a file reachable both ways is listed under its own
  // name, and a linked folder already walked is not walked again.
  const plain: Entry[] = [{ path: root, relative: '', link: true }]; // the root may be a link the user passed
  const linked: Entry[] = [];
  for (let next = plain.pop() ?? linked.shift(); next; next = plain.pop() ?? linked.shift()) {
    const info = await (next.link ? stat(next.path) : lstat(next.path)).catch(() => undefined);
    if (!info || (!info.isDirectory() && !info.isFile())) continue;
    const real = next.relative === '' ? rootReal : await realpath(next.path, { encoding: 'buffer' }).catch(() => undefined);
    if (!real || !isWithin(real, rootReal)) continue;
    if (info.isFile()) {
      if (wanted.has(extensionOf(pathBytes(next.path))) && !seenFiles.has(key(real))) {
        seenFiles.add(key(real));
        found.push({ path: next.path, relative: displayPath(next.relative) });
      }
      continue;
    }
    if (next.relative !== '') {
      if (seenDirs.has(key(real))) continue;
      seenDirs.add(key(real));
    }
    const names = await readdir(next.path, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
    for (const nameBytes of names.sort(Buffer.compare).reverse()) {
      if (nameBytes[0] === 0x2e) continue; // dot files and folders, as before
      const name = filePathFromBytes(nameBytes);
      const path = joinPath(next.path, name);
      const entry: Entry = { path, relative: next.relative === '' ? name : joinPath(next.relative, name), link: false };
      const kind = await lstat(path).catch(() => undefined);
      if (!kind) continue;
      if (kind.isSymbolicLink()) linked.push({ ...entry, link: true });
      else if (kind.isDirectory()) plain.push(entry);
      else if (kind.isFile()) plain.push(entry);
    }
  }
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

interface Entry {
  path: FilePath;
  relative: FilePath;
  /** Reached through a symbolic link: stat follows it; only its real path decides if it is inside. */
  link: boolean;
}

function key(bytes: Buffer): string {
  return bytes.toString('latin1');
}

/** The extension of the path's last part, from its bytes (ASCII either way), lower-cased with its dot. */
function extensionOf(path: Buffer): string {
  const name = path.subarray(path.lastIndexOf(SLASH) + 1);
  const dot = name.lastIndexOf(0x2e);
  return dot <= 0 ? '' : name.subarray(dot).toString('latin1').toLowerCase();
}

/**
 * The report files under a folder, walked by hand rather than by a glob library, because a folder is
 * hostile input: symbolic links may loop (a → .. → a) or lead out to the rest of the disk, and names
 * may not be UTF-8. Each real directory is entered once and each real file listed once, nothing
 * outside the folder's real path is followed (pass a link itself to read where it leads), and names
 * are kept as bytes where they are not UTF-8.
 */
import type { Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { displayPath, filePathFromBytes, joinPath, type FilePath } from './file-path.js';

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
  const pending: Array<{ dir: FilePath; relative: FilePath }> = [{ dir: root, relative: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const names = await readdir(next.dir, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
    for (const nameBytes of names) {
      if (nameBytes[0] === 0x2e) continue; // dot files and folders, as before
      const name = filePathFromBytes(nameBytes);
      const path = joinPath(next.dir, name);
      const relative = next.relative === '' ? name : joinPath(next.relative, name);
      const entry = await lstat(path).catch(() => undefined);
      if (!entry) continue;
      let info: Stats | undefined = entry;
      if (entry.isSymbolicLink()) info = await stat(path).catch(() => undefined);
      if (!info || (!info.isDirectory() && !info.isFile())) continue;
      const real = await realpath(path, { encoding: 'buffer' }).catch(() => undefined);
      if (!real || !inside(real, rootReal)) continue;
      if (info.isDirectory()) {
        if (seenDirs.has(key(real))) continue;
        seenDirs.add(key(real));
        pending.push({ dir: path, relative });
      } else if (wanted.has(extensionOf(nameBytes)) && !seenFiles.has(key(real))) {
        seenFiles.add(key(real));
        found.push({ path, relative: displayPath(relative) });
      }
    }
  }
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

function key(bytes: Buffer): string {
  return bytes.toString('latin1');
}

/** Is the real path the root or below it? (`/data/a` is not below `/data/ab`.) */
function inside(real: Buffer, root: Buffer): boolean {
  if (real.equals(root)) return true;
  if (real.length <= root.length || !real.subarray(0, root.length).equals(root)) return false;
  return root[root.length - 1] === SLASH || real[root.length] === SLASH;
}

/** The extension from the name's bytes (ASCII either way), lower-cased with its dot. */
function extensionOf(name: Buffer): string {
  const dot = name.lastIndexOf(0x2e);
  return dot <= 0 ? '' : name.subarray(dot).toString('latin1').toLowerCase();
}

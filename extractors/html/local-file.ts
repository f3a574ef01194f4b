/**
 * Resolves an <img src> of a saved page to a file on disk, safely: only relative paths that stay
 * inside the page's own folder (a browser's saved `NAME_files/` folder included). Absolute paths,
 * `..` escapes, URLs with a scheme (http, https, file, …) and symlinks that lead outside the folder
 * are refused, so a hostile page cannot make the reader open files elsewhere or fetch anything.
 * Returns the real path, or a reason the source was refused (for the messages).
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export type LocalFileResult = { ok: true; path: string } | { ok: false; reason: string };

export function resolvePageLocalFile(pageFile: string, src: string): LocalFileResult {
  const trimmed = src.trim();
  if (trimmed === '') return { ok: false, reason: 'empty src' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
    return { ok: false, reason: 'not a local file (URL with a scheme)' };
  }
  let rel: string;
  try {
    rel = decodeURIComponent(trimmed.replace(/[?#].*$/, ''));
  } catch {
    return { ok: false, reason: 'malformed percent-encoding' };
  }
  if (rel.includes('\0')) return { ok: false, reason: 'NUL in path' };
  if (path.isAbsolute(rel) || rel.startsWith('\\')) return { ok: false, reason: 'absolute path' };
  let folder: string;
  try {
    folder = realpathSync(path.dirname(pageFile));
  } catch {
    return { ok: false, reason: 'page folder not found' };
  }
  const joined = path.resolve(folder, rel);
  if (!isInside(folder, joined)) return { ok: false, reason: 'path leaves the page folder' };
  let real: string;
  try {
    real = realpathSync(joined);
  } catch {
    return { ok: false, reason: 'file not found' };
  }
  if (!isInside(folder, real)) return { ok: false, reason: 'symlink leaves the page folder' };
  if (!statSync(real).isFile()) return { ok: false, reason: 'not a regular file' };
  return { ok: true, path: real };
}

function isInside(folder: string, p: string): boolean {
  const r = path.relative(folder, p);
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
}

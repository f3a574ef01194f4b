/**
 * File names are bytes on Linux, and zips made on Chinese Windows leave GBK names behind: such a name
 * is not UTF-8, and as a JavaScript string it would lose the bytes (every bad byte becomes U+FFFD) and
 * no longer name the file. Those names stay Buffers end to end; people see them escaped.
 */
import { join } from 'node:path';

export type FilePath = string | Buffer;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A string when the bytes are valid UTF-8 (the usual case), else the bytes themselves. */
export function filePathFromBytes(bytes: Buffer): FilePath {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return bytes;
  }
}

export function pathBytes(path: FilePath): Buffer {
  return typeof path === 'string' ? Buffer.from(path) : path;
}

/** path/name as bytes when either is; a plain join otherwise. */
export function joinPath(dir: FilePath, name: FilePath): FilePath {
  if (typeof dir === 'string' && typeof name === 'string') return join(dir, name);
  const head = pathBytes(dir);
  const separator = head.length === 0 || head[head.length - 1] === 0x2f ? [] : [Buffer.from('/')];
  return filePathFromBytes(Buffer.concat([head, ...separator, pathBytes(name)]));
}

/**
 * What a person (and the `source` column) is shown: each part of the path that is valid UTF-8 as it
 * is; in a part that is not, every byte above 0x7F as \xNN (its ASCII as is). Distinct names stay
 * distinct, and no bytes are read as characters they never were.
 */
export function displayPath(path: FilePath): string {
  if (typeof path === 'string') return path;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && path[i] !== 0x2f) continue;
    parts.push(displayPart(path.subarray(start, i)));
    start = i + 1;
  }
  return parts.join('/');
}

function displayPart(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let out = '';
    for (const byte of bytes) out += byte < 0x80 ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
    return out;
  }
}

/** Is the (real) path the root or below it? Compared as bytes; `/data/ab` is not below `/data/a`. */
export function isWithin(path: FilePath, root: FilePath): boolean {
  const real = pathBytes(path);
  const base = pathBytes(root);
  if (real.equals(base)) return true;
  if (real.length <= base.length || !real.subarray(0, base.length).equals(base)) return false;
  return base[base.length - 1] === 0x2f || real[base.length] === 0x2f;
}

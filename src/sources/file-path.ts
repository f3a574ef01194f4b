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
 * What a person (and the `source` column) is shown: the valid UTF-8 parts as they are, each byte that
 * is not part of a valid sequence as \xNN. Distinct names stay distinct.
 */
export function displayPath(path: FilePath): string {
  if (typeof path === 'string') return path;
  let out = '';
  let i = 0;
  while (i < path.length) {
    const length = sequenceLength(path[i]);
    const text = length > 0 && i + length <= path.length ? utf8OrUndefined(path.subarray(i, i + length)) : undefined;
    if (text !== undefined) {
      out += text;
      i += length;
    } else {
      out += `\\x${path[i].toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function utf8OrUndefined(bytes: Buffer): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Copies of a document that differ in content hash but not in meaning: a trailing comment or
 * whitespace line in a form each format ignores. Used to build large corpora for the benchmark and
 * the resume test from the few real documents.
 */
import { extname } from 'node:path';

/** The `n`th variant of a document's bytes (n = 0 is the original). */
export function variant(bytes: Buffer, fileName: string, n: number): Buffer {
  if (n === 0) return bytes;
  switch (extname(fileName).toLowerCase()) {
    case '.html':
    case '.htm':
      return Buffer.concat([bytes, Buffer.from(`\n<!-- nianbao variant ${n} -->\n`)]);
    case '.pdf':
      // A comment line after %%EOF: PDF readers look for the last %%EOF within the tail and ignore it.
      return Buffer.concat([bytes, Buffer.from(`%nianbao variant ${n}\n`)]);
    case '.docx':
      return withZipComment(bytes, `nianbao variant ${n}`);
    default:
      return Buffer.concat([bytes, Buffer.from(`${' '.repeat(n % 7)}\n`.repeat(1 + Math.floor(n / 7)))]);
  }
}

/** Sets the zip archive comment (the EOCD's last field): zip readers ignore it, the hash changes. */
function withZipComment(bytes: Buffer, comment: string): Buffer {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) !== 0x06054b50) continue;
    const text = Buffer.from(comment, 'utf8');
    const end = Buffer.from(bytes.subarray(at, at + 22));
    end.writeUInt16LE(text.length, 20);
    return Buffer.concat([bytes.subarray(0, at), end, text]);
  }
  return Buffer.concat([bytes, Buffer.from(comment)]); // not a zip after all: plain append still changes the hash
}

/**
 * A worker's records as UTF-8 bytes, encoded into one buffer reused for every document:
 * Buffer.from(text, 'utf8') first counts the bytes in a pass of its own and allocates a fresh buffer
 * each time, together about twice to four times the cost of the encoding itself for a ~36 KB record.
 */
let encoded = Buffer.alloc(0);

/**
 * The text's UTF-8 bytes, as Buffer.from(text, 'utf8') gives them, in a view of the shared buffer:
 * valid until the next call. Use it at once (the worker sends it straight away, and sending copies
 * it into the IPC message) and never keep it.
 */
export function utf8Bytes(text: string): Buffer {
  // A UTF-16 unit never takes more than 3 bytes of UTF-8 (a surrogate pair: 4 bytes for 2 units; a
  // lone surrogate: the 3 of U+FFFD), so 3 bytes per unit always hold the whole text: write() never
  // stops short of the end.
  if (encoded.length < text.length * 3) encoded = Buffer.allocUnsafe(Math.max(text.length * 3, 2 * encoded.length));
  return encoded.subarray(0, encoded.write(text, 0, 'utf8'));
}

/**
 * Deflate data pdf.js has just inflated, kept so the raw reader does not inflate the same page content
 * again: pdf.js reads a page's text before the raw reader reads its rulings, from the same streams.
 * An entry serves only input equal to its own, byte for byte (whatever document or object it came
 * from), and pdf.js keeps an entry only when zlib inflated the data to its proper end, which is what
 * the raw reader's own inflate then gives too (see filters.ts). A few entries (a page's content and its
 * forms); `forgetInflated` lets go of them when a document is done.
 */
const MAX_ENTRIES = 16;
const entries: Array<{ input: Uint8Array; output: Uint8Array }> = [];

/** `input`: raw deflate data (no zlib header) that inflated completely to `output`. */
export function rememberInflated(input: Uint8Array, output: Uint8Array): void {
  if (entries.length >= MAX_ENTRIES) entries.shift();
  entries.push({ input, output });
}

/** What `input` (raw deflate data) inflated to when pdf.js read it, or undefined. Never to be written to. */
export function inflatedBefore(input: Uint8Array): Uint8Array | undefined {
  for (let k = entries.length - 1; k >= 0; k--) {
    const { input: known, output } = entries[k];
    if (known.length === input.length && Buffer.from(known.buffer, known.byteOffset, known.length).equals(input)) return output;
  }
  return undefined;
}

export function forgetInflated(): void {
  entries.length = 0;
}

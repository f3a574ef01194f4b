/**
 * HTML bytes → text: the charset a page declares in its <meta> tags, then the shared decoder.
 */
import { decodeText, type DecodedText } from '../text-decode.js';

/** Declarations are in the <head>; portal heads are long, but nobody declares a charset after 64 KB. */
const DECLARATION_SCAN_BYTES = 64 * 1024;

const CHARSET_IN_TAG = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;

/**
 * The charset declared by `<meta charset=…>` or `<meta http-equiv="content-type" content="…; charset=…">`.
 * Scans tag by tag (each `<meta` up to the next `>`), so hostile heads stay linear.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, DECLARATION_SCAN_BYTES)).toString('latin1');
  const lower = head.toLowerCase();
  let from = 0;
  for (;;) {
    const start = lower.indexOf('<meta', from);
    if (start < 0) return undefined;
    const end = lower.indexOf('>', start);
    if (end < 0) return undefined;
    const match = CHARSET_IN_TAG.exec(head.slice(start, end));
    if (match) return match[1];
    from = end + 1;
  }
}

export function decodeHtmlBytes(bytes: Uint8Array): DecodedText {
  return decodeText(bytes, { declared: declaredCharset(bytes) });
}

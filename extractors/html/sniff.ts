/**
 * Is this HTML? Decided from the first bytes: after a BOM and whitespace the text must open with a
 * tag, and an HTML tag (doctype, html, head, body, table, p, div, meta …) must appear near the start.
 * Fragments (a page body without <html>) count: some portals publish only the article markup.
 */
const BINARY_SIGNATURES = [Buffer.from('%PDF'), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0xd0, 0xcf, 0x11, 0xe0])];
/** Pages may open with long <script>/<style> blocks before the first structural tag. */
const SNIFF_CHARS = 8192;
const HTML_TAG = /<(?:!doctype\s+html|html|head|body|table|p|div|meta|title|span|br|h[1-6]|font|center)[\s>/]/i;

function headText(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return head.subarray(2, 2 + SNIFF_CHARS * 2).toString('utf16le');
  if (head[0] === 0xfe && head[1] === 0xff) {
    const body = head.subarray(2, 2 + SNIFF_CHARS * 2);
    return Buffer.from(body.subarray(0, body.length - (body.length % 2))).swap16().toString('utf16le');
  }
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  // Only ASCII matters for the tags, so latin1 reads any ASCII-compatible encoding (UTF-8, GB18030).
  return head.subarray(start, start + SNIFF_CHARS).toString('latin1');
}

export function looksLikeHtml(head: Buffer): boolean {
  if (BINARY_SIGNATURES.some((sig) => head.subarray(0, sig.length).equals(sig))) return false;
  const text = headText(head);
  if (text.includes('\u0000')) return false;
  const trimmed = text.replace(/^[\s\u00a0]+/, '');
  if (!trimmed.startsWith('<')) return false;
  // An XML prologue may open an XHTML page, but also an SVG, an OOXML part or a feed.
  if (trimmed.startsWith('<?xml') && !/<html[\s>]/i.test(trimmed)) return false;
  return HTML_TAG.test(trimmed);
}

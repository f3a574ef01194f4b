/**
 * Decodes an HTML/XML/JSON body to text with the extractors' decoder (one decoder for crawl and
 * extract): the HTTP header's charset is the declaration when present, else the page's own <meta> or
 * XML declaration. A declaration the bytes contradict loses to GB18030, reported as `guessed`.
 */
import { declaredCharset } from '../../extractors/html/decode.js';
import { decodeText as decodeBytes, type DecodedText } from '../../extractors/text-decode.js';

export type { DecodedText };

export function decodePage(body: Buffer, contentType: string | undefined): DecodedText {
  return decodeBytes(body, { declared: charsetFromContentType(contentType) ?? declaredCharset(body) ?? xmlEncoding(body) });
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1]?.toLowerCase();
}

/** `<?xml … encoding="…"?>` in the first bytes, read as Latin-1 so any byte sequence is safe to scan. */
function xmlEncoding(body: Buffer): string | undefined {
  return body.subarray(0, 512).toString('latin1').match(/^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i)?.[1];
}

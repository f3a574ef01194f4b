/**
 * Bytes → text for the text-based formats (HTML, TXT). Chinese government pages are UTF-8 or one of the
 * GB family (GB2312/GBK/GB18030, often declared as one and written as another), so the order is:
 * BOM, then the declared charset (checked against the bytes), then a guess (valid UTF-8, else GB18030).
 */
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding actually used, as an iconv-lite name (utf-8, utf-16le, utf-16be, gb18030, …). */
  encoding: string;
  /** True when neither a BOM nor a usable declaration decided the encoding. */
  guessed: boolean;
}

export interface DecodeOptions {
  /** A charset label the container declares (HTML meta, HTTP header); may be wrong or unknown. */
  declared?: string;
}

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

// GB2312 and GBK are subsets of GB18030, and pages labelled with them routinely contain characters
// outside the subset, so the whole family decodes as GB18030.
const LABEL_ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'euc-cn': 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  chinese: 'gb18030',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** The iconv-lite encoding for a declared label, or undefined when it names nothing we can decode. */
export function normaliseCharsetLabel(label: string): string | undefined {
  const key = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!key) return undefined;
  const name = LABEL_ALIASES[key] ?? key;
  return iconv.encodingExists(name) ? name : undefined;
}

const WESTERN_SINGLE_BYTE = new Set(['iso-8859-1', 'latin1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii', 'iso8859-1', 'iso-8859-15']);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Do the bytes form valid UTF-8? (Linear; no copy of the text is kept.) */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return utf8Text(bytes) !== undefined;
}

/** The text when the bytes are valid UTF-8: validating and decoding are one pass. */
function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  for (const bom of BOMS) {
    if (bytes.length >= bom.bytes.length && bom.bytes.every((b, i) => bytes[i] === b)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return undefined;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = bomOf(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, guessed: false };

  const declared = options.declared ? normaliseCharsetLabel(options.declared) : undefined;
  const asUtf8 = utf8Text(bytes);
  const validUtf8 = asUtf8 !== undefined;
  if (declared === 'utf-8') {
    // A page labelled UTF-8 whose bytes are not UTF-8 is nearly always a GB page with a copied template head.
    if (validUtf8) return { text: asUtf8, encoding: 'utf-8', guessed: false };
    return { text: decodeWith(bytes, 'gb18030'), encoding: 'gb18030', guessed: true };
  }
  if (declared) {
    // Multi-byte text in a legacy encoding is almost never valid UTF-8 by chance, so valid UTF-8 with
    // non-ASCII bytes means the page was re-encoded and its label not updated.
    if (validUtf8 && hasNonAscii(bytes) && !declared.startsWith('utf-16')) {
      return { text: asUtf8, encoding: 'utf-8', guessed: true };
    }
    // A Western single-byte label on Chinese text is a server default, not a statement about the page.
    if (WESTERN_SINGLE_BYTE.has(declared) && hasNonAscii(bytes)) {
      return { text: decodeWith(bytes, 'gb18030'), encoding: 'gb18030', guessed: true };
    }
    return { text: decodeWith(bytes, declared), encoding: declared, guessed: false };
  }
  if (validUtf8) return { text: asUtf8, encoding: 'utf-8', guessed: hasNonAscii(bytes) };
  return { text: decodeWith(bytes, 'gb18030'), encoding: 'gb18030', guessed: true };
}

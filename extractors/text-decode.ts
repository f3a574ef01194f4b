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
  /** The declared label when the bytes overruled it (a UTF-8 label on GBK bytes, …). */
  overruled?: string;
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

/** Traditional-Chinese labels: their text is not GB2312's common characters, so only broken bytes overrule them. */
const BIG5_FAMILY = new Set(['big5', 'big5hkscs', 'cp950']);

/** Multi-byte CJK labels: their text has ideographs of its own, weighed against GB18030's. */
const CJK_MULTI_BYTE = /^(euc-?kr|ks_c_5601|cp949|euc-?jp|shift_jis|sjis|cp932|windows-?9(32|49)|iso-?2022|utf-?16|utf-?32)/;

/** Only the head is weighed: enough text to judge, bounded cost on a huge page. */
const PLAUSIBILITY_CHARS = 64 * 1024;

/** GB18030 must read like Chinese: this many ideographs at least, nearly all of them common ones. */
const MIN_IDEOGRAPHS = 8;
const CHINESE_COMMON_SHARE = 0.9;

/**
 * Does GB18030 read the bytes so much better than the declared charset that the label must be wrong?
 * Only when GB18030 yields clean, ordinary Chinese and the declared charset yields broken text, or
 * text without ideographs (a single-byte label), or a jumble of rare ones (Korean or Japanese labels).
 */
function gb18030Fits(declaredText: string, gbText: string, declared: string): boolean {
  const asDeclared = plausibility(declaredText);
  const asGb = plausibility(gbText);
  if (asGb.flaws > 0) return false;
  if (asDeclared.flaws > 0) return asGb.commonShare >= asDeclared.commonShare;
  if (BIG5_FAMILY.has(declared) || asGb.ideographs < MIN_IDEOGRAPHS || asGb.commonShare < CHINESE_COMMON_SHARE) return false;
  if (!CJK_MULTI_BYTE.test(declared)) return true;
  return asDeclared.commonShare <= asGb.commonShare - 0.3;
}

/**
 * Flaws: replacement characters, control characters and private-use code points, which a decoder
 * produces from bytes of another encoding. Common share: of the CJK ideographs, the part that are
 * GB2312's 3,755 most frequent hanzi — high for any Chinese text (and 1 for text without ideographs,
 * such as Korean in Hangul), low for GBK bytes read as Korean or Japanese (a jumble of rare hanja).
 */
function plausibility(text: string): { flaws: number; ideographs: number; commonShare: number } {
  const common = commonHanzi();
  let flaws = 0;
  let ideographs = 0;
  let frequent = 0;
  const end = Math.min(text.length, PLAUSIBILITY_CHARS);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd || (code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || (code >= 0x7f && code < 0xa0) || (code >= 0xe000 && code < 0xf900)) flaws++;
    else if ((code >= 0x4e00 && code < 0xa000) || (code >= 0x3400 && code < 0x4dc0)) {
      ideographs++;
      if (common.has(code)) frequent++;
    }
  }
  return { flaws, ideographs, commonShare: ideographs === 0 ? 1 : frequent / ideographs };
}

let commonHanziSet: Set<number> | undefined;

/** GB2312 level 1 (rows 0xB0–0xD7): the characters of everyday simplified Chinese. */
function commonHanzi(): Set<number> {
  if (commonHanziSet) return commonHanziSet;
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  commonHanziSet = new Set([...text].map((char) => char.charCodeAt(0)).filter((code) => code !== 0xfffd));
  return commonHanziSet;
}

/**
 * A file name stored as bytes in an archive, without a flag saying it is UTF-8. Archives made on Chinese
 * Windows store names in GBK, and short GBK names are often valid UTF-8 too (平潭 reads ƽ̶) — but of
 * Latin letters and combining marks, never of ideographs: so a name is UTF-8 when it is ASCII or decodes
 * to ideographs or CJK punctuation, else GB18030 when that decodes cleanly.
 */
export function decodeStoredName(raw: Uint8Array): string {
  const utf8 = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  if (!/[^\x00-\x7f]/.test(utf8)) return utf8;
  if (!utf8.includes('\ufffd') && /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(utf8)) return utf8;
  const gb = decodeWith(raw, 'gb18030');
  return gb.includes('\ufffd') ? utf8 : gb;
}

/**
 * UTF-16 written without a byte-order mark (a script's `encoding='utf-16-le'`): its ASCII characters
 * put a NUL in every other byte, on the odd bytes for little-endian and the even ones for big-endian.
 * The parity with more NULs names the byte order, and the text must then read as clean Chinese: binary
 * bytes decoded so give control, private-use and broken characters and a jumble of rare ideographs.
 */
export function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const end = Math.min(bytes.length, PLAUSIBILITY_CHARS * 2) & ~1;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0) i % 2 === 0 ? evenNuls++ : oddNuls++;
  if (evenNuls === oddNuls) return undefined;
  const encoding = oddNuls > evenNuls ? 'utf-16le' : 'utf-16be';
  const text = decodeWith(bytes.subarray(0, end), encoding);
  const { flaws, ideographs, commonShare } = plausibility(text);
  if (flaws > text.length / 1000) return undefined;
  return ideographs === 0 || (ideographs >= MIN_IDEOGRAPHS && commonShare >= CHINESE_COMMON_SHARE) ? encoding : undefined;
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
  const utf16 = bytes.includes(0) ? bomlessUtf16(bytes) : undefined;
  if (utf16) return { text: decodeWith(bytes, utf16), encoding: utf16, guessed: true };

  const declared = options.declared ? normaliseCharsetLabel(options.declared) : undefined;
  const asUtf8 = utf8Text(bytes);
  const validUtf8 = asUtf8 !== undefined;
  if (declared === 'utf-8' && validUtf8) return { text: asUtf8, encoding: 'utf-8', guessed: false };
  if (declared) {
    const overruled = options.declared?.trim();
    // Multi-byte text in a legacy encoding is almost never valid UTF-8 by chance, so valid UTF-8 with
    // non-ASCII bytes means the page was re-encoded and its label not updated.
    if (validUtf8 && hasNonAscii(bytes) && !declared.startsWith('utf-16')) {
      return { text: asUtf8, encoding: 'utf-8', guessed: true, overruled };
    }
    // A Western single-byte label on Chinese text is a server default, not a statement about the page.
    if (WESTERN_SINGLE_BYTE.has(declared) && hasNonAscii(bytes)) {
      return { text: decodeWith(bytes, 'gb18030'), encoding: 'gb18030', guessed: true, overruled };
    }
    const text = decodeWith(bytes, declared);
    // A page labelled UTF-8 (or Korean, Japanese, …) whose bytes are GB is nearly always a GB page with
    // a copied template head: the label loses when it yields broken or implausible text and GB18030 does not.
    if (declared !== 'gb18030' && hasNonAscii(bytes)) {
      const gb = decodeWith(bytes, 'gb18030');
      if (gb18030Fits(text, gb, declared)) return { text: gb, encoding: 'gb18030', guessed: true, overruled };
    }
    return { text, encoding: declared, guessed: false };
  }
  if (validUtf8) return { text: asUtf8, encoding: 'utf-8', guessed: hasNonAscii(bytes) };
  return { text: decodeWith(bytes, 'gb18030'), encoding: 'gb18030', guessed: true };
}

/**
 * PDF object syntax over the file's bytes: tokens, then objects (arrays, dictionaries, indirect
 * references, streams). The file is never decoded into one JS string: names and keywords become short
 * strings, string objects stay bytes, stream data stays a view into the file.
 */
import { RAW_BOUNDS, unsupported } from './bounds.js';

export class PdfName {
  private static readonly interned = new Map<string, PdfName>();
  private constructor(readonly name: string) {}
  /** Interned, so two names compare with === and a page's thousands of /F1 cost one object. */
  static get(name: string): PdfName {
    let found = PdfName.interned.get(name);
    if (!found) {
      found = new PdfName(name);
      if (PdfName.interned.size < 10_000) PdfName.interned.set(name, found);
    }
    return found;
  }
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}

export class PdfDict {
  readonly map = new Map<string, PdfObject>();
  get(key: string): PdfObject | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
}

/** A stream as stored: its dictionary and its still-encoded bytes (a view into the file or an object stream). */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Uint8Array,
  ) {}
}

export type PdfObject = null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfStream | PdfObject[];

/** A bare word of the syntax: obj, endobj, stream, R, xref, trailer, true, an operator, or a delimiter. */
export class Keyword {
  private static readonly interned = new Map<string, Keyword>();
  private constructor(readonly word: string) {}
  static get(word: string): Keyword {
    let found = Keyword.interned.get(word);
    if (!found) {
      found = new Keyword(word);
      if (Keyword.interned.size < 1_000) Keyword.interned.set(word, found);
    }
    return found;
  }
}

export const EOF = Symbol('EOF');
export type Token = number | PdfName | PdfString | Keyword | typeof EOF;

// Byte classes: 1 whitespace, 2 delimiter, 0 regular.
export const CHAR_CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CHAR_CLASS[c] = 1;
for (const c of '()<>[]{}/%') CHAR_CLASS[c.charCodeAt(0)] = 2;

export const isWhite = (c: number): boolean => CHAR_CLASS[c] === 1;
export const isRegular = (c: number): boolean => CHAR_CLASS[c] === 0;

export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

export class Lexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
    readonly end = bytes.length,
  ) {
    this.pos = pos;
  }

  skipWhitespace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos];
      if (c === 0x25) {
        while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else if (CHAR_CLASS[c] === 1) {
        this.pos++;
      } else {
        return;
      }
    }
  }

  next(): Token {
    this.skipWhitespace();
    const b = this.bytes;
    if (this.pos >= this.end) return EOF;
    const c = b[this.pos];
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number();
    switch (c) {
      case 0x2f:
        return this.name();
      case 0x28:
        return this.literalString();
      case 0x3c:
        if (b[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return Keyword.get('<<');
        }
        return this.hexString();
      case 0x3e:
        if (b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return Keyword.get('>>');
        }
        this.pos++;
        return Keyword.get('>');
      case 0x5b:
      case 0x5d:
      case 0x7b:
      case 0x7d:
      case 0x29:
        this.pos++;
        return Keyword.get(String.fromCharCode(c));
    }
    const start = this.pos;
    while (this.pos < this.end && CHAR_CLASS[b[this.pos]] === 0) this.pos++;
    return Keyword.get(latin1(b, start, this.pos));
  }

  number(): number {
    const value = readNumber(this.bytes, this.pos, this.end);
    this.pos = numberEnd.pos;
    return value;
  }

  name(): PdfName {
    const b = this.bytes;
    const start = ++this.pos;
    let escaped = false;
    while (this.pos < this.end && CHAR_CLASS[b[this.pos]] === 0) {
      if (b[this.pos] === 0x23) escaped = true;
      this.pos++;
    }
    return PdfName.get(escaped ? decodeNameEscapes(b, start, this.pos) : latin1(b, start, this.pos));
  }

  literalString(): PdfString {
    const b = this.bytes;
    // Find the end first, so the bytes are decoded into one exact-size buffer (never an array of numbers).
    const start = this.pos;
    let depth = 0;
    let stop = start;
    while (stop < this.end) {
      const c = b[stop++];
      if (c === 0x5c) stop++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
    }
    stop = Math.min(stop, this.end);
    const out = new Uint8Array(stop - start);
    let n = 0;
    this.pos = start + 1;
    depth = 1;
    while (this.pos < stop) {
      let c = b[this.pos++];
      if (c === 0x28) {
        depth++;
      } else if (c === 0x29) {
        if (--depth === 0) break;
      } else if (c === 0x5c) {
        if (this.pos >= stop) break;
        c = b[this.pos++];
        switch (c) {
          case 0x6e: c = 0x0a; break; // \n
          case 0x72: c = 0x0d; break; // \r
          case 0x74: c = 0x09; break; // \t
          case 0x62: c = 0x08; break; // \b
          case 0x66: c = 0x0c; break; // \f
          case 0x0d: // line continuation, \r or \r\n
            if (b[this.pos] === 0x0a) this.pos++;
            continue;
          case 0x0a:
            continue;
          default:
            if (c >= 0x30 && c <= 0x37) {
              let value = c - 0x30;
              for (let k = 0; k < 2 && b[this.pos] >= 0x30 && b[this.pos] <= 0x37; k++) value = value * 8 + (b[this.pos++] - 0x30);
              c = value & 0xff;
            }
            // Any other escaped byte stands for itself: \( \) \\ and unknown escapes alike.
        }
      }
      out[n++] = c;
    }
    return new PdfString(out.subarray(0, n));
  }

  hexString(): PdfString {
    const b = this.bytes;
    let stop = this.pos + 1;
    while (stop < this.end && b[stop] !== 0x3e) stop++;
    const out = new Uint8Array((stop - this.pos) >> 1);
    let n = 0;
    let high = -1;
    for (let p = this.pos + 1; p < stop; p++) {
      const v = hexValue(b[p]);
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        out[n++] = (high << 4) | v;
        high = -1;
      }
    }
    if (high >= 0) out[n++] = high << 4;
    this.pos = Math.min(stop + 1, this.end);
    return new PdfString(out.subarray(0, n));
  }
}

/** Where the last readNumber stopped: a holder, so the hot path of the content scanner allocates nothing. */
export const numberEnd = { pos: 0 };

/**
 * pdf.js's reading of numbers (a doubled minus, a minus in the middle, e-notation, the division at
 * the end), so coordinates agree with pdf.js's bit for bit.
 */
export function readNumber(b: Uint8Array, pos: number, end: number): number {
  let c = b[pos];
  let sign = 1;
  if (c === 0x2d) {
    sign = -1;
    c = b[++pos];
    if (c === 0x2d) c = b[++pos];
  } else if (c === 0x2b) {
    c = b[++pos];
  }
  while (c === 0x0a || c === 0x0d) c = b[++pos];
  let divideBy = 0;
  if (c === 0x2e) {
    divideBy = 10;
    c = b[++pos];
  }
  if (pos >= end || c < 0x30 || c > 0x39) {
    numberEnd.pos = pos;
    if (pos >= end || CHAR_CLASS[c] === 1 || c === 0x28 || c === 0x3c) return 0;
    unsupported(`invalid number at ${pos}`);
  }
  let base = c - 0x30;
  let power = 0;
  let powerSign = 1;
  let eNotation = false;
  while (++pos < end) {
    c = b[pos];
    if (c >= 0x30 && c <= 0x39) {
      if (eNotation) power = power * 10 + (c - 0x30);
      else {
        if (divideBy !== 0) divideBy *= 10;
        base = base * 10 + (c - 0x30);
      }
    } else if (c === 0x2e) {
      if (divideBy === 0) divideBy = 1;
      else break;
    } else if (c === 0x2d) {
      // pdf.js ignores a minus inside a number.
    } else if (c === 0x45 || c === 0x65) {
      const peek = pos + 1 < end ? b[pos + 1] : -1;
      if (peek === 0x2b || peek === 0x2d) {
        powerSign = peek === 0x2d ? -1 : 1;
        pos++;
      } else if (!(peek >= 0x30 && peek <= 0x39)) {
        break;
      }
      eNotation = true;
    } else {
      break;
    }
  }
  numberEnd.pos = pos;
  if (divideBy !== 0) base /= divideBy;
  if (eNotation) base *= 10 ** (powerSign * power);
  return sign * base;
}

export function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}

function decodeNameEscapes(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c === 0x23 && i + 2 < end && hexValue(b[i + 1]) >= 0 && hexValue(b[i + 2]) >= 0) {
      s += String.fromCharCode((hexValue(b[i + 1]) << 4) | hexValue(b[i + 2]));
      i += 2;
    } else {
      s += String.fromCharCode(c);
    }
  }
  return s;
}

const KW_R = Keyword.get('R');
const KW_OBJ = Keyword.get('obj');
const KW_STREAM = Keyword.get('stream');
const KW_ENDOBJ = Keyword.get('endobj');
const KW_ARRAY_OPEN = Keyword.get('[');
const KW_ARRAY_CLOSE = Keyword.get(']');
const KW_DICT_OPEN = Keyword.get('<<');
const KW_DICT_CLOSE = Keyword.get('>>');
const KW_TRUE = Keyword.get('true');
const KW_FALSE = Keyword.get('false');
const KW_NULL = Keyword.get('null');
const ENDSTREAM = Uint8Array.from(Buffer.from('endstream', 'latin1'));

/**
 * The last search for `endstream` in each buffer: streams with a wrong /Length between two endstreams
 * (or after the last one) reuse its answer, so a file of many such streams costs one pass, not one each.
 */
const lastEndstream = new WeakMap<Uint8Array, { from: number; found: number; end: number }>();

function findEndstream(bytes: Uint8Array, from: number, end: number): number {
  const last = lastEndstream.get(bytes);
  if (last && last.end === end && from >= last.from && (last.found < 0 || from <= last.found)) return last.found;
  const found = indexOf(bytes, ENDSTREAM, from, end);
  lastEndstream.set(bytes, { from, found, end });
  return found;
}

const isInteger = (t: Token): t is number => typeof t === 'number' && Number.isInteger(t) && t >= 0;

/** Objects from tokens, with two tokens of lookahead for `N G R`. */
export class Parser {
  // Buffered tokens with where each starts and ends, so a stream's data can be found after `stream`.
  private readonly ahead: Token[] = [];
  private readonly aheadStart: number[] = [];
  private readonly aheadEnd: number[] = [];

  constructor(readonly lexer: Lexer) {}

  /** Where the next unread token starts (or the lexer position if nothing is buffered). */
  get position(): number {
    return this.ahead.length > 0 ? this.aheadStart[0] : this.lexer.pos;
  }

  next(): Token {
    if (this.ahead.length > 0) {
      this.aheadStart.shift();
      this.aheadEnd.shift();
      return this.ahead.shift()!;
    }
    return this.lexer.next();
  }

  peek(k = 0): Token {
    while (this.ahead.length <= k) {
      this.lexer.skipWhitespace();
      this.aheadStart.push(this.lexer.pos);
      this.ahead.push(this.lexer.next());
      this.aheadEnd.push(this.lexer.pos);
    }
    return this.ahead[k];
  }

  /** One object; a stream only where `allowStream` (an indirect object's body). */
  parseObject(depth = 0, allowStream = false): PdfObject {
    if (depth > RAW_BOUNDS.maxNesting) unsupported('objects nested too deep');
    const t = this.next();
    if (t === EOF) unsupported('unexpected end of file in an object');
    if (typeof t === 'number') {
      if (isInteger(t) && isInteger(this.peek(0)) && this.peek(1) === KW_R) {
        const gen = this.next() as number;
        this.next();
        return new PdfRef(t, gen);
      }
      return t;
    }
    if (t instanceof PdfName || t instanceof PdfString) return t;
    if (t === KW_ARRAY_OPEN) {
      const items: PdfObject[] = [];
      for (;;) {
        const p = this.peek();
        if (p === KW_ARRAY_CLOSE) {
          this.next();
          return items;
        }
        if (p === EOF) unsupported('unterminated array');
        if (p === KW_DICT_CLOSE || p === KW_OBJ || p === KW_ENDOBJ) return items; // pdf.js tolerates a missing ]
        items.push(this.parseObject(depth + 1));
      }
    }
    if (t === KW_DICT_OPEN) {
      const dict = new PdfDict();
      for (;;) {
        const key = this.peek();
        if (key === KW_DICT_CLOSE) {
          this.next();
          break;
        }
        if (key === EOF) unsupported('unterminated dictionary');
        if (key === KW_ENDOBJ || key === KW_OBJ) break;
        this.next();
        if (!(key instanceof PdfName)) continue; // junk between entries: skip it, as pdf.js does
        const value = this.peek();
        if (value === KW_DICT_CLOSE) {
          dict.map.set(key.name, null);
          continue;
        }
        dict.map.set(key.name, this.parseObject(depth + 1));
      }
      if (allowStream && this.peek() === KW_STREAM) {
        return this.streamAfter(dict);
      }
      return dict;
    }
    if (t === KW_TRUE) return true;
    if (t === KW_FALSE) return false;
    if (t === KW_NULL) return null;
    // A stray keyword where an object belongs: null, as pdf.js reads it.
    return null;
  }

  /** The stream keyword is the next token: its data runs to /Length if that checks out, else to `endstream`. */
  private streamAfter(dict: PdfDict): PdfStream {
    const bytes = this.lexer.bytes;
    const end = this.lexer.end;
    // The lookahead buffer holds `stream`; the data starts after it and one end-of-line.
    let start = this.aheadEnd[0];
    this.ahead.length = 0;
    this.aheadStart.length = 0;
    this.aheadEnd.length = 0;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    else if (bytes[start] === 0x20 && bytes[start + 1] === 0x0a) start += 2; // a space before the EOL: seen in the wild
    const length = dict.get('Length');
    let dataEnd = -1;
    let after = -1;
    if (typeof length === 'number' && Number.isInteger(length) && length >= 0 && start + length <= end) {
      let p = start + length;
      while (p < end && CHAR_CLASS[bytes[p]] === 1) p++;
      if (startsWith(bytes, p, ENDSTREAM)) {
        dataEnd = start + length;
        after = p + ENDSTREAM.length;
      }
    }
    if (dataEnd < 0) {
      const found = findEndstream(bytes, start, end);
      if (found < 0) {
        dataEnd = end;
        after = end;
      } else {
        dataEnd = found;
        if (dataEnd > start && bytes[dataEnd - 1] === 0x0a) dataEnd--;
        if (dataEnd > start && bytes[dataEnd - 1] === 0x0d) dataEnd--;
        after = found + ENDSTREAM.length;
      }
    }
    this.lexer.pos = after;
    return new PdfStream(dict, bytes.subarray(start, dataEnd));
  }

  /** `N G obj <object> endobj` at the current position, or undefined if the header is not there. */
  parseIndirect(): { num: number; gen: number; value: PdfObject } | undefined {
    const num = this.next();
    const gen = this.next();
    const kw = this.next();
    if (!isInteger(num) || !isInteger(gen) || kw !== KW_OBJ) return undefined;
    const value = this.parseObject(0, true);
    return { num, gen, value };
  }
}

export function startsWith(bytes: Uint8Array, at: number, what: Uint8Array): boolean {
  if (at < 0 || at + what.length > bytes.length) return false;
  for (let k = 0; k < what.length; k++) if (bytes[at + k] !== what[k]) return false;
  return true;
}

/** Byte search, using Buffer's native indexOf on a view (no copy). */
export function indexOf(bytes: Uint8Array, what: Uint8Array, from: number, to = bytes.length): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, to);
  const found = view.indexOf(what, from);
  return found < 0 || found + what.length > to ? -1 : found;
}

export function lastIndexOf(bytes: Uint8Array, what: Uint8Array, from = bytes.length): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return view.lastIndexOf(what, from);
}

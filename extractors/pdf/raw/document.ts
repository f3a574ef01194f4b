/**
 * A PDF's object table and lazy object access: classic xref tables, xref streams, hybrid files,
 * /Prev chains and object streams. A table that is missing or points at the wrong bytes is rebuilt
 * by scanning the file for `N G obj` headers (the last one wins), as pdf.js does, so files that pdf.js
 * repairs silently are repaired here too. Encrypted files are not read at all (undefined).
 */
import { RAW_BOUNDS, RawPdfUnsupported, unsupported } from './bounds.js';
import { standardDecryptor, type Decryptor } from './crypt.js';
import { decodeFilters, newBudget, type DecodeBudget, type DecodeParms } from './filters.js';
import {
  CHAR_CLASS,
  EOF,
  indexOf,
  Keyword,
  lastIndexOf,
  Lexer,
  Parser,
  PdfDict,
  PdfName,
  PdfRef,
  PdfString,
  PdfStream,
  type PdfObject,
} from './lexer.js';

type XrefEntry = { type: 0 } | { type: 1; offset: number; gen: number } | { type: 2; stream: number; index: number };

interface ObjectStreamIndex {
  data: Uint8Array;
  first: number;
  nums: number[];
  offsets: number[];
}

const ascii = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const STARTXREF = ascii('startxref');
const OBJ = ascii('obj');
const TRAILER = ascii('trailer');
const OBJSTM = ascii('/ObjStm');
const XREF_TYPE = ascii('/XRef');
const CATALOG = ascii('/Catalog');
const KW_XREF = Keyword.get('xref');
const KW_TRAILER = Keyword.get('trailer');

export class RawDocument {
  trailer: PdfDict = new PdfDict();
  readonly budget: DecodeBudget = newBudget();
  private entries = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfObject>();
  private readonly resolving = new Set<number>();
  private resolveDepth = 0;
  private rebuilt = false;
  /** Set when a rebuild finds an /Encrypt trailer: nothing read after that can be trusted. */
  private encryptedFound = false;
  private readonly objectStreams = new Map<number, ObjectStreamIndex>();
  private readonly decoded = new WeakMap<PdfStream, Uint8Array>();
  /** Set for an encrypted file that opens without a user password (see crypt.ts). */
  private decryptor: Decryptor | undefined;
  /** Which object holds each stream read so far: an encrypted stream's key depends on it. */
  private readonly streamIds = new WeakMap<PdfStream, { num: number; gen: number }>();

  private constructor(readonly bytes: Uint8Array) {}

  /** The document, or undefined when it is encrypted or has no usable catalog even after a rebuild. */
  static open(bytes: Uint8Array): RawDocument | undefined {
    const doc = new RawDocument(bytes);
    let ok = false;
    try {
      ok = doc.readXrefChain();
    } catch (error) {
      if (!(error instanceof RawPdfUnsupported)) throw error;
    }
    // Encrypted with an owner password only (restrictions on printing or copying): readable with the
    // empty user password, when the object table is sound. Anything else encrypted is left to pdf.js.
    if (ok && doc.encrypted() && !doc.encryptedFound) {
      try {
        doc.decryptor = doc.standardDecryptor();
      } catch (error) {
        if (error instanceof RawPdfUnsupported) return undefined;
        throw error;
      }
      return doc.catalogUsable() ? doc : undefined;
    }
    if (!ok || !doc.catalogUsable()) {
      if (doc.rebuilt) return doc.encrypted() ? undefined : doc.catalogUsable() ? doc : undefined;
      doc.rebuild();
      if (doc.encrypted() || !doc.catalogUsable()) return undefined;
    }
    return doc.encrypted() ? undefined : doc;
  }

  private encrypted(): boolean {
    return this.encryptedFound || (this.trailer.has('Encrypt') && this.trailer.get('Encrypt') !== null);
  }

  private standardDecryptor(): Decryptor {
    const encrypt = this.resolve(this.trailer.get('Encrypt'));
    if (!(encrypt instanceof PdfDict)) unsupported('no encryption dictionary');
    const ids = this.resolve(this.trailer.get('ID'));
    const id0 = Array.isArray(ids) ? this.resolve(ids[0]) : undefined;
    return standardDecryptor(encrypt, id0 instanceof PdfString ? id0.bytes : undefined, (value) => this.resolve(value));
  }

  private catalogUsable(): boolean {
    try {
      const root = this.resolve(this.trailer.get('Root'));
      return root instanceof PdfDict && this.resolve(root.get('Pages')) instanceof PdfDict;
    } catch (error) {
      if (error instanceof RawPdfUnsupported) return false;
      throw error;
    }
  }

  get catalog(): PdfDict {
    const root = this.resolve(this.trailer.get('Root'));
    if (!(root instanceof PdfDict)) unsupported('no catalog');
    return root;
  }

  resolve(value: PdfObject | undefined): PdfObject | undefined {
    return value instanceof PdfRef ? this.fetch(value) : value;
  }

  /** `dict[key]`, following a reference. */
  get(dict: PdfDict, key: string): PdfObject | undefined {
    return this.resolve(dict.get(key));
  }

  fetch(ref: PdfRef): PdfObject {
    const num = ref.num;
    if (this.cache.has(num)) return this.cache.get(num)!;
    if (this.resolving.has(num)) unsupported(`reference cycle through object ${num}`);
    if (this.resolveDepth >= RAW_BOUNDS.maxResolveDepth) unsupported('references nested too deep');
    this.resolving.add(num);
    this.resolveDepth++;
    let value: PdfObject;
    try {
      value = this.load(num);
    } finally {
      this.resolving.delete(num);
      this.resolveDepth--;
    }
    this.cache.set(num, value);
    return value;
  }

  private load(num: number): PdfObject {
    if (this.encryptedFound) unsupported('encrypted document');
    const entry = this.entries.get(num);
    if (!entry || entry.type === 0) return null;
    if (entry.type === 2) return this.fromObjectStream(entry.stream, entry.index, num);
    const found = this.parseAt(entry.offset, num);
    if (found !== undefined) return found;
    if (this.rebuilt) return null;
    // The table points at the wrong bytes: pdf.js rebuilds it from the object headers, so we do too.
    this.rebuild();
    return this.load(num);
  }

  private parseAt(offset: number, num: number): PdfObject | undefined {
    if (!(offset >= 0 && offset < this.bytes.length)) return undefined;
    const parser = new Parser(new Lexer(this.bytes, offset));
    const found = parser.parseIndirect();
    if (!found || found.num !== num) return undefined;
    if (found.value instanceof PdfStream) this.streamIds.set(found.value, { num: found.num, gen: found.gen });
    return found.value;
  }

  private fromObjectStream(streamNum: number, index: number, num: number): PdfObject {
    let table = this.objectStreams.get(streamNum);
    if (!table) {
      const stream = this.fetch(new PdfRef(streamNum, 0));
      if (!(stream instanceof PdfStream)) return null;
      const data = this.streamBytes(stream, true);
      const n = this.resolve(stream.dict.get('N'));
      const first = this.resolve(stream.dict.get('First'));
      if (typeof n !== 'number' || typeof first !== 'number' || n < 0 || first < 0) unsupported('bad object stream');
      const lexer = new Lexer(data, 0, Math.min(first, data.length));
      const nums: number[] = [];
      const offsets: number[] = [];
      for (let k = 0; k < n; k++) {
        const a = lexer.next();
        const b = lexer.next();
        if (typeof a !== 'number' || typeof b !== 'number') break;
        nums.push(a);
        offsets.push(b);
      }
      table = { data, first, nums, offsets };
      this.objectStreams.set(streamNum, table);
    }
    let k = table.nums[index] === num ? index : table.nums.indexOf(num);
    if (k < 0) k = index;
    if (k >= table.nums.length) return null;
    const at = table.first + table.offsets[k];
    if (at >= table.data.length) return null;
    return new Parser(new Lexer(table.data, at)).parseObject();
  }

  /** A stream's decoded bytes; `keep` caches them (forms drawn many times, object streams). */
  streamBytes(stream: PdfStream, keep = false): Uint8Array {
    const cached = this.decoded.get(stream);
    if (cached) return cached;
    const filterObj = this.resolve(stream.dict.get('Filter') ?? stream.dict.get('F'));
    const parmsObj = this.resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP'));
    const filters: string[] = [];
    const parms: (DecodeParms | undefined)[] = [];
    const filterList = Array.isArray(filterObj) ? filterObj : filterObj == null ? [] : [filterObj];
    const parmList = Array.isArray(parmsObj) ? parmsObj : [parmsObj];
    filterList.forEach((f, k) => {
      const name = this.resolve(f);
      if (!(name instanceof PdfName)) unsupported('filter is not a name');
      filters.push(name.name);
      parms.push(this.decodeParms(this.resolve(parmList[k])));
    });
    const stored = this.decrypted(stream);
    const out = filters.length === 0 ? stored : decodeFilters(stored, filters, parms, this.budget);
    if (keep) this.decoded.set(stream, out);
    return out;
  }

  /** A stream's bytes before its filters: decrypted in an encrypted file (cross-reference streams never are). */
  private decrypted(stream: PdfStream): Uint8Array {
    if (!this.decryptor) return stream.raw;
    const type = stream.dict.get('Type');
    if (type instanceof PdfName && type.name === 'XRef') return stream.raw;
    const id = this.streamIds.get(stream);
    if (!id) unsupported('encrypted stream whose object is unknown');
    return this.decryptor.stream(stream.raw, id.num, id.gen);
  }

  private decodeParms(value: PdfObject | undefined): DecodeParms | undefined {
    if (!(value instanceof PdfDict)) return undefined;
    const num = (key: string, fallback: number): number => {
      const v = this.resolve(value.get(key));
      return typeof v === 'number' ? v : fallback;
    };
    return { predictor: num('Predictor', 1), colors: num('Colors', 1), bitsPerComponent: num('BitsPerComponent', 8), columns: num('Columns', 1) };
  }

  // --- the xref chain -------------------------------------------------------------------------

  /** Reads the table from startxref along /Prev; false when there is nothing usable to read. */
  private readXrefChain(): boolean {
    const at = lastIndexOf(this.bytes, STARTXREF);
    if (at < 0) return false;
    const lexer = new Lexer(this.bytes, at + STARTXREF.length);
    const start = lexer.next();
    if (typeof start !== 'number') return false;
    const queue = [start];
    const seen = new Set<number>();
    const merged = new Map<number, XrefEntry>();
    const trailer = new PdfDict();
    while (queue.length > 0) {
      const offset = queue.shift()!;
      if (seen.has(offset)) continue;
      if (seen.size >= RAW_BOUNDS.maxXrefSections) unsupported('too many xref sections');
      seen.add(offset);
      const section = this.readSection(offset);
      if (!section) return false;
      for (const [num, entry] of section.entries) if (!merged.has(num)) merged.set(num, entry);
      // Newer sections first: their trailer keys win.
      for (const [key, value] of section.trailer.map) if (!trailer.has(key)) trailer.map.set(key, value);
      const prev = section.trailer.get('Prev');
      if (typeof prev === 'number') queue.push(prev);
    }
    this.entries = merged;
    this.trailer = trailer;
    return true;
  }

  private readSection(offset: number): { entries: Map<number, XrefEntry>; trailer: PdfDict } | undefined {
    if (!(offset >= 0 && offset < this.bytes.length)) return undefined;
    const parser = new Parser(new Lexer(this.bytes, offset));
    if (parser.peek() === KW_XREF) {
      parser.next();
      const table = this.readTable(parser);
      if (!table) return undefined;
      const stmOffset = table.trailer.get('XRefStm');
      if (typeof stmOffset === 'number') {
        // Hybrid file: the hidden stream lists the compressed objects, which the table marks free.
        const hidden = this.readStreamSection(stmOffset);
        if (hidden) {
          const entries = new Map<number, XrefEntry>();
          for (const [num, entry] of table.entries) if (entry.type !== 0) entries.set(num, entry);
          for (const [num, entry] of hidden.entries) if (!entries.has(num)) entries.set(num, entry);
          for (const [num, entry] of table.entries) if (!entries.has(num)) entries.set(num, entry);
          return { entries, trailer: table.trailer };
        }
      }
      return table;
    }
    return this.readStreamSection(offset);
  }

  private readTable(parser: Parser): { entries: Map<number, XrefEntry>; trailer: PdfDict } | undefined {
    const entries = new Map<number, XrefEntry>();
    for (;;) {
      const t = parser.peek();
      if (t === KW_TRAILER) {
        parser.next();
        break;
      }
      if (t === EOF) return undefined;
      let first = parser.next();
      const count = parser.next();
      if (typeof first !== 'number' || typeof count !== 'number' || !Number.isInteger(first) || !Number.isInteger(count) || count < 0) return undefined;
      for (let k = 0; k < count; k++) {
        const offset = parser.next();
        const gen = parser.next();
        const kind = parser.next();
        if (typeof offset !== 'number' || typeof gen !== 'number' || !(kind instanceof Keyword)) return undefined;
        // A section that says it starts at 1 but begins with the free head of the list really starts at 0.
        if (k === 0 && first === 1 && kind.word === 'f' && offset === 0 && gen === 65535) first = 0;
        const num = first + k;
        if (entries.has(num)) continue;
        if (kind.word === 'n') entries.set(num, { type: 1, offset, gen });
        else if (kind.word === 'f') entries.set(num, { type: 0 });
        else return undefined;
      }
    }
    const trailer = parser.parseObject();
    if (!(trailer instanceof PdfDict)) return undefined;
    return { entries, trailer };
  }

  private readStreamSection(offset: number): { entries: Map<number, XrefEntry>; trailer: PdfDict } | undefined {
    if (!(offset >= 0 && offset < this.bytes.length)) return undefined;
    const found = new Parser(new Lexer(this.bytes, offset)).parseIndirect();
    if (!found || !(found.value instanceof PdfStream)) return undefined;
    const stream = found.value;
    const entries = this.xrefStreamEntries(stream);
    return entries ? { entries, trailer: stream.dict } : undefined;
  }

  private xrefStreamEntries(stream: PdfStream): Map<number, XrefEntry> | undefined {
    const dict = stream.dict;
    const type = dict.get('Type');
    if (!(type instanceof PdfName) || type.name !== 'XRef') return undefined;
    const w = dict.get('W');
    if (!Array.isArray(w) || w.length < 3 || !w.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 8)) return undefined;
    const [w0, w1, w2] = w as number[];
    const size = dict.get('Size');
    const index = dict.get('Index');
    const ranges = Array.isArray(index) ? index : [0, typeof size === 'number' ? size : 0];
    const data = this.streamBytes(stream);
    const rowBytes = w0 + w1 + w2;
    if (rowBytes === 0) return undefined;
    const entries = new Map<number, XrefEntry>();
    let at = 0;
    const field = (width: number): number => {
      let v = 0;
      for (let k = 0; k < width; k++) v = v * 256 + data[at++];
      return v;
    };
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const first = ranges[r];
      const count = ranges[r + 1];
      if (typeof first !== 'number' || typeof count !== 'number') return undefined;
      for (let k = 0; k < count && at + rowBytes <= data.length; k++) {
        const t = w0 === 0 ? 1 : field(w0);
        const a = field(w1);
        const b = field(w2);
        const num = first + k;
        if (entries.has(num)) continue;
        if (t === 0) entries.set(num, { type: 0 });
        else if (t === 1) entries.set(num, { type: 1, offset: a, gen: b });
        else if (t === 2) entries.set(num, { type: 2, stream: a, index: b });
        // Other types are reserved: a reader must treat them as null objects.
      }
    }
    return entries;
  }

  // --- rebuilding by scanning ---------------------------------------------------------------

  /** Every `N G obj` header in the file (the last one of a number wins), and a trailer from what is found. */
  private rebuild(): void {
    this.rebuilt = true;
    const b = this.bytes;
    const entries = new Map<number, XrefEntry>();
    const starts: number[] = [];
    const white = (c: number): boolean => CHAR_CLASS[c] === 1;
    const digit = (c: number): boolean => c >= 0x30 && c <= 0x39;
    for (let p = indexOf(b, OBJ, 0); p >= 0; p = indexOf(b, OBJ, p + 3)) {
      if (p + 3 < b.length && CHAR_CLASS[b[p + 3]] === 0) continue; // "objstm", "object"
      let q = p - 1;
      if (q < 0 || !white(b[q])) continue; // "endobj"
      while (q >= 0 && white(b[q])) q--;
      const genEnd = q + 1;
      while (q >= 0 && digit(b[q])) q--;
      const genStart = q + 1;
      if (genStart === genEnd || genEnd - genStart > 5 || q < 0 || !white(b[q])) continue;
      while (q >= 0 && white(b[q])) q--;
      const numEnd = q + 1;
      while (q >= 0 && digit(b[q])) q--;
      const numStart = q + 1;
      if (numStart === numEnd || numEnd - numStart > 10) continue;
      if (q >= 0 && CHAR_CLASS[b[q]] === 0) continue;
      const num = Number(Buffer.from(b.buffer, b.byteOffset + numStart, numEnd - numStart).toString('latin1'));
      const gen = Number(Buffer.from(b.buffer, b.byteOffset + genStart, genEnd - genStart).toString('latin1'));
      entries.set(num, { type: 1, offset: numStart, gen });
      starts.push(numStart);
    }
    // Objects inside object streams, and trailers that are xref streams.
    const trailers: PdfDict[] = [];
    const streamObjects: { num: number; stream: PdfStream }[] = [];
    for (let k = 0; k < starts.length; k++) {
      const from = starts[k];
      const to = Math.min(k + 1 < starts.length ? starts[k + 1] : b.length, from + 4096);
      const objStm = indexOf(b, OBJSTM, from, to) >= 0;
      const xref = indexOf(b, XREF_TYPE, from, to) >= 0;
      if (!objStm && !xref) continue;
      try {
        const found = new Parser(new Lexer(b, from)).parseIndirect();
        if (!found || !(found.value instanceof PdfStream)) continue;
        const type = found.value.dict.get('Type');
        if (type instanceof PdfName && type.name === 'ObjStm') streamObjects.push({ num: found.num, stream: found.value });
        if (type instanceof PdfName && type.name === 'XRef') trailers.push(found.value.dict);
      } catch (error) {
        if (!(error instanceof RawPdfUnsupported)) throw error;
      }
    }
    for (const { num, stream } of streamObjects) {
      try {
        const data = this.streamBytes(stream);
        const first = stream.dict.get('First');
        const n = stream.dict.get('N');
        if (typeof first !== 'number' || typeof n !== 'number') continue;
        const lexer = new Lexer(data, 0, Math.min(first, data.length));
        for (let k = 0; k < n; k++) {
          const objNum = lexer.next();
          const objOffset = lexer.next();
          if (typeof objNum !== 'number' || typeof objOffset !== 'number') break;
          if (!entries.has(objNum)) entries.set(objNum, { type: 2, stream: num, index: k });
        }
      } catch (error) {
        if (!(error instanceof RawPdfUnsupported)) throw error;
      }
    }
    for (let p = indexOf(b, TRAILER, 0); p >= 0; p = indexOf(b, TRAILER, p + TRAILER.length)) {
      try {
        const dict = new Parser(new Lexer(b, p + TRAILER.length)).parseObject();
        if (dict instanceof PdfDict) trailers.push(dict);
      } catch (error) {
        if (!(error instanceof RawPdfUnsupported)) throw error;
      }
    }
    this.entries = entries;
    this.cache.clear();
    this.objectStreams.clear();
    const keep = this.trailer;
    const withRoot = trailers.filter((t) => t.has('Root'));
    if (trailers.some((t) => t.has('Encrypt'))) {
      this.trailer = trailers.find((t) => t.has('Encrypt'))!;
      this.encryptedFound = true;
      return;
    }
    if (keep.has('Root') && this.catalogUsable()) return;
    for (const candidate of withRoot.reverse()) {
      this.trailer = candidate;
      if (this.catalogUsable()) return;
    }
    // No trailer names a usable catalog: look for the catalog itself (each object's first KiB, up to the next one).
    const next = new Map(starts.map((at, k) => [at, k + 1 < starts.length ? starts[k + 1] : b.length]));
    let tries = 0;
    for (const [num, entry] of entries) {
      if (entry.type !== 1) continue;
      const to = Math.min(next.get(entry.offset) ?? b.length, entry.offset + 1024);
      if (indexOf(b, CATALOG, entry.offset, to) < 0) continue;
      if (++tries > 100) break;
      const trailer = new PdfDict();
      trailer.map.set('Root', new PdfRef(num, entry.gen));
      this.trailer = trailer;
      if (this.catalogUsable()) return;
    }
    this.trailer = keep;
  }
}

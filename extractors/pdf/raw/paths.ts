/**
 * A content-stream scanner that keeps only what extractRulings reads: the graphics-state stack, the
 * CTM, painted paths and the fact that an image was painted. Text, colour, fonts and marked content
 * are skipped at byte level, which is where the time goes in pdf.js (it prepares every glyph).
 *
 * Where it matters for the rulings, pdf.js 5.4's evaluator is followed to the letter: its operator
 * table and greedy operator lexing, its handling of too many or too few operands, its path buffer
 * (not reset by q/Q, fresh in a form), its rectangle points and its choice of image operator. Form
 * XObjects are drawn between save/transform/restore, so a form's /Matrix reaches the CTM.
 */
import type { OpIds } from '../rulings.js';
import { RAW_BOUNDS, RawPdfUnsupported, unsupported } from './bounds.js';
import type { RawDocument } from './document.js';
import { decodeFilters } from './filters.js';
import { CHAR_CLASS, EOF, Keyword, Lexer, numberEnd, Parser, PdfDict, PdfName, PdfStream, readNumber, type PdfObject } from './lexer.js';

export interface RawOperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

// pdf.js's EvaluatorPreprocessor.opMap: operator, operand count, whether the count may vary.
const OP_TABLE: [string, number, boolean][] = [
  ['w', 1, false], ['J', 1, false], ['j', 1, false], ['M', 1, false], ['d', 2, false], ['ri', 1, false], ['i', 1, false],
  ['gs', 1, false], ['q', 0, false], ['Q', 0, false], ['cm', 6, false], ['m', 2, false], ['l', 2, false], ['c', 6, false],
  ['v', 4, false], ['y', 4, false], ['h', 0, false], ['re', 4, false], ['S', 0, false], ['s', 0, false], ['f', 0, false],
  ['F', 0, false], ['f*', 0, false], ['B', 0, false], ['B*', 0, false], ['b', 0, false], ['b*', 0, false], ['n', 0, false],
  ['W', 0, false], ['W*', 0, false], ['BT', 0, false], ['ET', 0, false], ['Tc', 1, false], ['Tw', 1, false], ['Tz', 1, false],
  ['TL', 1, false], ['Tf', 2, false], ['Tr', 1, false], ['Ts', 1, false], ['Td', 2, false], ['TD', 2, false], ['Tm', 6, false],
  ['T*', 0, false], ['Tj', 1, false], ['TJ', 1, false], ["'", 1, false], ['"', 3, false], ['d0', 2, false], ['d1', 6, false],
  ['CS', 1, false], ['cs', 1, false], ['SC', 4, true], ['SCN', 33, true], ['sc', 4, true], ['scn', 33, true], ['G', 1, false],
  ['g', 1, false], ['RG', 3, false], ['rg', 3, false], ['K', 4, false], ['k', 4, false], ['sh', 1, false], ['BI', 0, false],
  ['ID', 0, false], ['EI', 1, false], ['Do', 1, false], ['MP', 1, false], ['DP', 2, false], ['BMC', 1, false], ['BDC', 2, false],
  ['EMC', 0, false], ['BX', 0, false], ['EX', 0, false],
];

// What the scanner does with an operator; everything else only consumes its operands.
const enum Act {
  Other,
  Save,
  Restore,
  Transform,
  MoveTo,
  LineTo,
  CurveTo,
  CurveTo2,
  CurveTo3,
  ClosePath,
  Rectangle,
  Paint,
  EndPath,
  Do,
  GState,
  BeginImage,
  EndImage,
  TextMode,
  ShowText,
}

interface OpSpec {
  numArgs: number;
  variableArgs: boolean;
  act: Act;
  /** pdf.js counts operand shortfalls of path operators (m … n) and gives up after ten in a row. */
  isPath: boolean;
  /** For painting operators: the OpIds key, and whether the path is closed first; for text shows, the OpIds key too. */
  paint?: keyof OpIds;
  close?: boolean;
}

const ACTS: Record<string, Partial<OpSpec>> = {
  q: { act: Act.Save },
  Q: { act: Act.Restore },
  cm: { act: Act.Transform },
  m: { act: Act.MoveTo },
  l: { act: Act.LineTo },
  c: { act: Act.CurveTo },
  v: { act: Act.CurveTo2 },
  y: { act: Act.CurveTo3 },
  h: { act: Act.ClosePath },
  re: { act: Act.Rectangle },
  S: { act: Act.Paint, paint: 'stroke' },
  s: { act: Act.Paint, paint: 'closeStroke', close: true },
  f: { act: Act.Paint, paint: 'fill' },
  F: { act: Act.Paint, paint: 'fill' },
  'f*': { act: Act.Paint, paint: 'eoFill' },
  B: { act: Act.Paint, paint: 'fillStroke' },
  'B*': { act: Act.Paint, paint: 'eoFillStroke' },
  b: { act: Act.Paint, paint: 'closeFillStroke', close: true },
  'b*': { act: Act.Paint, paint: 'closeEOFillStroke', close: true },
  n: { act: Act.EndPath },
  Do: { act: Act.Do },
  gs: { act: Act.GState },
  BI: { act: Act.BeginImage },
  EI: { act: Act.EndImage },
  Tr: { act: Act.TextMode },
  Tj: { act: Act.ShowText, paint: 'showText' },
  TJ: { act: Act.ShowText, paint: 'showSpacedText' },
  "'": { act: Act.ShowText, paint: 'nextLineShowText' },
  '"': { act: Act.ShowText, paint: 'nextLineSetSpacingShowText' },
};
const PATH_WORDS = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);

const OP_SPECS = new Map<string, OpSpec>(
  OP_TABLE.map(([word, numArgs, variableArgs]) => [word, { numArgs, variableArgs, act: Act.Other, isPath: PATH_WORDS.has(word), ...ACTS[word] }]),
);
const EI_SPEC = OP_SPECS.get('EI')!;

/** Operators of one or two bytes by (first byte << 8 | second byte); the five of three bytes by string. */
const SHORT_SPECS: (OpSpec | undefined)[] = new Array(65536).fill(undefined);
const LONG_SPECS = new Map<string, OpSpec>();
for (const [word, spec] of OP_SPECS) {
  if (word.length === 1) SHORT_SPECS[word.charCodeAt(0) << 8] = spec;
  else if (word.length === 2) SHORT_SPECS[(word.charCodeAt(0) << 8) | word.charCodeAt(1)] = spec;
  else LONG_SPECS.set(word, spec);
}

function specOfRun(b: Uint8Array, start: number, end: number): OpSpec | undefined {
  const length = end - start;
  if (length === 1) return SHORT_SPECS[b[start] << 8];
  if (length === 2) return SHORT_SPECS[(b[start] << 8) | b[start + 1]];
  if (length === 3) return LONG_SPECS.get(String.fromCharCode(b[start], b[start + 1], b[start + 2]));
  return undefined;
}

/** pdf.js's knownCommands: the operators plus prefixes it lexes greedily through (BM → BMC, fa → false, …). */
const KNOWN_WORDS = new Set([...OP_SPECS.keys(), 'BM', 'BD', 'true', 'fa', 'fal', 'fals', 'false', 'nu', 'nul', 'null']);

// pdf.js DrawOPS.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 3;

const K_NUMBER = 0;
const K_NAME = 1;
const K_OTHER = 2;
const K_IMAGE = 3;

const MAX_INVALID_PATH_OPS = 10;
/** Arguments of save, restore and the image operators: extractRulings reads none, so they share one empty array. */
const NO_ARGS: unknown[] = [];
/** Surplus operands kept for later operators; real files have none, a hostile one could grow it forever. */
const MAX_STASHED = 10_000;

interface InlineImage {
  dict: PdfDict;
  data: Uint8Array;
}

interface Stashed {
  kind: number;
  num: number;
  aux: number;
  obj: unknown;
}

/** Operands of the operator being read: typed arrays for numbers, byte ranges for names. */
class Operands {
  n = 0;
  readonly kind = new Uint8Array(RAW_BOUNDS.maxOperands + 1);
  readonly num = new Float64Array(RAW_BOUNDS.maxOperands + 1);
  /** For a name: the end of its bytes (num holds the start). */
  readonly aux = new Int32Array(RAW_BOUNDS.maxOperands + 1);
  readonly obj: unknown[] = [];
  /** pdf.js keeps the surplus of one operator for a later one that is short (its nonProcessedArgs). */
  readonly stash: Stashed[] = [];

  push(kind: number, num: number, aux = 0, obj: unknown = undefined): void {
    if (this.n >= RAW_BOUNDS.maxOperands) unsupported('too many operands');
    this.kind[this.n] = kind;
    this.num[this.n] = num;
    this.aux[this.n] = aux;
    this.obj[this.n] = obj;
    this.n++;
  }

  /** pdf.js's fix-up of a wrong operand count; false when the operator must be skipped. */
  fit(numArgs: number): boolean {
    const all: Stashed[] = [];
    for (let k = 0; k < this.n; k++) all.push({ kind: this.kind[k], num: this.num[k], aux: this.aux[k], obj: this.obj[k] });
    while (all.length > numArgs) this.stash.push(all.shift()!);
    if (this.stash.length > MAX_STASHED) unsupported('too many surplus operands');
    while (all.length < numArgs && this.stash.length > 0) all.unshift(this.stash.pop()!);
    if (all.length < numArgs) return false;
    this.n = 0;
    for (const a of all) this.push(a.kind, a.num, a.aux, a.obj);
    return true;
  }

  /** Operand k, which a path operator needs to be a number. */
  number(k: number): number {
    if (this.kind[k] !== K_NUMBER) unsupported('a path operand that is not a number');
    return this.num[k];
  }

  numbers(): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.n; k++) {
      if (this.kind[k] !== K_NUMBER) unsupported('a path operand that is not a number');
      out.push(this.num[k]);
    }
    return out;
  }
}

export class ContentScanner {
  readonly out: RawOperatorList = { fnArray: [], argsArray: [] };
  private tokens = 0;
  private readonly activeForms = new Set<PdfStream>();
  /** Soft-mask groups by resources and ExtGState name: a page may set the same state a thousand times. */
  private readonly softMasks = new WeakMap<PdfDict, Map<string, PdfStream | null>>();

  constructor(
    private readonly doc: RawDocument,
    private readonly ids: OpIds,
  ) {}

  private emit(fn: number, args: unknown[]): void {
    if (this.out.fnArray.length >= RAW_BOUNDS.maxOpsPerPage) unsupported('too many operators on the page');
    this.out.fnArray.push(fn);
    this.out.argsArray.push(args);
  }

  /**
   * Scans one content stream. `cpx`/`cpy` is the current point it starts from (a form inherits its
   * caller's, as in pdf.js); unbalanced q's are closed at the end so a form cannot leak state.
   */
  scan(b: Uint8Array, resources: PdfDict | undefined, depth: number, cpx = 0, cpy = 0): void {
    const end = b.length;
    const ops = new Operands();
    const path: number[] = [];
    const savedPoints: number[] = [];
    let invalidPathOps = 0;
    let lastWasPath = false;
    let i = 0;
    for (;;) {
      // Whitespace and comments.
      let c = 0;
      while (i < end) {
        c = b[i];
        if (CHAR_CLASS[c] === 1) i++;
        else if (c === 0x25) {
          while (i < end && b[i] !== 0x0a && b[i] !== 0x0d) i++;
        } else break;
      }
      if (i >= end) break;
      if (++this.tokens > RAW_BOUNDS.maxTokensPerPage) unsupported('too many tokens on the page');

      if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
        const value = readNumber(b, i, end);
        i = numberEnd.pos;
        ops.push(K_NUMBER, value);
        continue;
      }
      switch (c) {
        case 0x2f: {
          const start = ++i;
          while (i < end && CHAR_CLASS[b[i]] === 0) i++;
          ops.push(K_NAME, start, i);
          continue;
        }
        case 0x28:
          i = skipLiteralString(b, i, end);
          ops.push(K_OTHER, 0);
          continue;
        case 0x3c:
          if (b[i + 1] === 0x3c) i = skipComposite(b, i, end);
          else i = skipHexString(b, i, end);
          ops.push(K_OTHER, 0);
          continue;
        case 0x5b:
          i = skipComposite(b, i, end);
          ops.push(K_OTHER, 0);
          continue;
        case 0x3e:
          // A stray > or >>: pdf.js reads an unknown command and keeps the operands.
          i += b[i + 1] === 0x3e ? 2 : 1;
          continue;
        case 0x5d:
        case 0x7b:
        case 0x7d:
          i++;
          continue;
        case 0x29:
          unsupported('unbalanced ) in a content stream');
      }

      // An operator (or true/false/null). The whole run of regular bytes is almost always a known
      // operator, found from its bytes without building a string; otherwise pdf.js's greedy reading
      // through its known commands decides where the operator ends ("fQ" is f then Q). At most four
      // bytes are looked at first, so a long run is not rescanned for every piece it is split into.
      let runEnd = i + 1;
      while (runEnd < end && runEnd - i < 4 && CHAR_CLASS[b[runEnd]] === 0) runEnd++;
      let spec = runEnd - i < 4 ? specOfRun(b, i, runEnd) : undefined;
      if (spec) {
        i = runEnd;
      } else {
        let word = String.fromCharCode(c);
        i++;
        if (c >= 0x21 && c <= 0x7f) {
          let known = KNOWN_WORDS.has(word);
          while (i < end && CHAR_CLASS[b[i]] === 0) {
            const longer = word + String.fromCharCode(b[i]);
            if (known && !KNOWN_WORDS.has(longer)) break;
            word = longer;
            known = KNOWN_WORDS.has(word);
            i++;
            if (word.length > 128) unsupported('operator too long');
          }
        }
        if (word === 'true' || word === 'false') {
          ops.push(K_OTHER, 0);
          continue;
        }
        if (word === 'null') continue; // pdf.js drops null operands
        spec = OP_SPECS.get(word);
        if (!spec) continue; // unknown: pdf.js warns and keeps the operands for the next operator
      }
      if (spec.act === Act.BeginImage) {
        // pdf.js's parser turns BI … ID <data> EI into one operand of an EI operator.
        const image = readInlineImage(b, i, end);
        i = image.next;
        ops.push(K_IMAGE, 0, 0, image.image);
        spec = EI_SPEC;
      }

      if (!lastWasPath) invalidPathOps = 0;
      lastWasPath = spec.isPath;
      if (!spec.variableArgs && ops.n !== spec.numArgs && !ops.fit(spec.numArgs)) {
        if (spec.isPath && ++invalidPathOps > MAX_INVALID_PATH_OPS) unsupported('too many path operators with missing operands');
        ops.n = 0;
        continue;
      }

      switch (spec.act) {
        case Act.Other:
          break;
        case Act.Save:
          savedPoints.push(cpx, cpy);
          this.emit(this.ids.save, NO_ARGS);
          break;
        case Act.Restore:
          // An extra Q cannot pop the caller's state: pdf.js's own stack ignores it too.
          if (savedPoints.length > 0) {
            cpy = savedPoints.pop()!;
            cpx = savedPoints.pop()!;
            this.emit(this.ids.restore, NO_ARGS);
          }
          break;
        case Act.Transform:
          this.emit(this.ids.transform, ops.numbers());
          break;
        case Act.MoveTo:
        case Act.LineTo: {
          const x = ops.number(0);
          const y = ops.number(1);
          path.push(spec.act === Act.MoveTo ? MOVE_TO : LINE_TO, x, y);
          cpx = x;
          cpy = y;
          break;
        }
        case Act.CurveTo: {
          const [x1, y1, x2, y2, x, y] = ops.numbers();
          path.push(CURVE_TO, x1, y1, x2, y2, x, y);
          cpx = x;
          cpy = y;
          break;
        }
        case Act.CurveTo2: {
          // v: the first control point is the current point.
          const [x2, y2, x, y] = ops.numbers();
          path.push(CURVE_TO, cpx, cpy, x2, y2, x, y);
          cpx = x;
          cpy = y;
          break;
        }
        case Act.CurveTo3: {
          // y: the second control point is the end point.
          const [x1, y1, x, y] = ops.numbers();
          path.push(CURVE_TO, x1, y1, x, y, x, y);
          cpx = x;
          cpy = y;
          break;
        }
        case Act.ClosePath:
          path.push(CLOSE_PATH);
          break;
        case Act.Rectangle: {
          const x = ops.number(0);
          const y = ops.number(1);
          const w = ops.number(2);
          const h = ops.number(3);
          cpx = x;
          cpy = y;
          // pdf.js draws a degenerate rectangle as one diagonal, so a zero-height "re" is a line.
          if (w === 0 || h === 0) path.push(MOVE_TO, x, y, LINE_TO, x + w, y + h, CLOSE_PATH);
          else path.push(MOVE_TO, x, y, LINE_TO, x + w, y, LINE_TO, x + w, y + h, LINE_TO, x, y + h, CLOSE_PATH);
          break;
        }
        case Act.Paint:
          if (spec.close) path.push(CLOSE_PATH);
          if (path.length > 0) {
            this.emit(this.ids.constructPath, [this.ids[spec.paint!], [new Float32Array(path)]]);
            path.length = 0;
          }
          break;
        case Act.EndPath:
          path.length = 0;
          break;
        case Act.Do:
          if (ops.kind[0] === K_NAME) this.paintXObject(latin1Name(b, ops.num[0], ops.aux[0]), resources, depth, cpx, cpy);
          break;
        case Act.GState:
          if (ops.kind[0] === K_NAME) this.setGState(latin1Name(b, ops.num[0], ops.aux[0]), resources, depth, cpx, cpy);
          break;
        case Act.EndImage:
          this.endImage(ops);
          break;
        case Act.BeginImage:
          break;
        // Only whether text is painted is read (render mode 3 or 7 paints none): a page of invisible text over its image is a scan with someone's OCR.
        case Act.TextMode:
          if (this.ids.setTextRenderingMode !== undefined) this.emit(this.ids.setTextRenderingMode, [ops.kind[0] === K_NUMBER ? ops.num[0] : 0]);
          break;
        case Act.ShowText: {
          const id = this.ids[spec.paint!];
          if (id !== undefined) this.emit(id, NO_ARGS);
          break;
        }
      }
      ops.n = 0;
    }
    for (let k = 0; k < savedPoints.length; k += 2) this.emit(this.ids.restore, NO_ARGS);
  }

  private endImage(ops: Operands): void {
    if (ops.kind[0] !== K_IMAGE) unsupported('EI without an inline image');
    const image = ops.obj[0] as InlineImage;
    this.paintImage(image.dict, true, () => decodeInline(image, this.doc));
  }

  private paintXObject(name: string, resources: PdfDict | undefined, depth: number, cpx: number, cpy: number): void {
    const xobjects = resources && this.doc.get(resources, 'XObject');
    if (!(xobjects instanceof PdfDict)) return; // pdf.js ignores a missing XObject
    const xobject = this.doc.resolve(xobjects.get(name));
    if (!(xobject instanceof PdfStream)) return;
    const subtype = this.doc.get(xobject.dict, 'Subtype');
    if (!(subtype instanceof PdfName)) return;
    if (subtype.name === 'Form') this.form(xobject, resources, depth, cpx, cpy);
    else if (subtype.name === 'Image') this.paintImage(xobject.dict, false, () => this.doc.streamBytes(xobject));
    // PS XObjects and unknown subtypes paint nothing in pdf.js.
  }

  /** A soft mask's group is evaluated into the page's operator list by pdf.js, so its paths count too. */
  private setGState(name: string, resources: PdfDict | undefined, depth: number, cpx: number, cpy: number): void {
    if (!resources) return;
    let known = this.softMasks.get(resources);
    if (!known) this.softMasks.set(resources, (known = new Map()));
    let group = known.get(name);
    if (group === undefined) {
      group = this.softMaskGroup(name, resources);
      known.set(name, group);
    }
    if (group) this.form(group, resources, depth, cpx, cpy);
  }

  private softMaskGroup(name: string, resources: PdfDict): PdfStream | null {
    const states = this.doc.get(resources, 'ExtGState');
    if (!(states instanceof PdfDict)) return null;
    const state = this.doc.resolve(states.get(name));
    if (!(state instanceof PdfDict)) return null;
    const smask = this.doc.get(state, 'SMask');
    if (!(smask instanceof PdfDict)) return null;
    if (!(this.doc.get(smask, 'S') instanceof PdfName)) return null;
    const group = this.doc.get(smask, 'G');
    return group instanceof PdfStream ? group : null;
  }

  private form(stream: PdfStream, resources: PdfDict | undefined, depth: number, cpx: number, cpy: number): void {
    if (depth + 1 > RAW_BOUNDS.maxXObjectDepth) unsupported('form XObjects nested too deep');
    if (this.activeForms.has(stream)) unsupported('a form XObject that draws itself');
    this.activeForms.add(stream);
    this.emit(this.ids.save, NO_ARGS);
    const matrix = this.doc.get(stream.dict, 'Matrix');
    if (Array.isArray(matrix) && matrix.length === 6) {
      const m = matrix.map((v) => this.doc.resolve(v));
      if (m.every((v) => typeof v === 'number')) this.emit(this.ids.transform, m as number[]);
    }
    const own = this.doc.get(stream.dict, 'Resources');
    this.scan(this.doc.streamBytes(stream, true), own instanceof PdfDict ? own : resources, depth + 1, cpx, cpy);
    this.emit(this.ids.restore, NO_ARGS);
    this.activeForms.delete(stream);
  }

  /** The operator pdf.js chooses for an image, or none where it paints nothing or a solid pixel. */
  private paintImage(dict: PdfDict, inline: boolean, bytes: () => Uint8Array): void {
    // pdf.js looks the short key up first for XObjects too.
    const w = this.doc.resolve(dict.get('W') ?? dict.get('Width'));
    const h = this.doc.resolve(dict.get('H') ?? dict.get('Height'));
    if (typeof w !== 'number' || !w || typeof h !== 'number' || !h) return;
    const mask = this.doc.resolve(dict.get('IM') ?? dict.get('ImageMask'));
    if (mask) {
      if (w === 1 && h === 1) {
        const decode = this.doc.resolve(dict.get('D') ?? dict.get('Decode'));
        const first = Array.isArray(decode) ? this.doc.resolve(decode[0]) : undefined;
        const inverse = typeof first === 'number' && first > 0;
        const data = bytes();
        if (inverse === (data.length === 0 || (data[0] & 128) !== 0)) return; // paintSolidColorImageMask
      }
      this.emit(this.ids.paintImageMaskXObject, NO_ARGS);
      return;
    }
    const hasMask = dict.has('SMask') || dict.has('Mask');
    if (inline && w + h < 200 && !hasMask) this.emit(this.ids.paintInlineImageXObject, NO_ARGS);
    else this.emit(this.ids.paintImageXObject, NO_ARGS);
  }
}

function latin1Name(b: Uint8Array, start: number, end: number): string {
  let plain = true;
  for (let k = start; k < end; k++) if (b[k] === 0x23) plain = false;
  if (plain && end - start <= 8) {
    let s = '';
    for (let k = start; k < end; k++) s += String.fromCharCode(b[k]);
    return s;
  }
  return new Lexer(b, start - 1, end).name().name;
}

function skipLiteralString(b: Uint8Array, i: number, end: number): number {
  let depth = 1;
  i++;
  while (i < end) {
    const c = b[i++];
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i;
  }
  unsupported('unterminated string in a content stream');
}

function skipHexString(b: Uint8Array, i: number, end: number): number {
  while (i < end && b[i] !== 0x3e) i++;
  if (i >= end) unsupported('unterminated hex string in a content stream');
  return i + 1;
}

/** Skips an array or dictionary operand with everything inside it. */
function skipComposite(b: Uint8Array, i: number, end: number): number {
  let depth = 0;
  while (i < end) {
    const c = b[i];
    if (c === 0x28) {
      i = skipLiteralString(b, i, end);
      continue;
    }
    if (c === 0x25) {
      while (i < end && b[i] !== 0x0a && b[i] !== 0x0d) i++;
      continue;
    }
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
    else if (c === 0x3c) {
      if (b[i + 1] === 0x3c) {
        depth++;
        i++;
      } else {
        i = skipHexString(b, i, end);
        continue;
      }
    } else if (c === 0x3e && b[i + 1] === 0x3e) {
      depth--;
      i++;
    } else if (c === 0x2f) {
      // A name may contain ] or > only escaped, but skip it whole so "/a]" is never misread.
      i++;
      while (i < end && CHAR_CLASS[b[i]] === 0) i++;
      continue;
    }
    i++;
    if (depth <= 0) return i;
  }
  unsupported('unterminated array or dictionary in a content stream');
}

// --- inline images ------------------------------------------------------------------------------

const KW_ID = Keyword.get('ID');
const COLOUR_COMPONENTS: Record<string, number> = { G: 1, DeviceGray: 1, CalGray: 1, RGB: 3, DeviceRGB: 3, CalRGB: 3, CMYK: 4, DeviceCMYK: 4, I: 1, Indexed: 1 };

/** Reads `<dict> ID <data> EI` after BI; `next` is just past EI. */
function readInlineImage(b: Uint8Array, i: number, end: number): { image: InlineImage; next: number } {
  const parser = new Parser(new Lexer(b, i, end));
  const dict = new PdfDict();
  for (;;) {
    const t = parser.peek();
    if (t === KW_ID) break;
    if (t === EOF) unsupported('inline image without ID');
    parser.next();
    if (!(t instanceof PdfName)) unsupported('inline image key is not a name');
    dict.map.set(t.name, parser.parseObject(1));
  }
  parser.next();
  // pdf.js takes the data from one byte after ID.
  const start = parser.lexer.pos + 1;
  const filter = firstFilter(dict);
  let eiAt: number;
  if (filter === 'A85' || filter === 'ASCII85Decode') eiAt = findEiAfter(b, findBytes(b, [0x7e, 0x3e], start, end), end);
  else if (filter === 'AHx' || filter === 'ASCIIHexDecode') eiAt = findEiAfter(b, findBytes(b, [0x3e], start, end), end);
  else eiAt = (filter === undefined ? exactEnd(b, dict, start, end) : -1);
  if (eiAt < 0) eiAt = findDefaultEnd(b, start, end);
  let dataEnd = eiAt;
  // pdf.js drops the whitespace that separates the data from EI.
  while (dataEnd > start && CHAR_CLASS[b[dataEnd - 1]] === 1 && b[dataEnd - 1] !== 0) dataEnd--;
  return { image: { dict, data: b.subarray(start, Math.max(start, dataEnd)) }, next: Math.min(end, eiAt + 2) };
}

function firstFilter(dict: PdfDict): string | undefined {
  const f = dict.get('F') ?? dict.get('Filter');
  const first = Array.isArray(f) ? f[0] : f;
  return first instanceof PdfName ? first.name : undefined;
}

function findBytes(b: Uint8Array, what: number[], from: number, end: number): number {
  outer: for (let p = from; p + what.length <= end; p++) {
    for (let k = 0; k < what.length; k++) if (b[p + k] !== what[k]) continue outer;
    return p + what.length;
  }
  return -1;
}

/** The EI that follows `from` after optional whitespace, or -1. */
function findEiAfter(b: Uint8Array, from: number, end: number): number {
  if (from < 0) return -1;
  let p = from;
  while (p < end && CHAR_CLASS[b[p]] === 1) p++;
  return b[p] === 0x45 && b[p + 1] === 0x49 && (p + 2 >= end || CHAR_CLASS[b[p + 2]] !== 0) ? p : -1;
}

/** Unfiltered data has a known size: trust it when EI stands right after, whatever bytes the data holds. */
function exactEnd(b: Uint8Array, dict: PdfDict, start: number, end: number): number {
  const num = (short: string, long: string): number | undefined => {
    const v = dict.get(short) ?? dict.get(long);
    return typeof v === 'number' ? v : undefined;
  };
  const w = num('W', 'Width');
  const h = num('H', 'Height');
  const mask = (dict.get('IM') ?? dict.get('ImageMask')) === true;
  const bpc = mask ? 1 : num('BPC', 'BitsPerComponent');
  const cs = dict.get('CS') ?? dict.get('ColorSpace');
  const csName = cs instanceof PdfName ? cs.name : Array.isArray(cs) && cs[0] instanceof PdfName ? cs[0].name : undefined;
  const comps = mask ? 1 : csName !== undefined ? COLOUR_COMPONENTS[csName] : undefined;
  if (!w || !h || !bpc || !comps || w < 0 || h < 0) return -1;
  const length = h * Math.ceil((w * comps * bpc) / 8);
  if (start + length > end) return -1;
  return findEiAfter(b, start + length, end);
}

/**
 * pdf.js's findDefaultInlineStreamEnd: the first `EI` followed by whitespace whose next bytes look
 * like content (printable, and lexing to a known operator with the right operand count).
 */
function findDefaultEnd(b: Uint8Array, start: number, end: number): number {
  let lastCandidate = -1;
  for (let p = start; p + 2 < end + 1; p++) {
    if (b[p] !== 0x45 || b[p + 1] !== 0x49) continue;
    if (p + 2 >= end) return p;
    const ws = b[p + 2];
    if (ws !== 0x20 && ws !== 0x0a && ws !== 0x0d) continue;
    lastCandidate = p;
    const follow = p + 3;
    if (follow >= end) return p;
    if (plausibleAfterEi(b, follow, end)) return p;
  }
  if (lastCandidate >= 0) return lastCandidate;
  unsupported('inline image without EI');
}

function plausibleAfterEi(b: Uint8Array, from: number, end: number): boolean {
  const n = Math.min(15, end - from);
  for (let k = 0; k < n; k++) {
    const ch = b[from + k];
    if (ch === 0 && (k + 1 >= n || b[from + k + 1] !== 0)) continue;
    if (ch !== 0x0a && ch !== 0x0d && (ch < 0x20 || ch > 0x7f)) return false;
  }
  const lexer = new Lexer(b, from, Math.min(end, from + 75));
  let numArgs = 0;
  try {
    for (;;) {
      const t = lexer.next();
      if (t === EOF) return false;
      if (t instanceof Keyword) {
        if (t.word === 'true' || t.word === 'false' || t.word === 'null') {
          numArgs++;
          continue;
        }
        const spec = OP_SPECS.get(t.word);
        if (!spec) return false;
        if (spec.variableArgs ? numArgs <= spec.numArgs : numArgs === spec.numArgs) return true;
        numArgs = 0;
        continue;
      }
      numArgs++;
    }
  } catch (error) {
    if (error instanceof RawPdfUnsupported) return false;
    throw error;
  }
}

const INLINE_FILTERS: Record<string, string> = { AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', Fl: 'FlateDecode' };

/** Only needed for a 1×1 image mask, to tell a solid pixel (no image for pdf.js) from a real mask. */
function decodeInline(image: InlineImage, doc: RawDocument): Uint8Array {
  const f = image.dict.get('F') ?? image.dict.get('Filter');
  const list = Array.isArray(f) ? f : f == null ? [] : [f];
  const names = list.map((x) => (x instanceof PdfName ? INLINE_FILTERS[x.name] ?? x.name : unsupported('inline image filter is not a name')));
  return names.length === 0 ? image.data : decodeFilters(image.data, names, [], doc.budget);
}

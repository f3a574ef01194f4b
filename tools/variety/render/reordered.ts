/**
 * A born-digital PDF that draws its text in another order than it is read. Real producers do: Word and WPS
 * draw a table cell by cell, some producers column by column, some every label and then every number, a page
 * edited in Acrobat gets its edited runs appended at the end of its content stream. A reader that takes the
 * order of the content stream for the reading order meets these. Made from the LibreOffice PDF with qpdf: the
 * file is expanded (QDF), each page's content stream is cut into its text objects (BT … ET), and they are drawn
 * again at the end of the page in a seeded order, each wrapped (`q … Q`) with the graphics and text state it
 * was drawn in (transformation, clip, colour, font and text parameters), so the page looks the same. What a
 * text object set for what came after it (a font, a colour) is left in its place. The file is written back
 * compressed.
 */
import { createHash } from 'node:crypto';
import { Random } from '../random.js';
import { editExpandedPdf } from './qdf-edit.js';

/**
 * The order the text objects are drawn in: the stream's order reversed; column by column (by x, then from the
 * top); every object whose text is a number after all the others (each group in stream order); shuffled.
 */
export type DrawOrder = 'reversed' | 'columns' | 'numbers-last' | 'shuffled';
export const DRAW_ORDERS: readonly DrawOrder[] = ['reversed', 'columns', 'numbers-last', 'shuffled'];

export async function reorderPdfText(sourcePdf: string, targetPdf: string, order: DrawOrder): Promise<void> {
  await editExpandedPdf(sourcePdf, targetPdf, (text) => {
    const seed = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const { text: out, moved } = reorderQdf(text, order, seed);
    if (moved === 0) throw new Error(`no page's text could be drawn in another order (${order})`);
    return out;
  });
}

/** The QDF text with every page's text objects drawn in the chosen order, and how many pages changed order. */
export function reorderQdf(qdf: string, order: DrawOrder, seed: string): { text: string; moved: number } {
  const objects = new Map<string, string>();
  for (const m of qdf.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(m[1]!, m[2]!);
  // Each page's content streams, as qpdf's QDF comments name them.
  const streamsOfPage = new Map<number, string[]>();
  for (const m of qdf.matchAll(/\n%% Contents for page (\d+)\n(?:%%[^\n]*\n)*(\d+) 0 obj\n/g)) {
    const page = Number(m[1]);
    streamsOfPage.set(page, [...(streamsOfPage.get(page) ?? []), m[2]!]);
  }
  const pageObjects = new Map<number, string>();
  for (const m of qdf.matchAll(/\n%% Page (\d+)\n(?:%%[^\n]*\n)*(\d+) 0 obj\n/g)) pageObjects.set(Number(m[1]), m[2]!);
  const replaced = new Map<string, string>();
  const random = new Random(seed);
  let moved = 0;
  for (const [page, ids] of streamsOfPage) {
    // A page drawn by more than one stream is left as it is: its state runs from one stream into the next.
    if (ids.length !== 1) continue;
    const body = objects.get(ids[0]!);
    const stream = body && /^<<[\s\S]*?>>\nstream\n([\s\S]*)\nendstream$/.exec(body);
    if (!body || !stream || /\/Filter\b/.test(body.slice(0, body.indexOf('stream\n')))) continue;
    const fonts = fontMaps(objects, pageObjects.get(page));
    const content = reorderContent(stream[1]!, order, fonts, random.fork(`page ${page}`));
    if (content === undefined) continue;
    replaced.set(ids[0]!, body.slice(0, body.length - stream[1]!.length - '\nendstream'.length) + content + '\nendstream');
    moved++;
  }
  const text = qdf.replace(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g, (whole, id: string) =>
    replaced.has(id) ? `\n${id} 0 obj\n${replaced.get(id)!}\nendobj` : whole,
  );
  return { text, moved };
}

// ---------------------------------------------------------------------------------------------------------
// Content streams: operators with their operands.

interface Op {
  op: string;
  /** The operands' tokens, as written. */
  args: string[];
  /** The operation as written, operands and operator. */
  raw: string;
}

const DELIMITERS = '()<>[]{}/%';
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';

/** The operations of a content stream, or undefined when it holds something this cannot cut safely (an inline image). */
export function parseContent(content: string): Op[] | undefined {
  const ops: Op[] = [];
  let args: string[] = [];
  let start = -1;
  let i = 0;
  const n = content.length;
  while (i < n) {
    const c = content[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '%') {
      while (i < n && content[i] !== '\n' && content[i] !== '\r') i++;
      continue;
    }
    const from = i;
    if (c === '(') {
      let depth = 0;
      for (; i < n; i++) {
        const d = content[i]!;
        if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      i++;
    } else if (c === '<' && content[i + 1] === '<') {
      // A dictionary operand (marked content properties): up to its matching >>.
      let depth = 0;
      for (; i < n; i++) {
        if (content.startsWith('<<', i)) {
          depth++;
          i++;
        } else if (content.startsWith('>>', i)) {
          depth--;
          i++;
          if (depth === 0) break;
        } else if (content[i] === '(') {
          for (let d = 0; i < n; i++) {
            if (content[i] === '\\') i++;
            else if (content[i] === '(') d++;
            else if (content[i] === ')' && --d === 0) break;
          }
        }
      }
      i++;
    } else if (c === '<') {
      i = content.indexOf('>', i) + 1;
      if (i === 0) return undefined;
    } else if (c === '[' || c === ']') {
      i++;
    } else if (c === '/') {
      i++;
      while (i < n && !isSpace(content[i]!) && !DELIMITERS.includes(content[i]!)) i++;
    } else {
      while (i < n && !isSpace(content[i]!) && !DELIMITERS.includes(content[i]!)) i++;
      if (i === from) return undefined;
    }
    const token = content.slice(from, i);
    if (start < 0) start = from;
    const operand = /^[-+.\d]/.test(token) || '(<[]/'.includes(token[0]!) || token === 'true' || token === 'false' || token === 'null';
    if (operand) {
      args.push(token);
      continue;
    }
    if (token === 'BI') return undefined;
    ops.push({ op: token, args, raw: content.slice(start, i) });
    args = [];
    start = -1;
  }
  return args.length === 0 ? ops : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The state a text object is drawn in.

/** Operators that set one part of the graphics or text state, overriding what that part held. */
const OVERRIDE: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, {
  w: 'w', J: 'J', j: 'j', M: 'M', d: 'd', ri: 'ri', i: 'i',
  g: 'fill', rg: 'fill', k: 'fill', sc: 'fill', scn: 'fill', cs: 'fill-space',
  G: 'stroke', RG: 'stroke', K: 'stroke', SC: 'stroke', SCN: 'stroke', CS: 'stroke-space',
  Tc: 'Tc', Tw: 'Tw', Tz: 'Tz', TL: 'TL', Tf: 'Tf', Tr: 'Tr', Ts: 'Ts',
}));
const OVERRIDE_ORDER = ['w', 'J', 'j', 'M', 'd', 'ri', 'i', 'fill-space', 'fill', 'stroke-space', 'stroke', 'Tc', 'Tw', 'Tz', 'TL', 'Tf', 'Tr', 'Ts'];
const PATH = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);

interface State {
  /** What accumulates, in order: transformations (cm), clips, extended graphics states (gs). */
  accumulated: string[];
  overrides: Map<string, string>;
  /** The transformation matrix, for where a text object's text starts on the page. */
  ctm: Matrix;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];

interface TextObject {
  /** BT … ET as written. */
  raw: string;
  /** The state it starts in, as operations to set it from the page's initial state. */
  state: string;
  /** The state operations inside it, which hold for what follows it: left in its place when it is moved. */
  residue: string;
  /** Where its first text is shown, on the page. */
  x: number;
  y: number;
  /** Its text, as far as the fonts' ToUnicode maps tell. */
  text: string;
}

/** A font's codes' width in bytes and its ToUnicode map (code as hex → text). */
export interface FontMap {
  bytes: number;
  map: Map<string, string>;
}
/** Per font resource name, its map. */
export type FontMaps = Map<string, FontMap>;

/**
 * The content stream with its text objects drawn at its end in the chosen order, each wrapped with its state;
 * undefined when there is nothing to move or the stream cannot be cut safely.
 */
export function reorderContent(content: string, order: DrawOrder, fonts: FontMaps, random: Random): string | undefined {
  const ops = parseContent(content);
  if (!ops) return undefined;
  const objects: TextObject[] = [];
  const out: string[] = [];
  const stack: State[] = [];
  let state: State = { accumulated: [], overrides: new Map(), ctm: IDENTITY };
  let path: string[] = [];
  let clip = '';
  let inText: { ops: Op[]; state: string; marked: number; font?: string } | undefined;
  for (const o of ops) {
    if (inText) {
      inText.ops.push(o);
      if (o.op === 'BDC' || o.op === 'BMC') inText.marked++;
      else if (o.op === 'EMC') inText.marked--;
      else if (o.op in OVERRIDE) state.overrides.set(OVERRIDE[o.op]!, o.raw);
      else if (o.op === 'gs') state.accumulated.push(o.raw);
      if (o.op !== 'ET') continue;
      const residue = inText.ops.filter((p) => p.op in OVERRIDE || p.op === 'gs').map((p) => p.raw);
      const raw = inText.ops.map((p) => p.raw).join('\n');
      if (inText.marked !== 0) {
        // Marked content that opens in one text object and closes outside it stays where it is.
        out.push(raw);
      } else {
        const at = textStart(inText.ops, state.ctm);
        objects.push({ raw, state: inText.state, residue: residue.join('\n'), x: at.x, y: at.y, text: textOf(inText.ops, fonts, inText.font) });
        out.push(`\u0000${objects.length - 1}`);
      }
      inText = undefined;
      continue;
    }
    if (o.op !== 'BT') out.push(o.raw);
    if (o.op === 'q') stack.push({ accumulated: [...state.accumulated], overrides: new Map(state.overrides), ctm: state.ctm });
    else if (o.op === 'Q') state = stack.pop() ?? { accumulated: [], overrides: new Map(), ctm: IDENTITY };
    else if (o.op === 'cm') {
      state.accumulated.push(o.raw);
      state.ctm = multiply(o.args.map(Number) as Matrix, state.ctm);
    } else if (o.op === 'gs') state.accumulated.push(o.raw);
    else if (o.op in OVERRIDE) state.overrides.set(OVERRIDE[o.op]!, o.raw);
    else if (PATH.has(o.op)) path.push(o.raw);
    else if (o.op === 'W' || o.op === 'W*') clip = o.op;
    else if (PAINT.has(o.op)) {
      if (clip) state.accumulated.push(`${path.join('\n')}\n${clip} n`);
      path = [];
      clip = '';
    } else if (o.op === 'BT') {
      const overrides = OVERRIDE_ORDER.filter((k) => state.overrides.has(k)).map((k) => state.overrides.get(k)!);
      const font = parseContent(state.overrides.get('Tf') ?? '')?.[0]?.args[0];
      inText = { ops: [o], state: [...state.accumulated, ...overrides].join('\n'), marked: 0, font };
    }
  }
  if (inText || objects.length < 2) return undefined;
  const drawn = orderOf(objects, order, random);
  if (drawn.every((k, i) => k === i)) return undefined;
  // The stream as it was, its text objects replaced by what they set for what follows, closed; then the text.
  const kept = out.map((raw) => (raw.startsWith('\u0000') ? objects[Number(raw.slice(1))]!.residue : raw)).filter((raw) => raw !== '');
  const close = 'Q\n'.repeat(stack.length);
  const text = drawn.map((k) => `q\n${objects[k]!.state ? `${objects[k]!.state}\n` : ''}${objects[k]!.raw}\nQ`);
  return `q\n${kept.join('\n')}\n${close}Q\n${text.join('\n')}\n`;
}

/** The order to draw the text objects in, as indexes into their stream order. */
function orderOf(objects: TextObject[], order: DrawOrder, random: Random): number[] {
  const indexes = objects.map((_, i) => i);
  if (order === 'reversed') return indexes.reverse();
  if (order === 'shuffled') return random.sample(indexes, indexes.length);
  if (order === 'columns') {
    return indexes.sort((a, b) => Math.round(objects[a]!.x) - Math.round(objects[b]!.x) || objects[b]!.y - objects[a]!.y || a - b);
  }
  const number = (t: TextObject) => /\d/.test(t.text) && /^[\d\s,.，。%％+\-－]+$/.test(t.text);
  return [...indexes.filter((i) => !number(objects[i]!)), ...indexes.filter((i) => number(objects[i]!))];
}

/** Where a text object's first text is shown, on the page. */
function textStart(ops: Op[], ctm: Matrix): { x: number; y: number } {
  let line: Matrix = IDENTITY;
  let leading = 0;
  const nextLine = (tx: number, ty: number) => {
    line = multiply([1, 0, 0, 1, tx, ty], line);
  };
  for (const o of ops) {
    const a = o.args.map(Number);
    if (o.op === 'Tm') line = a as Matrix;
    else if (o.op === 'Td') nextLine(a[0]!, a[1]!);
    else if (o.op === 'TD') {
      leading = -a[1]!;
      nextLine(a[0]!, a[1]!);
    } else if (o.op === 'TL') leading = a[0]!;
    else if (o.op === 'T*') nextLine(0, -leading);
    else if (o.op === "'" || o.op === '"') {
      nextLine(0, -leading);
      break;
    } else if (o.op === 'Tj' || o.op === 'TJ') break;
  }
  const m = multiply(line, ctm);
  return { x: m[4], y: m[5] };
}

/** The text a text object shows, decoded through its fonts' ToUnicode maps (what no map names is left out). */
function textOf(ops: Op[], fonts: FontMaps, initialFont: string | undefined): string {
  let font = initialFont ? fonts.get(initialFont.slice(1)) : undefined;
  let text = '';
  for (const o of ops) {
    if (o.op === 'Tf') font = fonts.get(o.args[0]!.slice(1));
    if (!['Tj', 'TJ', "'", '"'].includes(o.op) || !font) continue;
    for (const arg of o.args) {
      const bytes = stringBytes(arg);
      if (!bytes) continue;
      for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
        const code = bytes.slice(i, i + font.bytes).map((b) => b.toString(16).padStart(2, '0')).join('');
        text += font.map.get(code) ?? '';
      }
    }
  }
  return text;
}

/** The bytes of a string operand, literal or hexadecimal; undefined for another operand. */
function stringBytes(token: string): number[] | undefined {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    const padded = hex.length % 2 ? `${hex}0` : hex;
    return padded.match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
  }
  if (!token.startsWith('(')) return undefined;
  const bytes: number[] = [];
  const body = token.slice(1, -1);
  const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const e = body[++i];
    if (e === undefined) break;
    if (e in ESCAPES) bytes.push(ESCAPES[e]!);
    else if (/[0-7]/.test(e)) {
      let octal = e;
      while (octal.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) octal += body[++i];
      bytes.push(parseInt(octal, 8) & 0xff);
    } else if (e === '\r' && body[i + 1] === '\n') i++;
    else if (e !== '\n' && e !== '\r') bytes.push(e.charCodeAt(0));
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------
// Fonts: a page's font resources and their ToUnicode maps.

function fontMaps(objects: Map<string, string>, pageId: string | undefined): FontMaps {
  const maps: FontMaps = new Map();
  const deref = (value: string | undefined): string | undefined => {
    const ref = value && /^(\d+) 0 R$/.exec(value.trim());
    return ref ? objects.get(ref[1]!) : value;
  };
  // The page's resources, or those it inherits from its page tree.
  let node = pageId ? objects.get(pageId) : undefined;
  let resources: string | undefined;
  for (let hops = 0; node && hops < 32 && !resources; hops++) {
    resources = deref(entry(node, 'Resources'));
    node = deref(entry(node, 'Parent'));
  }
  const fontDict = resources ? deref(entry(resources, 'Font')) : undefined;
  if (!fontDict) return maps;
  for (const m of fontDict.matchAll(/\/([^\s/<>[\]()]+) (\d+) 0 R/g)) {
    const font = objects.get(m[2]!);
    const cmap = font && deref(entry(font, 'ToUnicode'));
    const stream = cmap && /\nstream\n([\s\S]*)\nendstream$/.exec(cmap);
    if (stream) maps.set(m[1]!, parseToUnicode(stream[1]!));
  }
  return maps;
}

/** A dictionary's entry as written at its top level in QDF (a reference, or an inline dictionary). */
function entry(dict: string, key: string): string | undefined {
  const ref = new RegExp(`\\n  /${key} (\\d+ 0 R)\\n`).exec(dict);
  if (ref) return ref[1];
  const inline = new RegExp(`\\n  /${key} <<\\n([\\s\\S]*?)\\n  >>\\n`).exec(dict);
  return inline ? `<<\n${inline[1]!.replace(/^ {2}/gm, '')}\n>>` : undefined;
}

/** A ToUnicode CMap: the width of its codes and what each code stands for. */
export function parseToUnicode(cmap: string): FontMap {
  const map = new Map<string, string>();
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  const bytes = space ? Math.max(1, space[1]!.length / 2) : 1;
  const unicode = (hex: string) => {
    let s = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  const key = (code: number) => code.toString(16).padStart(bytes * 2, '0');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(key(parseInt(m[1]!, 16)), unicode(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
      const from = parseInt(m[1]!, 16);
      const to = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        const items = [...m[3]!.matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1]!);
        items.forEach((hex, k) => from + k <= to && map.set(key(from + k), unicode(hex)));
      } else {
        const dest = m[3]!.slice(1, -1);
        const head = dest.slice(0, -4);
        const last = parseInt(dest.slice(-4), 16);
        for (let c = from; c <= to && c - from < 65536; c++) map.set(key(c), unicode(head + (last + c - from).toString(16).padStart(4, '0')));
      }
    }
  }
  return { bytes, map };
}

/**
 * One OFD page (its Content.xml and its templates') → the PDF reader's PageContent: text objects become
 * positioned runs and path objects become ruling segments, converted from OFD's millimetres (origin top
 * left, y down) into points with y up from the bottom, so the PDF layout reads them unchanged.
 *
 * Geometry (GB/T 33190 §8–§11): an object's own space maps to the page through its CTM, then is moved to
 * its Boundary's origin. A TextCode places its first character at (X, Y), the baseline, each next one
 * DeltaX / DeltaY further (`g N d` repeats d N times). Paths are AbbreviatedData (M/S, L, Q, B, A, C);
 * they go through the PDF reader's ruling extraction (extractRulings) as a synthetic operator list, so
 * strokes, hairline fills and curves are judged by the same rules as a PDF's.
 */
import type { PageContent, PositionedText } from '../pdf/items.js';
import { extractRulings, type ImageBox, type OpIds } from '../pdf/rulings.js';
import { unifyIdeographs } from '../ideographs.js';
import type { DomElement, DomNode } from '../html/dom.js';
import { boxOf, child, childElements, localName, numbers, textOf, type Box } from './package.js';

/** Millimetres → points. */
const PT_PER_MM = 72 / 25.4;
/** Nested page blocks followed (a hostile file can nest them deeply). */
const MAX_DEPTH = 64;
/** Ruling segments one page may contribute (as for a PDF page). */
const MAX_SEGMENTS_PER_PAGE = 20_000;
/** A gap between two characters of one TextCode wider than this share of the font size starts a new run (cells printed by one TextCode). */
const RUN_GAP = 0.6;

type Matrix = [number, number, number, number, number, number];

export interface OfdImage {
  resource: string;
  box: ImageBox;
}

export interface OfdPageRead {
  content: PageContent;
  images: OfdImage[];
  /** Text drawn invisible (Visible="false"): another program's OCR layer over a scan. */
  invisibleText: number;
}

// Our own operator ids for the synthetic operator list extractRulings reads.
const OPS: OpIds = {
  save: 1, restore: 2, transform: 3, constructPath: 4, stroke: 5, closeStroke: 6, fill: 7, eoFill: 8, fillStroke: 9, eoFillStroke: 10,
  closeFillStroke: 11, closeEOFillStroke: 12, paintImageXObject: 13, paintInlineImageXObject: 14, paintImageMaskXObject: 15, paintImageXObjectRepeat: 16,
};
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 3;

/**
 * Reads one page. `layers` are the parsed Content.xml roots in drawing order (templates first);
 * `budget` caps the text runs (maxPdfTextItems over the document).
 */
export function readOfdPage(layers: DomNode[], page: number, pageBox: Box, budget: number): OfdPageRead {
  const [ox, oy, w, h] = pageBox;
  const toPage = (x: number, y: number): [number, number] => [(x - ox) * PT_PER_MM, (h - (y - oy)) * PT_PER_MM];
  const items: PositionedText[] = [];
  const ops = { fnArray: [] as number[], argsArray: [] as unknown[][] };
  const images: Array<{ resource: string }> = [];
  let invisibleText = 0;
  const visit = (el: DomElement, depth: number): void => {
    const name = localName(el);
    if (name === 'pageblock' || name === 'layer' || name === 'content') {
      if (depth < MAX_DEPTH) for (const c of childElements(el)) visit(c, depth + 1);
      return;
    }
    const boundary = boxOf(el.attribs.boundary) ?? numbers(el.attribs.boundary, 4);
    if (!boundary) return;
    const ctm = numbers(el.attribs.ctm, 6) as Matrix | undefined;
    const m: Matrix = ctm ? [ctm[0], ctm[1], ctm[2], ctm[3], ctm[4] + boundary[0], ctm[5] + boundary[1]] : [1, 0, 0, 1, boundary[0], boundary[1]];
    if (name === 'textobject') {
      const before = items.length;
      readText(el, m, toPage(boundary[0] + boundary[2], boundary[1])[0], page, toPage, items, budget);
      if (el.attribs.visible === 'false') {
        invisibleText += items.length - before;
        for (let i = before; i < items.length; i++) items[i] = { ...items[i], origin: 'ocr', confidence: 90 };
      }
    } else if (name === 'pathobject') {
      const data = pathData(textOf(child(el, 'abbreviateddata')));
      const stroke = el.attribs.stroke !== 'false';
      const fill = el.attribs.fill === 'true';
      const paint = stroke && fill ? OPS.fillStroke : stroke ? OPS.stroke : fill ? (el.attribs.rule === 'Even-Odd' ? OPS.eoFill : OPS.fill) : undefined;
      if (data.length && paint !== undefined) push(ops, m, OPS.constructPath, [paint, [data]]);
    } else if (name === 'imageobject' && el.attribs.resourceid) {
      images.push({ resource: el.attribs.resourceid });
      // An image fills the unit square of its own space (its CTM scales it to the boundary).
      push(ops, m, OPS.paintImageXObject, []);
    }
  };
  for (const root of layers) {
    const pageEl = childElements(root).find((c) => localName(c) === 'page');
    const content = pageEl && child(pageEl, 'content');
    if (content) visit(content, 0);
  }
  const rulings = extractRulings(ops, OPS, toPage, MAX_SEGMENTS_PER_PAGE);
  const lines = [
    ...rulings.horizontal.map((r) => ({ page, x0: r.x0, y0: r.y, x1: r.x1, y1: r.y })),
    ...rulings.vertical.map((r) => ({ page, x0: r.x, y0: r.y0, x1: r.x, y1: r.y1 })),
  ];
  const boxes = rulings.images ?? [];
  return {
    content: { page, width: w * PT_PER_MM, height: h * PT_PER_MM, items, lines },
    images: images.map((image, i) => ({ resource: image.resource, box: boxes[i] })).filter((image) => image.box !== undefined),
    invisibleText,
  };
}

function push(ops: { fnArray: number[]; argsArray: unknown[][] }, m: Matrix, fn: number, args: unknown[]): void {
  ops.fnArray.push(OPS.save, OPS.transform, fn, OPS.restore);
  ops.argsArray.push([], m, args, []);
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** DeltaX / DeltaY: numbers, where `g N d` stands for d repeated N times. */
export function deltas(value: string | undefined, max: number): number[] {
  if (!value) return [];
  const tokens = value.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < max; i++) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const d = Number(tokens[i + 2]);
      i += 2;
      if (!Number.isFinite(count) || !Number.isFinite(d)) break;
      for (let k = 0; k < count && out.length < max; k++) out.push(d);
    } else {
      const d = Number(tokens[i]);
      if (!Number.isFinite(d)) break;
      out.push(d);
    }
  }
  return out;
}

/** A character's advance when the text states none: full width for CJK and full-width forms, half otherwise. */
function advance(ch: string, size: number): number {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(ch) ? size : 0.5 * size;
}

/**
 * The object's text as runs. A character's advance is known only up to the next one (DeltaX): the last
 * one's comes from the object's Boundary when its right edge lies within reach of that character (the
 * extent of the glyphs, as producers write it), else from the character's kind (full or half width).
 */
function readText(el: DomElement, m: Matrix, right: number, page: number, toPage: (x: number, y: number) => [number, number], out: PositionedText[], budget: number): void {
  const size = Number(el.attribs.size);
  if (!(size > 0)) return;
  // The glyphs' height on the page, and their direction, through the CTM (in points, y up).
  const height = size * Math.hypot(m[2], m[3]) * PT_PER_MM;
  let x = 0;
  let y = 0;
  const codes = childElements(el).filter((c) => localName(c) === 'textcode');
  for (const [n, code] of codes.entries()) {
    const text = unifyIdeographs(textOf(code));
    const chars = [...text];
    if (code.attribs.x !== undefined) x = Number(code.attribs.x) || 0;
    if (code.attribs.y !== undefined) y = Number(code.attribs.y) || 0;
    const dx = deltas(code.attribs.deltax, chars.length);
    const dy = deltas(code.attribs.deltay, chars.length);
    // Every character's origin in object space.
    const local: Array<[number, number]> = [];
    let cx = x;
    let cy = y;
    chars.forEach((ch, i) => {
      local.push([cx, cy]);
      cx += dx[i] ?? (dy.length ? 0 : advance(ch, size));
      cy += dy[i] ?? 0;
    });
    x = cx;
    y = cy;
    const placed = local.map(([lx, ly]) => toPage(...apply(m, lx, ly)));
    // Writing direction on the page: horizontal left to right unless the CTM or DeltaY turn it.
    const [ax, ay] = toPage(...apply(m, 0, 0));
    const [bx, by] = dy.length && !dx.length ? toPage(...apply(m, 0, 1)) : toPage(...apply(m, 1, 0));
    const horizontal = bx - ax > 2 * Math.abs(by - ay);
    const scale = Math.hypot(m[0], m[1]) * PT_PER_MM;
    let run: { text: string; x: number; y: number; end: number } | undefined;
    const flush = (): void => {
      if (run && run.text.trim() && out.length < budget) out.push({ text: run.text, page, x: run.x, y: run.y, width: run.end - run.x, height, origin: 'text' });
      run = undefined;
    };
    chars.forEach((ch, i) => {
      const [px, py] = placed[i];
      if (!horizontal) {
        // Sideways or stacked text: one run per character, as the PDF reader stacks a vertical label.
        flush();
        if (ch.trim() && out.length < budget) out.push({ text: ch, page, x: px, y: py, width: height, height, origin: 'text' });
        return;
      }
      const last = n === codes.length - 1 && i === chars.length - 1;
      const end = last && right > px && right <= px + 1.5 * height ? right : px + advance(ch, size) * scale;
      if (run && (px - run.end > RUN_GAP * height || Math.abs(py - run.y) > 0.3 * height)) flush();
      if (!run) {
        if (!ch.trim()) return;
        run = { text: ch, x: px, y: py, end };
      } else {
        run.text += ch;
        run.end = Math.max(run.end, end);
      }
    });
    flush();
  }
}

/** AbbreviatedData → pdf.js path data (DrawOPS). Arcs and quadratic curves count as curves (never a ruling). */
export function pathData(source: string): number[] {
  const tokens = source.trim().split(/[\s,]+/).filter(Boolean);
  const out: number[] = [];
  let i = 0;
  const take = (n: number): number[] | undefined => {
    const args = tokens.slice(i, i + n).map(Number);
    if (args.length < n || !args.every(Number.isFinite)) return undefined;
    i += n;
    return args;
  };
  let current: [number, number] = [0, 0];
  while (i < tokens.length && out.length < 400_000) {
    const op = tokens[i++];
    if (op === 'M' || op === 'S' || op === 'L') {
      const a = take(2);
      if (!a) break;
      out.push(op === 'L' ? LINE_TO : MOVE_TO, a[0], a[1]);
      current = [a[0], a[1]];
    } else if (op === 'B' || op === 'Q' || op === 'A') {
      const a = take(op === 'B' ? 6 : op === 'Q' ? 4 : 7);
      if (!a) break;
      const [ex, ey] = a.slice(-2);
      out.push(CURVE_TO, current[0], current[1], ex, ey, ex, ey);
      current = [ex, ey];
    } else if (op === 'C') out.push(CLOSE_PATH);
    else break; // unknown operator: stop rather than misread the rest
  }
  return out;
}

/**
 * Ruling lines of a page from its operator list: the strokes and hairline fills a word processor
 * draws for table borders, as horizontal and vertical segments in display space. Curves, clips and
 * large fills (cell shading, paragraph backgrounds) are not rulings.
 */
import type { PointMap } from './text-items.js';

export interface HorizontalRule {
  y: number;
  x0: number;
  x1: number;
}
export interface VerticalRule {
  x: number;
  y0: number;
  y1: number;
}
export interface PageRulings {
  horizontal: HorizontalRule[];
  vertical: VerticalRule[];
  /** The page paints at least one image (an image-only page needs OCR, a blank one does not). */
  hasImages: boolean;
  /** Where each image is painted (display space, the unit square through the CTM at the paint), in paint order. */
  images?: ImageBox[];
  /**
   * Text-showing operators by whether they paint: render modes 3 and 7 draw nothing. A scan whose
   * pages were given an OCR text layer (searchable-image PDFs) shows all its text invisibly over the image.
   */
  textShows?: TextShows;
  /**
   * Curve segments of the paths the page fills. Text converted to outlines (ghostscript's
   * -dNoOutputFonts, "create outlines" in a design tool, some print-to-PDF drivers) has no text layer
   * and draws every glyph as filled curves: thousands on a page of text, where a seal or a chart draws tens.
   */
  filledCurves?: number;
}

/** Text-showing operators of a page by whether they paint (render modes 3 and 7 do not). */
export interface TextShows {
  visible: number;
  invisible: number;
}

/** The box an image covers on the page: display space, points, y up from the bottom. */
export interface ImageBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The numeric operator ids this module needs, taken from pdf.js's OPS table. */
export interface OpIds {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
  /** Tr, and the four text-showing operators (Tj, TJ, ', "): counted by render mode. */
  setTextRenderingMode?: number;
  showText?: number;
  showSpacedText?: number;
  nextLineShowText?: number;
  nextLineSetSpacingShowText?: number;
  /** pdf.js wraps a form XObject in these, its /Matrix as the begin's first argument (the raw reader emits save/transform/restore instead). */
  paintFormXObjectBegin?: number;
  paintFormXObjectEnd?: number;
}

type Matrix = [number, number, number, number, number, number];

// pdf.js DrawOPS inside constructPath data.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 3;

/** A fill thinner than this (points) is a drawn line, not shading. */
const HAIRLINE = 2.5;
/** Tolerance for "axis-aligned". */
const SKEW = 0.8;

export function extractRulings(
  ops: { fnArray: number[]; argsArray: unknown[][] },
  ids: OpIds,
  mapPoint: PointMap,
  maxSegments: number,
): PageRulings {
  const horizontal: HorizontalRule[] = [];
  const vertical: VerticalRule[] = [];
  let hasImages = false;
  const images: ImageBox[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  // The text render mode is graphics state: saved and restored with the matrix.
  let textMode = 0;
  const modes: number[] = [];
  const textShows = { visible: 0, invisible: 0 };
  let filledCurves = 0;
  const showOps = new Set([ids.showText, ids.showSpacedText, ids.nextLineShowText, ids.nextLineSetSpacingShowText].filter((id): id is number => id !== undefined));
  const strokeOps = new Set([ids.stroke, ids.closeStroke, ids.fillStroke, ids.eoFillStroke, ids.closeFillStroke, ids.closeEOFillStroke]);
  const fillOps = new Set([ids.fill, ids.eoFill]);
  const anyFillOps = new Set([ids.fill, ids.eoFill, ids.fillStroke, ids.eoFillStroke, ids.closeFillStroke, ids.closeEOFillStroke]);
  const imageOps = new Set([ids.paintImageXObject, ids.paintInlineImageXObject, ids.paintImageMaskXObject, ids.paintImageXObjectRepeat]);

  const toPage = (x: number, y: number): [number, number] =>
    mapPoint(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);

  const addSegment = (ax: number, ay: number, bx: number, by: number): void => {
    if (horizontal.length + vertical.length >= maxSegments) return;
    if (Math.abs(ay - by) <= SKEW && Math.abs(ax - bx) > SKEW) {
      horizontal.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
    } else if (Math.abs(ax - bx) <= SKEW && Math.abs(ay - by) > SKEW) {
      vertical.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn === ids.save) {
      stack.push(ctm);
      modes.push(textMode);
    } else if (fn === ids.restore) {
      ctm = stack.pop() ?? ctm;
      textMode = modes.pop() ?? textMode;
    } else if (fn === ids.setTextRenderingMode) textMode = Number((ops.argsArray[i] as unknown[] | undefined)?.[0]) || 0;
    else if (showOps.has(fn)) {
      if (textMode === 3 || textMode === 7) textShows.invisible++;
      else textShows.visible++;
    }
    else if (fn === ids.transform) ctm = multiply(ops.argsArray[i] as unknown as Matrix, ctm);
    else if (fn === ids.paintFormXObjectBegin) {
      stack.push(ctm);
      modes.push(textMode);
      const matrix = (ops.argsArray[i] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
      if (matrix && matrix.length === 6) ctm = multiply(Array.from(matrix) as Matrix, ctm);
    } else if (fn === ids.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
      textMode = modes.pop() ?? textMode;
    }
    else if (imageOps.has(fn)) {
      hasImages = true;
      // An image fills the unit square of user space; a repeated image's placements are not followed.
      if (fn !== ids.paintImageXObjectRepeat && images.length < MAX_IMAGES) images.push(unitSquare(toPage));
    }
    else if (fn === ids.constructPath) {
      const args = ops.argsArray[i] as [number, (ArrayLike<number> | null)[]];
      const paint = args[0];
      const data = args[1]?.[0];
      if (!data) continue;
      if (anyFillOps.has(paint)) filledCurves += countCurves(data);
      if (strokeOps.has(paint)) forEachSubpath(data, toPage, (points, closed) => strokeSubpath(points, closed, addSegment));
      else if (fillOps.has(paint)) forEachSubpath(data, toPage, (points) => fillSubpath(points, addSegment));
    }
  }
  return { horizontal, vertical, hasImages, images, textShows, filledCurves };
}

/** The curve segments in pdf.js path data. */
function countCurves(data: ArrayLike<number>): number {
  let curves = 0;
  let k = 0;
  while (k < data.length) {
    const op = data[k++];
    if (op === MOVE_TO || op === LINE_TO) k += 2;
    else if (op === CURVE_TO) {
      curves++;
      k += 6;
    } else if (op !== CLOSE_PATH) break;
  }
  return curves;
}

/** Image boxes one page may report (a page tiled with thousands of small images has no table picture among them). */
const MAX_IMAGES = 1_000;

function unitSquare(toPage: (x: number, y: number) => Point): ImageBox {
  const corners = [toPage(0, 0), toPage(1, 0), toPage(0, 1), toPage(1, 1)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

type Point = [number, number];

/** Walks the subpaths of pdf.js path data; a subpath with a curve is reported with `points` empty. */
function forEachSubpath(
  data: ArrayLike<number>,
  toPage: (x: number, y: number) => Point,
  visit: (points: Point[], closed: boolean) => void,
): void {
  let points: Point[] = [];
  let curved = false;
  const flush = (closed: boolean): void => {
    if (points.length > 1 && !curved) visit(points, closed);
    points = [];
    curved = false;
  };
  let k = 0;
  while (k < data.length) {
    const op = data[k++];
    if (op === MOVE_TO) {
      flush(false);
      points.push(toPage(data[k], data[k + 1]));
      k += 2;
    } else if (op === LINE_TO) {
      points.push(toPage(data[k], data[k + 1]));
      k += 2;
    } else if (op === CURVE_TO) {
      curved = true;
      k += 6;
    } else if (op === CLOSE_PATH) {
      const start = points[0];
      flush(true);
      if (start) points.push(start);
    } else {
      break; // unknown drawing op: stop rather than misread the rest
    }
  }
  flush(false);
}

function strokeSubpath(points: Point[], closed: boolean, add: (ax: number, ay: number, bx: number, by: number) => void): void {
  for (let j = 1; j < points.length; j++) add(points[j - 1][0], points[j - 1][1], points[j][0], points[j][1]);
  if (closed && points.length > 2) add(points[points.length - 1][0], points[points.length - 1][1], points[0][0], points[0][1]);
}

/** A thin filled box is a line along its long side. */
function fillSubpath(points: Point[], add: (ax: number, ay: number, bx: number, by: number) => void): void {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= HAIRLINE && w > h) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
  else if (w <= HAIRLINE && h > w) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

import type { GrayImage } from './pgm.js';

/**
 * A straight ink line found in a bitmap, in pixel coordinates (origin top-left). `at` is the centre of
 * the line across its thickness, `from`..`to` its extent along it (inclusive pixel indices).
 */
/** How much darker than the paper on either side a ruling must be. */
const LINE_CONTRAST = 20;

export interface PixelLine {
  orientation: 'horizontal' | 'vertical';
  at: number;
  from: number;
  to: number;
  thickness: number;
}

export interface RulingDetectionOptions {
  /** Pixel values below this count as ink; by default a margin below the paper's own shade. */
  darkThreshold?: number;
  /** Shortest ruling worth keeping on its own, in pixels; shorter ones must be anchored at both ends. */
  longLength: number;
  /** Shortest run considered at all, in pixels: above the stroke length of ordinary body text. */
  minLength: number;
  /** Thicker bands are filled areas or bold glyph stacks, not rulings. */
  maxThickness: number;
  /** Breaks in a line this short (JPEG noise, crossing gaps) are bridged. */
  maxGap: number;
}

/**
 * Finds table rulings: long thin runs of ink. Text strokes are short, so a run must be long to count;
 * short segments (the border of one narrow cell) are kept only when both ends meet a long ruling of the
 * other direction, which is what a table border does and a glyph stroke does not.
 */
export function detectRulings(image: GrayImage, options: RulingDetectionOptions): PixelLine[] {
  const threshold = options.darkThreshold ?? inkThreshold(image);
  const standsOut = (line: PixelLine) => contrasts(image, line);
  const horizontal = mergeRuns(scanRuns(image, 'horizontal', threshold, options), 'horizontal', options).filter(standsOut);
  const vertical = mergeRuns(scanRuns(image, 'vertical', threshold, options), 'vertical', options).filter(standsOut);
  const longH = horizontal.filter((line) => length(line) >= options.longLength);
  const longV = vertical.filter((line) => length(line) >= options.longLength);
  const tolerance = Math.max(3, options.maxGap * 2);
  const anchored = (line: PixelLine, others: PixelLine[]): boolean =>
    touchesAt(line.from, line.at, others, tolerance) && touchesAt(line.to, line.at, others, tolerance);
  const kept = [
    ...horizontal.filter((line) => length(line) >= options.longLength || anchored(line, longV)),
    ...vertical.filter((line) => length(line) >= options.longLength || anchored(line, longH)),
  ];
  return extendFaintEnds(image, kept, threshold, options, tolerance);
}

/**
 * A thin border scanned at a low resolution, turned and straightened again, can fade in places to a
 * grey that no longer passes the ink threshold on any one pixel row, so its ruling stops short of the
 * border it meets: the cells on either side of the faded piece then merge, and a whole table's label
 * column can come out as one cell. Each end of a ruling is carried on to the next line it would meet —
 * a perpendicular ruling across its path, or a further piece of itself — when every step of the way
 * still shows a faint line: darker than the paper, and darker than the paper on both sides of it (what
 * a ruling is and a row of glyphs is not). Ends that meet nothing, or cross paper, stay where they are.
 */
function extendFaintEnds(image: GrayImage, lines: PixelLine[], threshold: number, options: RulingDetectionOptions, tolerance: number): PixelLine[] {
  const reach = options.longLength;
  // Halfway between the paper and the ink threshold: a faded line, still clearly not paper.
  const faint = threshold + Math.max(LINE_CONTRAST, Math.round((paperShade(image) - threshold) / 2));
  const out = lines.map((line) => ({ ...line }));
  for (const line of out) {
    const across = line.orientation === 'horizontal' ? out.filter((other) => other.orientation === 'vertical') : out.filter((other) => other.orientation === 'horizontal');
    const along = out.filter((other) => other !== line && other.orientation === line.orientation && Math.abs(other.at - line.at) <= tolerance);
    // Where each end could be carried to: lines it would cross or meet in a T — they run on past it on
    // both sides — and the near ends of further pieces of itself. Not to a corner: a line that ends
    // where another merely starts may be where the table runs off the page, and carrying it there
    // would close a cell on one side of a region the page break leaves open on the other.
    const stops = [
      ...across.filter((other) => line.at > other.from + tolerance && line.at < other.to - tolerance).map((other) => other.at),
      ...along.flatMap((other) => [other.from, other.to]),
    ];
    // Where a line crosses another its pixels are not lighter on both sides; those steps are not judged.
    const crossings = across.filter((other) => line.at >= other.from - tolerance && line.at <= other.to + tolerance);
    // One stop at a time, so a line faded over several narrow cells is carried across each of them.
    for (;;) {
      const after = stops.filter((at) => at > line.to + tolerance && at - line.to <= reach).sort((a, b) => a - b)[0];
      if (after === undefined || !faintlyRuled(image, line, line.to + 1, Math.round(after), faint, crossings)) break;
      line.to = Math.round(after);
    }
    for (;;) {
      const before = stops.filter((at) => at < line.from - tolerance && line.from - at <= reach).sort((a, b) => b - a)[0];
      if (before === undefined || !faintlyRuled(image, line, Math.round(before), line.from - 1, faint, crossings)) break;
      line.from = Math.round(before);
    }
  }
  const joined = (orientation: PixelLine['orientation']) => joinCollinear(out.filter((line) => line.orientation === orientation), options.maxGap + 2);
  return [...joined('horizontal'), ...joined('vertical')];
}

/** Does a faint line run along `line`'s axis from `from` to `to` (pixels along it), with paper on both sides? */
function faintlyRuled(image: GrayImage, line: PixelLine, from: number, to: number, faint: number, crossings: PixelLine[]): boolean {
  const half = Math.ceil(line.thickness / 2) + 1;
  const offset = half + 3;
  const pixel = (along: number, across: number): number => {
    const [x, y] = line.orientation === 'horizontal' ? [along, across] : [across, along];
    return x >= 0 && y >= 0 && x < image.width && y < image.height ? image.pixels[y * image.width + x] : 255;
  };
  const centre = Math.round(line.at);
  let marked = 0;
  let judged = 0;
  for (let along = from; along <= to; along++) {
    if (crossings.some((other) => Math.abs(other.at - along) <= other.thickness / 2 + 2)) continue;
    judged++;
    let darkest = 255;
    for (let across = centre - half; across <= centre + half; across++) darkest = Math.min(darkest, pixel(along, across));
    const sides = Math.min(pixel(along, centre - offset), pixel(along, centre + offset));
    if (darkest < faint && darkest + LINE_CONTRAST <= sides) marked++;
  }
  // A speck of noise or a glyph stroke touching the line may break it here and there, paper may not.
  return judged > 0 && marked >= 0.9 * judged;
}

/**
 * Thin rulings render as light anti-aliased grey (160-180 on white paper at 300 dpi from a 200 dpi
 * scan), so ink is anything clearly darker than the paper, and the paper is the commonest light shade.
 */
export function inkThreshold(image: GrayImage): number {
  return Math.max(96, paperShade(image) - 40);
}

/** The commonest light shade of a page: the paper (255 for a clean render, lower for a grey scan). */
export function paperShade(image: GrayImage): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < image.pixels.length; i += 7) histogram[image.pixels[i]]++;
  let paper = 255;
  for (let value = 128; value < 256; value++) if (histogram[value] > histogram[paper]) paper = value;
  return paper;
}

/** Paints rulings white so OCR does not read them as 丨, 一, | or 1 glued to the digits beside them. */
export function eraseRulings(image: GrayImage, lines: PixelLine[]): GrayImage {
  const pixels = image.pixels.slice();
  for (const line of lines) {
    const half = Math.ceil(line.thickness / 2) + 1;
    for (let across = Math.floor(line.at - half); across <= Math.ceil(line.at + half); across++) {
      for (let along = line.from - 1; along <= line.to + 1; along++) {
        const [x, y] = line.orientation === 'horizontal' ? [along, across] : [across, along];
        if (x >= 0 && y >= 0 && x < image.width && y < image.height) pixels[y * image.width + x] = 255;
      }
    }
  }
  return { width: image.width, height: image.height, pixels };
}

export function length(line: PixelLine): number {
  return line.to - line.from + 1;
}

interface Run {
  across: number;
  from: number;
  to: number;
}

/**
 * Runs of ink along each row (or column) that are at least minLength long, bridging tiny gaps. A pixel
 * is ink when it passes the threshold and is clearly darker than the pixels a little way off on both
 * sides across the line: a ruling is, the inside of a grey cell shading is not, so a border next to a
 * shaded cell stays a thin line instead of merging with the shading into one thick band.
 */
function scanRuns(image: GrayImage, orientation: PixelLine['orientation'], threshold: number, options: RulingDetectionOptions): Run[] {
  const { width, height, pixels } = image;
  const [acrossCount, alongCount] = orientation === 'horizontal' ? [height, width] : [width, height];
  const index = orientation === 'horizontal' ? (across: number, along: number) => across * width + along : (across: number, along: number) => along * width + across;
  const runs: Run[] = [];
  const side = Math.max(2, Math.ceil(options.maxThickness / 3));
  const isInk = (across: number, along: number): boolean => {
    const value = pixels[index(across, along)];
    if (value >= threshold) return false;
    const before = across >= side ? pixels[index(across - side, along)] : 255;
    const after = across + side < acrossCount ? pixels[index(across + side, along)] : 255;
    return value + LINE_CONTRAST <= Math.min(before, after);
  };
  // Where a ruling crosses another, its own pixels fail the contrast test; its ends are carried on
  // through plain ink so that a line still reaches the border it meets.
  const dark = (across: number, along: number) => along >= 0 && along < alongCount && pixels[index(across, along)] < threshold;
  const keep = (across: number, from: number, to: number) => {
    for (let k = 0; k < side && dark(across, from - 1); k++) from--;
    for (let k = 0; k < side && dark(across, to + 1); k++) to++;
    if (to - from + 1 >= options.minLength) runs.push({ across, from, to });
  };
  for (let across = 0; across < acrossCount; across++) {
    let start = -1;
    let lastInk = -1;
    for (let along = 0; along <= alongCount; along++) {
      const ink = along < alongCount && isInk(across, along);
      if (ink) {
        if (start < 0 || along - lastInk - 1 > options.maxGap) {
          if (start >= 0) keep(across, start, lastInk);
          start = along;
        }
        lastInk = along;
      }
    }
    if (start >= 0) keep(across, start, lastInk);
  }
  return runs;
}

/** Stacks runs on neighbouring rows into lines with a thickness, then joins collinear pieces. */
function mergeRuns(runs: Run[], orientation: PixelLine['orientation'], options: RulingDetectionOptions): PixelLine[] {
  interface Band {
    first: number;
    last: number;
    from: number;
    to: number;
    weight: number;
    weightedAt: number;
  }
  const closed: Band[] = [];
  let open: Band[] = [];
  let currentAcross = -1;
  let extended = new Set<Band>();
  const closeStale = (across: number) => {
    open = open.filter((band) => {
      if (band.last >= across - 1) return true;
      closed.push(band);
      return false;
    });
  };
  for (const run of runs) {
    if (run.across !== currentAcross) {
      closeStale(run.across);
      currentAcross = run.across;
      extended = new Set();
    }
    const band = open.find((candidate) => !extended.has(candidate) && candidate.last === run.across - 1 && overlapShare(candidate, run) >= 0.6);
    const runLength = run.to - run.from + 1;
    if (band) {
      band.last = run.across;
      band.from = Math.min(band.from, run.from);
      band.to = Math.max(band.to, run.to);
      band.weight += runLength;
      band.weightedAt += runLength * run.across;
      extended.add(band);
    } else {
      const created = { first: run.across, last: run.across, from: run.from, to: run.to, weight: runLength, weightedAt: runLength * run.across };
      open.push(created);
      extended.add(created);
    }
  }
  closed.push(...open);

  const lines = closed
    .filter((band) => band.last - band.first + 1 <= options.maxThickness)
    .map((band) => ({ orientation, at: band.weightedAt / band.weight, from: band.from, to: band.to, thickness: band.last - band.first + 1 }))
    .sort((a, b) => a.at - b.at || a.from - b.from);
  return joinCollinear(lines, options.maxGap + 2);
}

function overlapShare(a: { from: number; to: number }, b: { from: number; to: number }): number {
  const overlap = Math.min(a.to, b.to) - Math.max(a.from, b.from) + 1;
  return overlap / Math.min(a.to - a.from + 1, b.to - b.from + 1);
}

/**
 * Joins pieces of one ruling: collinear pieces with a short break, and the parallel bands a blurred,
 * thick or doubled line splits into (their extents across are merged into one thicker line).
 */
function joinCollinear(lines: PixelLine[], gap: number): PixelLine[] {
  // Longest first, so pieces fold into the full line; repeated, so a chain of pieces closes up.
  let current = [...lines].sort((a, b) => length(b) - length(a));
  for (;;) {
    const joined = joinOnce(current, gap);
    if (joined.length === current.length) return joined.sort((a, b) => a.at - b.at || a.from - b.from);
    current = joined;
  }
}

function joinOnce(lines: PixelLine[], gap: number): PixelLine[] {
  const result: PixelLine[] = [];
  for (const line of lines) {
    const previous = result.find(
      (candidate) =>
        Math.abs(candidate.at - line.at) <= Math.max(2, (candidate.thickness + line.thickness) / 2 + 1) &&
        line.from <= candidate.to + gap &&
        line.to >= candidate.from - gap,
    );
    if (!previous) {
      result.push({ ...line });
      continue;
    }
    const low = Math.min(previous.at - previous.thickness / 2, line.at - line.thickness / 2);
    const high = Math.max(previous.at + previous.thickness / 2, line.at + line.thickness / 2);
    // A long ruling keeps its position; a short piece beside it only widens it.
    if (length(line) > length(previous)) previous.at = line.at;
    previous.thickness = Math.max(previous.thickness, line.thickness, Math.round(high - low));
    previous.from = Math.min(previous.from, line.from);
    previous.to = Math.max(previous.to, line.to);
  }
  return result;
}

/**
 * A ruling is darker than the paper on both sides of it. A light cell shading passes the ink threshold
 * too, and its rows (broken by the text on it) would otherwise come out as stacks of lines.
 */
function contrasts(image: GrayImage, line: PixelLine): boolean {
  const offset = Math.ceil(line.thickness / 2) + 3;
  const pixel = (along: number, across: number): number => {
    const [x, y] = line.orientation === 'horizontal' ? [along, across] : [across, along];
    return x >= 0 && y >= 0 && x < image.width && y < image.height ? image.pixels[Math.round(y) * image.width + Math.round(x)] : 255;
  };
  const centre: number[] = [];
  const before: number[] = [];
  const after: number[] = [];
  const step = Math.max(1, Math.floor((line.to - line.from) / 200));
  for (let along = line.from; along <= line.to; along += step) {
    let darkest = 255;
    for (let across = Math.floor(line.at - line.thickness / 2); across <= Math.ceil(line.at + line.thickness / 2); across++) darkest = Math.min(darkest, pixel(along, across));
    centre.push(darkest);
    before.push(pixel(along, line.at - offset));
    after.push(pixel(along, line.at + offset));
  }
  const darkness = median(centre);
  return median(before) - darkness >= LINE_CONTRAST && median(after) - darkness >= LINE_CONTRAST;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Does a point (along, across) of a line lie on one of the perpendicular lines? */
function touchesAt(along: number, across: number, perpendicular: PixelLine[], tolerance: number): boolean {
  return perpendicular.some(
    (other) => Math.abs(other.at - along) <= tolerance + other.thickness / 2 && across >= other.from - tolerance && across <= other.to + tolerance,
  );
}

/** A table shows at least this many long rulings each way (a 2×2 grid has 3). */
const MIN_TABLE_RULINGS = 2;

/**
 * Shortest ruling (points) that counts when both its ends meet long rulings of the other direction:
 * above the strokes of body text, below the cell borders of a table of one or two rows (about 30 pt).
 * The OCR page reader's floor and the table test's, wherever the picture comes from.
 */
export const SHORTEST_RULING = 20;

/**
 * Does the bitmap show a ruled table? Long rulings both ways (60 pt at the image's resolution), found as
 * the OCR reader finds them: the cheap test that keeps photos, seals and charts away from tesseract.
 * Shorter rulings (down to SHORTEST_RULING) count when they meet long ones of the other direction at
 * both ends, as the OCR page reader takes them: the borders of a one- or two-row table (a table split
 * into small tables, each pictured alone).
 */
export function showsRuledTable(image: GrayImage, dpi: number): boolean {
  const px = (points: number) => Math.max(1, Math.round((points * dpi) / 72));
  const rulings = detectRulings(image, { minLength: px(SHORTEST_RULING), longLength: px(60), maxThickness: px(4), maxGap: px(0.6) });
  const horizontal = rulings.filter((line) => line.orientation === 'horizontal').length;
  return horizontal >= MIN_TABLE_RULINGS && rulings.length - horizontal >= MIN_TABLE_RULINGS;
}

/** A strip of table rows pictured alone: its cell borders, and how long they run. */
export interface RowStrip {
  /** Shortest border (points) the strip's cells are closed by: what its OCR must take as a ruling. */
  border: number;
  /** Its vertical rulings (cell borders), in pixels of the strip. */
  verticals: PixelLine[];
}

/**
 * Is the bitmap a strip of a row or two cut from a table (a screenshot cut at the page break)? Ruled as
 * rows are: long rulings across (over half its width), and cell borders running most of the height
 * between the top ruling and the bottom one — longer than any glyph stroke of a row's text; a cut a
 * little above the row leaves them overshooting the top ruling, so they need not end on it. Too short
 * for showsRuledTable (a one-line row's borders are 12–18 pt), such a strip is read only as the rest
 * of a table pictured beside it, which its caller must establish.
 */
export function rowStrip(image: GrayImage, dpi: number): RowStrip | undefined {
  const px = (points: number) => Math.max(1, Math.round((points * dpi) / 72));
  const options = { maxThickness: px(4), maxGap: px(0.6) };
  const across = detectRulings(image, { minLength: px(60), longLength: px(60), ...options }).filter(
    (line) => line.orientation === 'horizontal' && line.to - line.from >= image.width / 2,
  );
  if (across.length < MIN_TABLE_RULINGS) return undefined;
  // The borders run from the top ruling to the bottom one, whatever margin the crop left around them.
  const span = Math.max(...across.map((line) => line.at)) - Math.min(...across.map((line) => line.at));
  const border = Math.max(px(12), Math.round(span * 0.6));
  const verticals = detectRulings(image, { minLength: border, longLength: border, ...options }).filter((line) => line.orientation === 'vertical');
  if (verticals.length < MIN_TABLE_RULINGS) return undefined;
  return { border: (border * 72) / dpi, verticals };
}

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PixelCell } from './cells.js';
import { binarize, crop, encodePgm, pad, type GrayImage } from './pgm.js';
import { paperShade } from './rulings.js';
import { UnreadableDocumentError } from '../../model.js';
import { runTool } from './tools.js';
import { parseTesseractTsv, type OcrWord } from './tsv.js';
import { glyphBox, inkComponents, wholeGlyphBox, withoutStrayDots, type Rect } from './glyphs.js';
import { isSlashGlyph } from './slash-glyph.js';
import { isRingGlyph } from './ring-glyph.js';
import { isBarGlyph } from './bar-glyph.js';
import { stackedUnit, unitCuts, type StackedUnit, type UnitCut } from './unit-cut.js';
import { VALUE_UNITS } from '../../value-token.js';

export interface CellPassOptions {
  dpi: number;
  workDir: string;
  timeoutMs: number;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const NUMBER = /^[-+]?\d[\d,]*(\.\d+)?%?$/;
/**
 * A dash or a slash alone in a cell: how many reports print a blank. It votes like a number, so a '/' the
 * digits-only read saw as 7 (or a '-' as 1) is outvoted by the two reads that see the mark. Read freely,
 * a dash is as often the ideograph 一 (one stroke, the same glyph): in a number cell it is the dash.
 */
function blankMark(text: string): string | undefined {
  const mark = text.replace(/\s/g, '');
  if (/^[-—–‐一_]{1,3}$/u.test(mark)) return '-';
  if (/^[/／]$/u.test(mark)) return '/';
  if (mark === '无') return '无';
  return undefined;
}

/**
 * A digit is at most this wide for its height (0 and 4 about 0.6): ink as wide as it is tall is no one digit.
 * 无, the blank spelled as a word, is one square glyph (about 1.0).
 */
const ONE_DIGIT_WIDTH = 0.8;

/** One Chinese glyph is at most this wide for its height (unit-cut.ts measures 件 0.93, 元 0.95, 万 0.9). */
const ONE_GLYPH_WIDTH = 1.25;

/** Ink as wide as one square glyph for its height, no wider: 无 alone, not two characters side by side. */
function oneSquareGlyph(ink: Rect): boolean {
  const width = ink.right - ink.left + 1;
  const height = ink.bottom - ink.top + 1;
  return width >= ONE_DIGIT_WIDTH * height && width <= ONE_GLYPH_WIDTH * height;
}

/**
 * The digits-only read spells whatever it sees in digits: 无 comes back 7, or 70 and 7,3 (its strokes taken for two
 * glyphs). When the free read sees 无 in ink as wide as it is tall, a digits-only read of one glyph there is that
 * glyph forced into the character set, no vote for a number; so is a read of more glyphs when the ink is one
 * square glyph, no wider (two digits side by side are wider for their height than 无).
 */
function forcedDigit(digitsRead: string, generalMark: string | undefined, ink: Rect): boolean {
  if (generalMark !== '无' || !digitsRead) return false;
  return [...digitsRead].length === 1 ? ink.right - ink.left + 1 >= ONE_DIGIT_WIDTH * (ink.bottom - ink.top + 1) : oneSquareGlyph(ink);
}
const INK = 128;
/** Blobs smaller than this both ways (in points) are dust or ruling stubs, not glyphs: a 0 is 7 pt tall, a dash 3 pt wide. */
const GLYPH_POINTS = 2;
/** A piece of a faint stroke broken into steps (see readCells) is at least this long one way; specks are smaller. */
const FAINT_PIECE_POINTS = 1;
/** Dust no larger than this either way (points) is no printed mark: a decimal point of 7 pt print is 0.7 pt across. */
const SPECK_POINTS = 0.5;
/** More one-line cells than any statistics table has; beyond it the page pass stands. */
const MAX_CELLS = 1500;

interface Candidate {
  /** A number cell (votes among three reads) or a one-line label cell (kept from the page unless its own read holds more). */
  kind: 'number' | 'label';
  cell: PixelCell;
  /** What the page pass read inside the cell. */
  pageWords: OcrWord[];
  /** The crop handed to tesseract, in page pixels, before padding. */
  left: number;
  top: number;
  file: string;
  /** The cell's ink and the crop's margins, in page pixels: a unit cut re-crops them. */
  ink: Rect;
  crop: Rect;
  /** A number over its wrapped unit: `crop` holds the digits' line only; read as a number only with its unit (readUnits). */
  stacked?: StackedUnit;
  /** The cell's ink is one forward-leaning stroke: a '/' however OCR reads it (slash-glyph.ts). */
  slashShaped?: boolean;
  /** The cell's ink is one ring: a 0, a vote of its own (ring-glyph.ts). */
  ringShaped?: boolean;
  /** The cell's ink is one upright bar: a 1, when no read saw anything there (bar-glyph.ts). */
  barShaped?: boolean;
  /** How many glyphs the ink holds, each as narrow as a digit and apart from the next (digitGlyphs); unset otherwise. */
  glyphs?: number;
  /** A label cell read again only for the value with its unit its ink shows: no other number is taken from it. */
  unitOnly?: boolean;
}

/** A number cell cut before its unit: the digits and the unit cropped apart (unit-cut.ts). */
interface UnitSplit {
  candidate: number;
  cut: UnitCut;
  digitsFile: string;
  unitFile: string;
  /** Every read of the whole cell was a plain number (see numericWholeReads). */
  numeric: boolean;
  /** The unit stood on a line of its own under the digits: the cell's own reads are of the digits alone. */
  stacked: boolean;
}

/**
 * Reads one-line table cells again, each cropped on its own. On a whole page tesseract drops lone
 * digits (a 0 in a column of 0s) and misreads some beside erased rulings; a cropped cell read as a
 * single line, with the character set narrowed to number characters, is far more reliable. Three
 * reads vote (the cell with digits only, the cell read freely, the page pass): agreement of two gives
 * a confident number, a lone read is kept but flagged by a low confidence. A cell whose free read or
 * page words hold Chinese is left alone, so label cells are never turned into digits. If the cell
 * pass itself fails (a timeout on a huge grid), the page pass stands.
 */
export async function readCells(image: GrayImage, cells: PixelCell[], pageWords: OcrWord[], options: CellPassOptions): Promise<OcrWord[]> {
  const px = (points: number) => Math.max(1, Math.round((points * options.dpi) / 72));
  const candidates: Candidate[] = [];
  const faintSlashes: FaintSlash[] = [];
  const threshold = Math.round(paperShade(image) * 0.65);
  for (const cell of cells.slice(0, MAX_CELLS)) {
    const inside = pageWords.filter((word) => centreInside(word, cell));
    // A lone Chinese character may be a digit misread on the page (网 for 2): such a cell votes as a number.
    const lone = inside.length === 1 && [...inside[0].text.trim()].length === 1;
    // Values with their units (0件, or 2件4件 read across an erased ruling) are value cells, not labels, and
    // so may be a few characters ending in a unit (1件 read as 工件): their digits are looked for; a label
    // such as 文件 stays one, its free read being Chinese.
    const kind = inside.some((word) => CJK.test(word.text)) && !lone && !valuesWithUnits(joined(inside)) && !SHORT_WITH_UNIT.test(joined(inside).replace(/\s/g, '')) ? 'label' : 'number';
    // A page word reaching out of the cell holds more than this cell: its crop could not stand for it.
    if (kind === 'label' && !inside.every((word) => withinCell(word, cell, px(2)))) continue;
    const inner = { left: cell.left + px(1.5), top: cell.top + px(1.5), right: cell.right - px(1.5), bottom: cell.bottom - px(1.5) };
    let ink = inkOfGlyphs(image, inner, threshold, px);
    if (!ink) {
      // A slash drawn finer than INK (a hairline in a small picture, scaled up): what the page read there is the slash.
      // Grey, it falls apart at the threshold into steps shorter than a glyph (four of 7 pixels for a slash 34
      // tall at 300 dpi): every piece but specks makes its box; anything else there widens it past a slash's shape.
      const faint = kind === 'number' && inside.length > 0 ? glyphBox(image, inner, threshold, px(FAINT_PIECE_POINTS)) : undefined;
      if (faint && isSlashGlyph(image, faint, threshold, px(5))) faintSlashes.push({ ink: faint, words: inside });
      continue;
    }
    // Ink taller than a line: read only when it is a number over its wrapped unit (22 over 件), the digits' line then.
    let stacked: StackedUnit | undefined;
    if (ink && ink.bottom - ink.top > px(14)) {
      stacked = kind === 'number' ? stackedUnit(image, ink, INK, px(GLYPH_POINTS)) : undefined;
      if (!stacked || stacked.digits.bottom - stacked.digits.top > px(14)) continue;
      ink = stacked.digits;
    }
    if (!ink) continue;
    const margin = px(2);
    const left = Math.max(cell.left + px(1), ink.left - margin);
    const top = Math.max(cell.top + px(1), ink.top - margin);
    const right = Math.min(cell.right - px(1), ink.right + margin);
    const bottom = Math.min(cell.bottom - px(1), ink.bottom + margin, stacked ? stacked.unit.top - 1 : Infinity);
    const file = path.join(options.workDir, `cell-${candidates.length}.pgm`);
    await writeCellPicture(file, image, { left, top, right, bottom }, threshold, kind, px);
    const slashShaped = kind === 'number' && !stacked && isSlashGlyph(image, ink, threshold, px(5));
    const ringShaped = kind === 'number' && !stacked && isRingGlyph(image, ink, threshold);
    const barShaped = kind === 'number' && !stacked && !slashShaped && isBarGlyph(image, ink, threshold);
    const glyphs = stacked ? undefined : digitGlyphs(image, ink, px(GLYPH_POINTS));
    candidates.push({
      kind,
      cell,
      pageWords: inside,
      left: left - px(6),
      top: top - px(6),
      file,
      ink,
      crop: { left, top, right, bottom },
      ...(stacked ? { stacked } : {}),
      ...(slashShaped ? { slashShaped } : {}),
      ...(ringShaped ? { ringShaped } : {}),
      ...(barShaped ? { barShaped } : {}),
      ...(glyphs !== undefined ? { glyphs } : {}),
    });
  }
  if (candidates.length === 0) return asSlashes(pageWords, faintSlashes);

  let lists = 0;
  const read = async (files: string[], psm: string, extra: string[]) => {
    if (files.length === 0) return new Map<number, OcrWord[]>();
    const list = path.join(options.workDir, `cells-${lists++}.txt`);
    await writeFile(list, files.join('\n') + '\n');
    const { stdout } = await runTool('tesseract', [list, 'stdout', '--dpi', String(options.dpi), '--psm', psm, ...extra, 'tsv'], options.timeoutMs);
    return groupByImage(parseTesseractTsv(stdout.toString('utf8')));
  };
  const numbers = candidates.filter((candidate) => candidate.kind === 'number');
  const labels = candidates.filter((candidate) => candidate.kind === 'label');
  try {
    const [read2, labelReads] = await Promise.all([
      readAll(numbers.map((candidate) => candidate.file), read),
      read(labels.map((candidate) => candidate.file), '7', ['-l', 'chi_sim+eng']),
    ]);
    const textual: Array<{ candidate: Candidate; words: OcrWord[] }> = [];
    const withUnits = await readUnits(image, numbers, read2, threshold, px, options.workDir, read);
    const voted = vote(numbers, pageWords, ...read2, textual, withUnits);
    // Cells the page read as Chinese whose own read is a number with fewer Chinese characters than the page saw
    // (spaced full-width digits the page took for characters: ２２ as 和人之, １３２ as 二号之, ２６２９ as 6六; 1件 as
    // 工作): read again and voted as number cells. An own read with as many (2件 where the page read 2伟) is weighed
    // by relabel as before, and so is a cell that votes no number here (its page words still stand).
    // So is a cell whose own read starts with a digit and garbled the rest (1件 read 1fF where the page read 工作) when
    // its ink is digits and one unit glyph (unit-cut.ts): only a value with its unit is taken from it then.
    const misread = await Promise.all(
      labels
        .map((candidate, i) => {
          const own = joined(labelReads.get(i + 1) ?? []);
          const fewer = chineseCount(own) < chineseCount(joined(candidate.pageWords));
          if (fewer && ownReadIsNumber(own)) return { candidate, unitOnly: false };
          const unitShown = fewer && /^\d/.test(own.trim()) && unitCuts(image, candidate.crop, threshold, px(GLYPH_POINTS)).length > 0;
          return unitShown ? { candidate, unitOnly: true } : undefined;
        })
        .filter((x) => x !== undefined)
        .map(async ({ candidate, unitOnly }, k): Promise<Candidate> => {
          const { crop: box } = candidate;
          const file = path.join(options.workDir, `misread-${k}.pgm`);
          await writeCellPicture(file, image, box, threshold, 'number', px);
          return { ...candidate, kind: 'number', file, ...(unitOnly ? { unitOnly } : {}) };
        }),
    );
    let revoted = voted;
    if (misread.length > 0) {
      const reread = await readAll(misread.map((candidate) => candidate.file), read);
      const rereadUnits = await readUnits(image, misread, reread, threshold, px, options.workDir, read);
      revoted = vote(misread, voted, ...reread, [], rereadUnits, numbers.length);
    }
    return asSlashes(relabel([...labels.map((candidate, i) => ({ candidate, words: labelReads.get(i + 1) ?? [] })), ...textual], revoted), faintSlashes);
  } catch (error) {
    if (error instanceof UnreadableDocumentError) return asSlashes(pageWords, faintSlashes);
    throw error;
  }
}

/**
 * Grey ends of a glyph's strokes reaching this far (points) past its part darker than ink make the glyph
 * grey along its length (a coarse scan scaled up): it is cropped whole. Nearer, the box of its dark part
 * stands: tesseract's read of a lone digit turns on a pixel of margin, and fringes add nothing to a glyph.
 */
const GREY_REACH_POINTS = 1.5;

/** The cell's crop as tesseract reads it: black and white, padded, a number cell's stray dots taken out. */
async function writeCellPicture(file: string, image: GrayImage, box: Rect, threshold: number, kind: Candidate['kind'], px: (points: number) => number): Promise<void> {
  const binarized = binarize(crop(image, box.left, box.top, box.right - box.left + 1, box.bottom - box.top + 1), threshold);
  await writeFile(file, encodePgm(pad(kind === 'number' ? withoutStrayDots(binarized, px(GLYPH_POINTS), px(SPECK_POINTS)) : binarized, px(6))));
}

/**
 * How many glyphs a number cell's ink holds, counted as runs of inked columns (glyph-sized blobs; dust and a
 * decimal point are smaller), when every run is as narrow as one digit for the ink's height: digits printed
 * apart, as they are. Touching digits, a unit or a Chinese glyph make a run wider than a digit: unset then.
 */
function digitGlyphs(image: GrayImage, ink: Rect, minSize: number): number | undefined {
  const blobs = inkComponents(image, ink, INK).filter((c) => c.bottom - c.top + 1 >= minSize || c.right - c.left + 1 >= minSize);
  const runs: Rect[] = [];
  for (const blob of [...blobs].sort((a, b) => a.left - b.left)) {
    const last = runs[runs.length - 1];
    if (last && blob.left <= last.right + 1) Object.assign(last, { right: Math.max(last.right, blob.right), top: Math.min(last.top, blob.top), bottom: Math.max(last.bottom, blob.bottom) });
    else runs.push({ left: blob.left, right: blob.right, top: blob.top, bottom: blob.bottom });
  }
  const height = ink.bottom - ink.top + 1;
  // A digit stands the ink's full height; a piece shorter than DIGIT_HEIGHT of it (a serif's ball parted from its
  // stroke, a point, dust) is no glyph of its own.
  const tall = runs.filter((run) => run.bottom - run.top + 1 >= DIGIT_HEIGHT * height);
  // A 0 whose ring broke top and bottom stands as two halves apart: two runs that together are a ring are one glyph.
  const digits: Rect[] = [];
  for (const run of tall) {
    const last = digits[digits.length - 1];
    const both = last && { left: last.left, right: run.right, top: Math.min(last.top, run.top), bottom: Math.max(last.bottom, run.bottom) };
    if (both && isRingGlyph(image, both, INK)) digits[digits.length - 1] = both;
    else digits.push(run);
  }
  if (digits.length === 0 || digits.some((run) => run.right - run.left + 1 > ONE_DIGIT_WIDTH * height)) return undefined;
  return digits.length;
}

/** A digit's ink is at least this tall for the height of the number's ink. */
const DIGIT_HEIGHT = 0.7;

/** The box of a cell's glyphs, taken whole when their strokes run on in grey well past their dark parts (wholeGlyphBox). */
function inkOfGlyphs(image: GrayImage, inner: Rect, threshold: number, px: (points: number) => number): Rect | undefined {
  const core = glyphBox(image, inner, INK, px(GLYPH_POINTS));
  const whole = core && wholeGlyphBox(image, inner, INK, threshold, px(GLYPH_POINTS));
  if (!core || !whole) return core;
  const reach = Math.max(core.left - whole.left, core.top - whole.top, whole.right - core.right, whole.bottom - core.bottom);
  return reach >= px(GREY_REACH_POINTS) ? whole : core;
}

/** A cell whose only ink is a slash too faint to be cropped and read again, with the page's words in it. */
interface FaintSlash {
  ink: Rect;
  words: OcrWord[];
}

/** What the page read as one glyph (1, 7, l, I, |) in a cell whose ink is a slash: OCR's misreading of the blank mark. */
const SLASH_MISREAD = /^[17lI|丨]$/u;

/**
 * The page's reading of each faint slash cell replaced by the slash, when it was one glyph the slash is
 * misread as; at a low confidence, so that the blank it stands for stays in doubt: only the ink's shape
 * says slash, no read did.
 */
function asSlashes(words: OcrWord[], slashes: FaintSlash[]): OcrWord[] {
  const misread = slashes.filter((slash) => slash.words.length === 1 && SLASH_MISREAD.test(slash.words[0].text.trim()));
  if (!misread.length) return words;
  const replaced = new Set(misread.map((slash) => slash.words[0]));
  return words.map((word) => {
    if (!replaced.has(word)) return word;
    const slash = misread.find((s) => s.words[0] === word)!;
    return { ...word, text: '/', left: slash.ink.left, top: slash.ink.top, width: slash.ink.right - slash.ink.left + 1, height: slash.ink.bottom - slash.ink.top + 1, confidence: Math.min(word.confidence, 50) };
  });
}

type ReadByImage = Map<number, OcrWord[]>;

async function readAll(files: string[], read: (files: string[], psm: string, extra: string[]) => Promise<ReadByImage>): Promise<[ReadByImage, ReadByImage]> {
  const digitsOnly = ['-l', 'eng', '-c', 'tessedit_char_whitelist=0123456789.,-%/'];
  const [general, digits] = await Promise.all([read(files, '7', ['-l', 'chi_sim+eng']), read(files, '7', digitsOnly)]);
  // A lone narrow digit (a 1 by itself) is sometimes not seen at all as a text line, but is as a word.
  const unread = files.map((_, i) => i).filter((i) => !digits.has(i + 1));
  if (unread.length > 0) {
    const retry = await read(unread.map((i) => files[i]), '8', digitsOnly);
    unread.forEach((candidateIndex, k) => {
      const words = retry.get(k + 1);
      if (words) digits.set(candidateIndex + 1, words);
    });
  }
  return [general, digits];
}

/**
 * `textual` receives the cells the page read no digits in and whose own read is Chinese: labels, for relabel.
 * `firstLine` numbers the cells' lines on from another vote's.
 */
function vote(
  candidates: Candidate[],
  pageWords: OcrWord[],
  general: ReadByImage,
  digits: ReadByImage,
  textual: Array<{ candidate: Candidate; words: OcrWord[] }>,
  withUnits: Map<number, OcrWord>,
  firstLine = 0,
): OcrWord[] {
  const replaced = new Set<OcrWord>();
  const added: OcrWord[] = [];
  candidates.forEach((candidate, i) => {
    const withUnit = withUnits.get(i);
    if (withUnit) {
      for (const word of candidate.pageWords) replaced.add(word);
      added.push({ ...withUnit, line: `cell/${firstLine + i}` });
      return;
    }
    // Its digits without the unit its other line shows, or a label read again for a value with its unit that no
    // cut found: the page's words stand.
    if (candidate.stacked || candidate.unitOnly) return;
    const generalWords = general.get(i + 1) ?? [];
    const generalMark = blankMark(joined(generalWords));
    const digitWords = digits.get(i + 1) ?? [];
    // 无 read freely is a word like any other (relabel weighs it) unless another read saw digits there: then it votes.
    const wordOnly = generalMark === '无' && ![...digitWords, ...candidate.pageWords].some((word) => /\d/.test(word.text));
    // Ink that is one ring is a 0 whatever the free read took it for (人 for a ring broken in two): no label.
    if ((!generalMark || wordOnly) && generalWords.some((word) => CJK.test(word.text)) && !candidate.ringShaped) {
      if (!candidate.pageWords.some((word) => /\d/.test(word.text))) textual.push({ candidate, words: generalWords });
      return;
    }
    const digitsRead = forcedDigit(joined(digitWords), generalMark, candidate.ink) ? '' : joined(digitWords);
    const generalText = joined(generalWords);
    // The shape of the ink is a vote of its own: one ring is a 0 always (ring-glyph.ts); one upright bar a 1 when
    // no read saw anything there at all (bar-glyph.ts) — OCR passes over a lone 1 now and then, but a read that saw
    // something else there is not outvoted by the bar. Alone, such a vote leaves the cell in doubt.
    const unread = [digitWords, generalWords, candidate.pageWords].every((words) => !joined(words).trim());
    const shape = candidate.ringShaped ? '0' : candidate.barShaped && unread ? '1' : undefined;
    const inkWord: OcrWord = { text: shape ?? '', left: candidate.ink.left, top: candidate.ink.top, width: candidate.ink.right - candidate.ink.left + 1, height: candidate.ink.bottom - candidate.ink.top + 1, confidence: 50, image: 1, line: '' };
    let readings = [
      { text: blankMark(digitsRead) ?? digitsRead, words: digitWords, offset: candidate, shape: false },
      { text: generalMark ?? asDigits(generalText), words: generalWords, offset: candidate, shape: false },
      { text: blankMark(joined(candidate.pageWords)) ?? asDigits(joined(candidate.pageWords)), words: candidate.pageWords, offset: { left: 0, top: 0 }, shape: false },
      ...(shape ? [{ text: shape, words: [inkWord], offset: { left: 0, top: 0 }, shape: true }] : []),
    ].filter((reading) => NUMBER.test(reading.text) || blankMark(reading.text) !== undefined);
    // A number read that another read spells with a glyph more, as many glyphs as the ink holds apart, dropped a
    // glyph (37 read 7 beside 37, 21 read 2 beside 21): no vote.
    // Points and commas are no glyphs of their own (a point is smaller than one): digits are counted.
    const digitsOf = (text: string) => text.replace(/[.,]/g, '');
    const whole = readings.filter((reading) => NUMBER.test(reading.text) && digitsOf(reading.text).length === candidate.glyphs);
    readings = readings.filter(
      (reading) => !whole.some((other) => digitsOf(other.text).length > digitsOf(reading.text).length && isSubsequence(digitsOf(reading.text), digitsOf(other.text))),
    );
    if (readings.length === 0) return;
    // Three reads (cell digits-only, cell general, page) and the ink's shape vote; the digits-only read wins ties,
    // but for a blank mark against the ring (a 0 read '-'). Ink that is one ring votes for 0 (a 0 read 6 by the
    // digits-only read and 0 freely is a 0, two votes to one).
    const votes = (text: string) => readings.filter((reading) => reading.text === text).length;
    // The ink of one forward-leaning stroke is a vote for '/' of its own: with one read seeing the slash it
    // carries the cell; a 1 or 7 read from such ink is the slash misread, a blank left in doubt (no read saw it).
    const slashRead = candidate.slashShaped ? readings.find((reading) => reading.text === '/') : undefined;
    const favourite =
      slashRead ??
      readings.reduce((best, reading) =>
        votes(reading.text) > votes(best.text) || (votes(reading.text) === votes(best.text) && reading.shape && blankMark(best.text) !== undefined) ? reading : best,
      );
    const misreadSlash = candidate.slashShaped && !slashRead && SLASH_MISREAD.test(favourite.text);
    const chosen = misreadSlash ? { ...favourite, text: '/' } : favourite;
    // With the ring's vote a tie of two against two can arise: it is no agreement. Nor is a read against the ring.
    const contested = readings.some((reading) => reading.text !== chosen.text && votes(reading.text) >= votes(chosen.text)) || (candidate.ringShaped && chosen.text !== '0');
    const agreeing = slashRead ? votes('/') + 1 : misreadSlash || contested ? 1 : votes(chosen.text);
    const confidence = Math.min(...chosen.words.map((word) => word.confidence));
    for (const word of candidate.pageWords) replaced.add(word);
    const left = Math.min(...chosen.words.map((word) => word.left));
    const top = Math.min(...chosen.words.map((word) => word.top));
    const right = Math.max(...chosen.words.map((word) => word.left + word.width));
    const bottom = Math.max(...chosen.words.map((word) => word.top + word.height));
    added.push({
      text: chosen.text,
      left: chosen.offset.left + left,
      top: chosen.offset.top + top,
      width: right - left,
      height: bottom - top,
      // Independent reads agreeing is stronger evidence than any one confidence; a lone read is flagged.
      confidence: agreeing >= 2 ? Math.max(confidence, 90) : Math.min(confidence, 50),
      image: 1,
      line: `cell/${firstLine + i}`,
    });
  });
  return [...pageWords.filter((word) => !replaced.has(word)), ...added].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** How many cuts before a unit are tried per cell, nearest the right edge first. */
const MAX_CUTS = 2;
const UNIT_AT_END = new RegExp(`^(.*?)(${VALUE_UNITS.join('|')})$`, 'u');
const SHORT_WITH_UNIT = new RegExp(`^.{1,3}(${VALUE_UNITS.join('|')})$`, 'u');
const NUMBER_WITH_UNITS = new RegExp(`^(?:\\d[\\d,]*(?:\\.\\d+)?(?:${VALUE_UNITS.join('|')})?)+$`, 'u');

/** Text (a page word, or the words of one cell) made of values with units only: 0件, 1,234件, 2件4件. */
function valuesWithUnits(text: string): boolean {
  const folded = text.normalize('NFKC').replace(/[\s|]/g, '');
  return CJK.test(folded) && NUMBER_WITH_UNITS.test(folded);
}

/**
 * Number cells whose free read is not a plain number (a unit after the digits, or letters where the unit
 * stands) are cut before the unit where the ink allows it (unit-cut.ts) and read again in two pieces:
 * the digits with the digits-only set and freely, the unit freely. A cut whose right piece reads as
 * exactly a unit of that many glyphs gives the cell its value, and the reads of its number vote: the
 * two reads of the digits piece, the free read of the whole cell and the page's, each counted when it
 * says a number with that unit or none. Two agreeing reads give a confident word, as in vote(); one
 * read alone is kept at a low confidence, so the cell stays in doubt. 元 scales a value (amounts are
 * recorded in 万元): it is never taken when any read of the cell shows a 万.
 */
async function readUnits(
  image: GrayImage,
  candidates: Candidate[],
  [general, wholeDigits]: [ReadByImage, ReadByImage],
  threshold: number,
  px: (points: number) => number,
  workDir: string,
  read: (files: string[], psm: string, extra: string[]) => Promise<ReadByImage>,
): Promise<Map<number, OcrWord>> {
  const splits: UnitSplit[] = [];
  for (const [i, candidate] of candidates.entries()) {
    const { stacked } = candidate;
    if (stacked) {
      // The digits' line is the candidate's own crop; the unit's line is cropped as a cut-off unit is.
      const unitFile = path.join(workDir, `unit-${splits.length}-unit.pgm`);
      const { unit } = stacked;
      const margin = px(2);
      const [left, top] = [Math.max(candidate.cell.left + px(1), unit.left - margin), Math.max(candidate.crop.bottom + 1, unit.top - margin)];
      const [right, bottom] = [Math.min(candidate.cell.right - px(1), unit.right + margin), Math.min(candidate.cell.bottom - px(1), unit.bottom + margin)];
      await writeFile(unitFile, encodePgm(pad(binarize(crop(image, left, top, right - left + 1, bottom - top + 1), threshold), px(6))));
      const cut: UnitCut = { at: unit.left, digitsEnd: stacked.digits.right, glyphs: stacked.glyphs, taller: true };
      splits.push({ candidate: i, cut, digitsFile: candidate.file, unitFile, numeric: false, stacked: true });
      continue;
    }
    const texts = [joined(general.get(i + 1) ?? []), joined(candidate.pageWords)].map((text) => text.replace(/\s/g, ''));
    // Every read a plain number: the unit, if the ink shows one, was read as digits (0件 as 04, 31件 as 3144) or
    // dropped. Such a cell is cut only before a unit that stands taller than its digits. A blank mark is no number to cut.
    const numeric = texts.every((text) => text === '' || NUMBER.test(asDigits(text)) || blankMark(text) !== undefined);
    if (numeric && (texts.every((text) => text === '') || texts.some((text) => blankMark(text) !== undefined))) continue;
    const cuts = unitCuts(image, candidate.crop, threshold, px(GLYPH_POINTS))
      .filter((cut) => !numeric || cut.taller)
      .slice(0, MAX_CUTS);
    for (const cut of cuts) {
      const { crop: box } = candidate;
      const digitsFile = path.join(workDir, `unit-${splits.length}-digits.pgm`);
      const unitFile = path.join(workDir, `unit-${splits.length}-unit.pgm`);
      const piece = (from: number, to: number) => encodePgm(pad(binarize(crop(image, from, box.top, to - from + 1, box.bottom - box.top + 1), threshold), px(6)));
      // The digits end at their last glyph: a stray stroke of the unit in the gap would read as part of a digit (0 as 6).
      await writeFile(digitsFile, piece(box.left, Math.min(cut.at - 1, cut.digitsEnd + px(1))));
      await writeFile(unitFile, piece(cut.at, box.right));
      splits.push({ candidate: i, cut, digitsFile, unitFile, numeric, stacked: false });
    }
  }
  const resolved = new Map<number, OcrWord>();
  if (splits.length === 0) return resolved;
  const [[freeReads, digitReads], unitReads] = await Promise.all([
    readAll(splits.map((s) => s.digitsFile), read),
    read(splits.map((s) => s.unitFile), '7', ['-l', 'chi_sim']),
  ]);
  splits.forEach((split, k) => {
    if (resolved.has(split.candidate)) return;
    const unitRead = joined(unitReads.get(k + 1) ?? []).replace(/\s/g, '');
    const candidate = candidates[split.candidate];
    const wholeReads = [joined(general.get(split.candidate + 1) ?? []), joined(candidate.pageWords)].map((text) => text.normalize('NFKC').replace(/\s/g, ''));
    // The unit as its piece reads, or (a faint unit read as 人) as the whole cell's reads end: one unit, as wide as the glyphs cut.
    const units = new Set([unitOf(unitRead, split.cut), ...wholeReads.map((text) => UNIT_AT_END.exec(text)?.[2] ?? '')].filter((u) => VALUE_UNITS.includes(u) && [...u].length === split.cut.glyphs));
    if (units.size !== 1) return;
    const [unit] = units;
    if (unit === '元' && wholeReads.some((text) => text.includes('万'))) return;
    const numberOf = (text: string): string | undefined => {
      const m = UNIT_AT_END.exec(text);
      const digits = asDigits(m ? (m[2] === unit ? m[1] : '') : text);
      return /^\d[\d,]*(\.\d+)?$/.test(digits) ? digits : undefined;
    };
    const digitWords = digitReads.get(k + 1) ?? [];
    const freeWords = freeReads.get(k + 1) ?? [];
    // The whole cell's digits-only read counts when it saw the digits alone (the unit's strokes left out).
    const wholeDigitsRead = joined(wholeDigits.get(split.candidate + 1) ?? []);
    const isNumber = (text: string | undefined): text is string => text !== undefined && /^\d[\d,]*(\.\d+)?$/.test(text);
    const pieceReads = [joined(digitWords), asDigits(joined(freeWords).normalize('NFKC'))];
    // Whole reads that took the unit for digits say nothing of the number: only the digits piece votes then.
    // A stacked cell's own reads are of its digits' crop again: only the two reads of it vote, not four.
    // With the unit standing taller than the digits, a whole read that is a piece's number followed by a
    // character or two (0件 as 04) is the unit misread: it votes for that number.
    const asPiece = (text: string | undefined) => (text !== undefined && split.cut.taller ? (pieceReads.find((p) => isNumber(p) && unitMisread(text, p, split.cut.glyphs)) ?? text) : text);
    const wholeNumbers = [wholeDigitsRead, ...wholeReads.map(numberOf)].map(asPiece);
    const reads = (split.numeric || split.stacked ? pieceReads : [...pieceReads, ...wholeNumbers]).filter(isNumber);
    if (reads.length === 0) return;
    const votes = (text: string) => reads.filter((r) => r === text).length;
    const chosen = reads.reduce((best, text) => (votes(text) > votes(best) ? text : best));
    // With the unit standing taller than the digits, a whole read of the number followed by a character or two
    // (0件 as 04) is the unit misread, not another number.
    const rivals = reads.filter((text) => text !== chosen && !(split.cut.taller && unitMisread(text, chosen, split.cut.glyphs)));
    const agreed = votes(chosen) >= 2 && rivals.every((text) => votes(text) < votes(chosen));
    const confident = agreed && (!split.numeric || numericWholeReads([wholeDigitsRead, ...wholeReads].filter(isNumber), chosen, split.cut.glyphs));
    const confidence = Math.min(...[...digitWords, ...(unitReads.get(k + 1) ?? [])].map((word) => word.confidence));
    const { ink } = candidate;
    resolved.set(split.candidate, {
      text: chosen + unit,
      left: ink.left,
      top: ink.top,
      width: ink.right - ink.left + 1,
      height: ink.bottom - ink.top + 1,
      confidence: confident ? Math.max(confidence, 90) : Math.min(confidence, 50),
      image: 1,
      line: '',
    });
  });
  return resolved;
}

/**
 * A cell every read of which says a plain number, cut before a unit its ink shows (taller than the
 * digits) whose piece reads as that unit: the digits piece's number is certain only when every whole
 * read is that number with the unit dropped, or that number followed by the unit read as at most two
 * characters a glyph (0件 as 04). A whole read that differs before the cut (19件 as 794) leaves the cell
 * in doubt: the cut may have fallen inside the number.
 */
function numericWholeReads(wholeReads: string[], chosen: string, glyphs: number): boolean {
  return wholeReads.every((text) => text === chosen || unitMisread(text, chosen, glyphs));
}

/** A read of a whole cell that is the number `chosen` followed by its unit of `glyphs` glyphs misread as one or two characters each. */
function unitMisread(text: string, chosen: string, glyphs: number): boolean {
  return text.startsWith(chosen) && text.length > chosen.length && text.length - chosen.length <= 2 * glyphs;
}

/**
 * 件 cut off at a narrow cell's border or drawn small reads as another glyph with the 亻 radical (什, 伯,
 * 但, 仵, 伴): 件 is the only unit with that radical, and the cut already found a square glyph taller than
 * the digits, so such a read is 件. Any other read is taken as it is.
 */
const JIAN_LOOKALIKES = new Set(['什', '伯', '但', '仵', '伴', '佯', '仕']);
function unitOf(read: string, cut: UnitCut): string {
  return cut.glyphs === 1 && cut.taller && JIAN_LOOKALIKES.has(read) ? '件' : read;
}

/**
 * One-line label cells read on their own. On a whole page tesseract drops now and then a character that
 * stands close to a cell's border (果维持 for 结果维持, 尚未审 for 尚未审结) — which can cost a header its
 * match — while the cell alone, read as one line, keeps it. The cell's read replaces the page's only when
 * it holds more Chinese characters at a fair confidence, or as many at a higher one: a read that loses
 * characters never replaces one that has them.
 */
function relabel(reads: Array<{ candidate: Candidate; words: OcrWord[] }>, words: OcrWord[]): OcrWord[] {
  const replaced = new Set<OcrWord>();
  const added: OcrWord[] = [];
  reads.forEach(({ candidate, words: read }, i) => {
    const cellWords = read.filter((word) => word.text.trim());
    if (cellWords.length === 0 || candidate.pageWords.some((word) => !words.includes(word))) return;
    const cellText = joined(cellWords);
    const pageText = joined(candidate.pageWords);
    const cellConfidence = Math.min(...cellWords.map((word) => word.confidence));
    const pageConfidence = Math.min(...candidate.pageWords.map((word) => word.confidence));
    const [cellChinese, pageChinese] = [chineseCount(cellText), chineseCount(pageText)];
    // 无 read on the ink of one square glyph where the page read more characters than that ink holds (匹克): the
    // blank spelled as a word, kept in doubt (one read saw it).
    const blankWord = blankMark(cellText) === '无' && pageChinese > 1 && oneSquareGlyph(candidate.ink);
    const better = blankWord || (cellChinese > pageChinese && cellConfidence >= LABEL_CONFIDENCE) || (cellChinese === pageChinese && cellConfidence > pageConfidence && cellText !== pageText);
    if (!better) return;
    for (const word of candidate.pageWords) replaced.add(word);
    const left = Math.min(...cellWords.map((word) => word.left));
    const top = Math.min(...cellWords.map((word) => word.top));
    const right = Math.max(...cellWords.map((word) => word.left + word.width));
    const bottom = Math.max(...cellWords.map((word) => word.top + word.height));
    added.push({ text: cellText, left: candidate.left + left, top: candidate.top + top, width: right - left, height: bottom - top, confidence: blankWord ? Math.min(cellConfidence, 50) : cellConfidence, image: 1, line: `label/${i}` });
  });
  if (added.length === 0) return words;
  return [...words.filter((word) => !replaced.has(word)), ...added].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A label cell's own read must be at least this confident to add characters the page read lacks. */
const LABEL_CONFIDENCE = 60;

function chineseCount(text: string): number {
  return [...text].filter((c) => CJK.test(c)).length;
}

/** Does a word lie within the cell (a few pixels of slack for the box's rounding)? */
function withinCell(word: OcrWord, cell: PixelCell, slack: number): boolean {
  return word.left >= cell.left - slack && word.top >= cell.top - slack && word.left + word.width <= cell.right + slack && word.top + word.height <= cell.bottom + slack;
}

function joined(words: OcrWord[]): string {
  return [...words]
    .sort((a, b) => a.left - b.left)
    .map((word) => word.text)
    .join('');
}

/**
 * A cell's own free read that says a number, or values with their units (1件), with at least one digit read as
 * a digit: what the page read as characters there was digits (a 0 read O alone is no such evidence).
 */
function ownReadIsNumber(text: string): boolean {
  const folded = text.replace(/\s/g, '');
  return /\d/.test(folded) && (NUMBER.test(asDigits(folded)) || valuesWithUnits(folded));
}

/** Are the characters of `short` those of `long` in order, some left out? */
function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const c of long) if (at < short.length && c === short[at]) at++;
  return at === short.length;
}

/**
 * Without a character whitelist a lone 0 or 1 often comes back as a letter that looks like it; a serif 1 (its
 * flag and foot) after a digit as a closing bracket: 21 read 2], 11 read 1], where the digits-only read, at
 * confidence 0, drops the 1 (21 read 2).
 */
function asDigits(text: string): string {
  const digits = text.replace(/\s/g, '').replace(/[Oo]/g, '0').replace(/[lI|i\]]/g, '1');
  return NUMBER.test(digits) ? digits : text;
}

function groupByImage(words: OcrWord[]): Map<number, OcrWord[]> {
  const groups = new Map<number, OcrWord[]>();
  for (const word of words) groups.set(word.image, [...(groups.get(word.image) ?? []), word]);
  return groups;
}

function centreInside(word: OcrWord, cell: PixelCell): boolean {
  const x = word.left + word.width / 2;
  const y = word.top + word.height / 2;
  return x > cell.left && x < cell.right && y > cell.top && y < cell.bottom;
}

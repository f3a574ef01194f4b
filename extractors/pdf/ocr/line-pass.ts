import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PixelCell } from './cells.js';
import { crop, encodePgm, pad, type GrayImage } from './pgm.js';
import { UnreadableDocumentError } from '../../model.js';
import { runTool } from './tools.js';
import { parseTesseractTsv, type OcrWord } from './tsv.js';

export interface LinePassOptions {
  dpi: number;
  workDir: string;
  timeoutMs: number;
  languages?: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const LATIN = /[A-Za-z]/g;
const HAS_LATIN = /[A-Za-z]/;
/** Below this a page-pass word is a guess: its line is worth reading again. */
const DOUBTFUL_CONFIDENCE = 60;
/** More garbled lines than a report page has; beyond it the page pass stands. */
const MAX_LINES = 80;

/**
 * Reads garbled text lines again, each cropped on its own as one line (tesseract --psm 7). The page
 * pass (sparse text, psm 11) reads large bold type poorly: a title 平潭综合实验区2024年… comes back as
 * `a综合实验区…` or `WRA实验区…`, a signature as `vie合实验区`, a date as `2025年1月see`; read as a single
 * line the same pixels give the right characters. A line is read again when it holds Latin letters
 * (Chinese reports print few) or a word below DOUBTFUL_CONFIDENCE, and the new reading replaces the old
 * only when it is plainly better: fewer Latin letters (or as few, with more confidence), nearly as much
 * Chinese, and every figure the page pass read with confidence unchanged. Words inside table cells are the cell pass's business and are left alone.
 */
export async function rereadGarbledLines(image: GrayImage, words: OcrWord[], cells: PixelCell[], options: LinePassOptions): Promise<OcrWord[]> {
  const text = words.filter((word) => !cells.some((cell) => centreInside(word, cell)));
  const lines = textLines(text)
    .filter(isGarbled)
    .slice(0, MAX_LINES);
  if (lines.length === 0) return words;
  const px = (points: number) => Math.max(1, Math.round((points * options.dpi) / 72));
  // `covered`: every text word whose centre lies in the crop — its own line's, and those of a line the
  // grouping split off (words a little higher or lower on the same printed line): a re-read replaces
  // them all, or it would print them twice (全年共共收到…申请申请218218件).
  const crops: { line: OcrWord[]; covered: OcrWord[]; left: number; top: number; file: string }[] = [];
  for (const line of lines) {
    // The band of the line's usual glyph height: one wild box (a smudge read as a letter) must not
    // widen the crop into the lines above or below.
    const height = median(line.map((word) => word.height));
    const centre = median(line.map((word) => word.top + word.height / 2));
    const top = Math.max(0, Math.round(centre - height * 0.85));
    const bottom = Math.min(image.height, Math.round(centre + height * 0.85));
    const left = Math.max(0, Math.min(...line.map((word) => word.left)) - px(4));
    const right = Math.min(image.width, Math.max(...line.map((word) => word.left + word.width)) + px(4));
    if (bottom - top < px(4) || right - left < px(4)) continue;
    const file = path.join(options.workDir, `line-${crops.length}.pgm`);
    await writeFile(file, encodePgm(pad(crop(image, left, top, right - left, bottom - top), px(6))));
    const box = { left, top, right, bottom };
    crops.push({ line, covered: text.filter((word) => centreInside(word, box)), left: left - px(6), top: top - px(6), file });
  }
  if (crops.length === 0) return words;

  let reread: OcrWord[];
  try {
    const list = path.join(options.workDir, 'lines.txt');
    await writeFile(list, crops.map((c) => c.file).join('\n') + '\n');
    const { stdout } = await runTool(
      'tesseract',
      [list, 'stdout', '--dpi', String(options.dpi), '-l', options.languages ?? 'chi_sim+eng', '--psm', '7', 'tsv'],
      options.timeoutMs,
    );
    reread = parseTesseractTsv(stdout.toString('utf8'));
  } catch (error) {
    if (error instanceof UnreadableDocumentError) return words;
    throw error;
  }

  const replaced = new Set<OcrWord>();
  const added: OcrWord[] = [];
  crops.forEach((c, i) => {
    const fresh = reread.filter((word) => word.image === i + 1 && !/^\s*$/.test(word.text));
    const old = [...new Set([...c.line, ...c.covered])].sort((a, b) => a.left - b.left);
    // Two crops over the same words: the first re-read taken stands.
    if (old.some((word) => replaced.has(word)) || !better(fresh, old)) return;
    for (const word of old) replaced.add(word);
    // The new words keep the line's band: their own boxes, a pixel or two off, would split one printed
    // line into two and let the layout interleave them (…申请218 + 0件 read as 2180件).
    const top = median(c.line.map((word) => word.top));
    const height = median(c.line.map((word) => word.top + word.height)) - top;
    for (const word of fresh) added.push({ ...word, left: word.left + c.left, top, height, image: 1, line: `line/${i}/${word.line}` });
  });
  if (added.length === 0) return words;
  return [...words.filter((word) => !replaced.has(word)), ...added].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Is a new reading of a line plainly better than the page pass's? */
export function better(fresh: OcrWord[], old: OcrWord[]): boolean {
  if (fresh.length === 0) return false;
  const text = (words: OcrWord[]) => words.map((word) => word.text).join('');
  const latin = (words: OcrWord[]) => (text(words).match(LATIN) ?? []).length;
  const chinese = (words: OcrWord[]) => [...text(words)].filter((ch) => CJK.test(ch)).length;
  const confidence = (words: OcrWord[]) => words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
  // A line of noise read as a letter or two must not become Chinese on a weak guess.
  if (chinese(old) === 0 && confidence(fresh) < 80) return false;
  if (chinese(fresh) < Math.floor(chinese(old) * 0.8)) return false;
  // Figures the page pass read with confidence stand: a re-read that turns 218 into 2180 would make
  // prose say what the page does not. Every such run of digits must come back unchanged, in order.
  const kept = old.filter((word) => word.confidence >= DOUBTFUL_CONFIDENCE).flatMap((word) => word.text.match(/\d+/g) ?? []);
  const runs = text(fresh).match(/\d+/g) ?? [];
  let at = 0;
  for (const run of runs) if (at < kept.length && run === kept[at]) at++;
  if (at < kept.length) return false;
  const [was, now] = [latin(old), latin(fresh)];
  return now < was || (now === was && confidence(fresh) > confidence(old) + 10);
}

function isGarbled(line: OcrWord[]): boolean {
  return line.some((word) => HAS_LATIN.test(word.text) || word.confidence < DOUBTFUL_CONFIDENCE) && line.some((word) => word.height > 0);
}

/** Words grouped into rows by their vertical centres, each row left to right. */
function textLines(words: OcrWord[]): OcrWord[][] {
  const sorted = [...words].sort((a, b) => a.top + a.height / 2 - (b.top + b.height / 2));
  const groups: { top: number; bottom: number; words: OcrWord[] }[] = [];
  for (const word of sorted) {
    const centre = word.top + word.height / 2;
    const group = groups.find((g) => centre >= g.top && centre <= g.bottom);
    if (group) group.words.push(word);
    else groups.push({ top: word.top, bottom: word.top + word.height, words: [word] });
  }
  return groups.map((g) => g.words.sort((a, b) => a.left - b.left));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function centreInside(word: OcrWord, cell: PixelCell): boolean {
  const x = word.left + word.width / 2;
  const y = word.top + word.height / 2;
  return x > cell.left && x < cell.right && y > cell.top && y < cell.bottom;
}

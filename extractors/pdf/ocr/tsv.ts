/** One word tesseract read, in pixels of the image it was given (origin top-left). */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  confidence: number;
  /** Which input image (1-based) when tesseract was given a list of images. */
  image: number;
  /** Words of one text line share this key. */
  line: string;
}

/** Reads the word rows (level 5) of tesseract's TSV output. */
export function parseTesseractTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const fields = row.split('\t');
    if (fields.length < 12 || fields[0] !== '5') continue;
    const text = fields.slice(11).join('\t').trim();
    if (!text) continue;
    const [image, block, paragraph, line] = fields.slice(1, 5);
    words.push({
      text,
      left: Number(fields[6]),
      top: Number(fields[7]),
      width: Number(fields[8]),
      height: Number(fields[9]),
      confidence: Math.max(0, Number(fields[10])),
      image: Number(image),
      line: `${image}/${block}/${paragraph}/${line}`,
    });
  }
  return words;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * Words that are marks alone (specks, remnants of erased rulings) are dropped, but for a colon in a run of text:
 * tesseract reads the full-width colon of 其中：1、 (a pre-2019 statistics table's indicators), 注： or 单位：万元 as
 * a word of its own. One between two words of its line, the first ending in a Chinese character, each within a
 * character of it, is kept; alone, at a line's end or after a number it is a speck as before.
 */
export function withoutMarks(words: OcrWord[]): OcrWord[] {
  return words.filter((word) => !MARKS.test(word.text) || colonInText(word, words));
}

/** The words before and after are found by their line and boxes, not their order (the line pass sorts words by their tops). */
function colonInText(colon: OcrWord, words: OcrWord[]): boolean {
  if (!/^[:：]$/u.test(colon.text)) return false;
  const line = words.filter((word) => word !== colon && word.line === colon.line && word.image === colon.image);
  const before = line.filter((word) => word.left < colon.left).sort((a, b) => b.left + b.width - (a.left + a.width))[0];
  const after = line.filter((word) => word.left > colon.left).sort((a, b) => a.left - b.left)[0];
  if (!before || !after || !CJK_CHARACTER.test(before.text.slice(-1))) return false;
  const size = Math.max(before.height, after.height);
  return colon.left - (before.left + before.width) <= size && after.left - (colon.left + colon.width) <= size;
}

const CJK_CHARACTER = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** A word of these marks only. */
const MARKS = /^[|_\-—~'"`.,:;!]*$/u;

/**
 * Tesseract's chi_sim model emits every Chinese character as its own word, and sometimes puts the
 * item number of a label (the 1. of 1.属于国家秘密) on a text line of its own. Words whose boxes share
 * a row are joined into one run when either side of the join is Chinese and the gap is narrower than
 * a character, so a label reads 行政许可 and not 行 政 许 可; numbers in separate cells stay apart,
 * and nothing is joined across a table ruling (`separated`).
 */
export function joinCjkWords(words: OcrWord[], separated: (left: OcrWord, right: OcrWord) => boolean = () => false): OcrWord[] {
  const runs: OcrWord[][] = [];
  for (const row of rows(words)) {
    let run: OcrWord[] = [];
    for (const word of row) {
      const previous = run[run.length - 1];
      const gap = previous ? word.left - (previous.left + previous.width) : Infinity;
      const charSize = previous ? Math.max(previous.height, word.height) : 0;
      const joins =
        previous !== undefined && gap <= charSize * 0.8 && (CJK.test(previous.text) || CJK.test(word.text)) && !separated(previous, word);
      if (!joins) {
        run = [word];
        runs.push(run);
      } else {
        run.push(word);
      }
    }
  }
  return runs.map(mergeRun);
}

/**
 * One word from a run of words. The run's top and bottom are the medians of its words': tesseract now
 * and then gives one character (often a digit or point) a box far taller than the line, and a union
 * would drag the run's baseline into the row below.
 */
function mergeRun(run: OcrWord[]): OcrWord {
  if (run.length === 1) return { ...run[0] };
  const left = Math.min(...run.map((word) => word.left));
  const right = Math.max(...run.map((word) => word.left + word.width));
  const top = median(run.map((word) => word.top));
  const bottom = median(run.map((word) => word.top + word.height));
  return {
    ...run[0],
    text: run.map((word) => word.text).join(''),
    left,
    width: right - left,
    top,
    height: bottom - top,
    confidence: Math.min(...run.map((word) => word.confidence)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Words grouped into visual rows (per input image), each row left to right, rows top to bottom. */
function rows(words: OcrWord[]): OcrWord[][] {
  const sorted = [...words].sort((a, b) => a.image - b.image || a.top + a.height / 2 - (b.top + b.height / 2));
  const groups: { image: number; top: number; bottom: number; words: OcrWord[] }[] = [];
  for (const word of sorted) {
    const centre = word.top + word.height / 2;
    const row = groups.find(
      (group) =>
        group.image === word.image &&
        ((centre >= group.top && centre <= group.bottom) || ((group.top + group.bottom) / 2 >= word.top && (group.top + group.bottom) / 2 <= word.top + word.height)),
    );
    if (row) {
      row.words.push(word);
    } else {
      groups.push({ image: word.image, top: word.top, bottom: word.top + word.height, words: [word] });
    }
  }
  return groups.map((group) => group.words.sort((a, b) => a.left - b.left));
}

/**
 * chi_sim reads the full-width brackets of （一） as the angle brackets 〈 〉, which Chinese reports
 * do not use; put the brackets back so labels match the template's wording.
 */
export function fixCjkBrackets(text: string): string {
  return text.replace(/\u3008/g, '\uff08').replace(/\u3009/g, '\uff09');
}

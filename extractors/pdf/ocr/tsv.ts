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
 * Tesseract's chi_sim model emits every Chinese character as its own word. Neighbouring words on one
 * line are joined into one run when either side of the join is Chinese and the gap is narrower than a
 * character, so a label reads 行政许可 and not 行 政 许 可; numbers in separate cells stay apart.
 */
export function joinCjkWords(words: OcrWord[]): OcrWord[] {
  const result: OcrWord[] = [];
  for (const word of words) {
    const previous = result[result.length - 1];
    const gap = previous ? word.left - (previous.left + previous.width) : Infinity;
    const charSize = previous ? Math.max(previous.height, word.height) : 0;
    const joins =
      previous !== undefined &&
      previous.line === word.line &&
      gap <= charSize * 0.8 &&
      (CJK.test(previous.text.slice(-1)) || CJK.test(word.text.charAt(0)));
    if (!joins) {
      result.push({ ...word });
      continue;
    }
    const right = Math.max(previous.left + previous.width, word.left + word.width);
    const top = Math.min(previous.top, word.top);
    const bottom = Math.max(previous.top + previous.height, word.top + word.height);
    previous.text += word.text;
    previous.width = right - previous.left;
    previous.top = top;
    previous.height = bottom - top;
    previous.confidence = Math.min(previous.confidence, word.confidence);
  }
  return result;
}

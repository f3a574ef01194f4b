/**
 * Text clean-up shared by paragraphs, headings and table cells (HTML and DOCX): the whitespace a page's
 * markup adds is noise, the characters the author typed (full-width digits and punctuation) are kept.
 */
import { dropInvisible } from '../invisible.js';

/** Han ideographs, CJK punctuation and full-width forms: text that is written without spaces. */
const CJK = /[\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u31c0-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
const CJK_SPACE_CJK = new RegExp(`(${CJK.source}) (?=${CJK.source})`, 'g');

// Word's conditional comments survive some CMS editors as literal, entity-escaped text.
const ESCAPED_WORD_COMMENTS = /<!--\[if[^\]\n]{0,80}\]>?-->|<!--\[endif\]-->|<!\[if[^\]\n]{0,80}\]>|<!\[endif\]>|<!--\?xml[^>\n]{0,200}-->/gi;
const SQUEEZABLE_SPACE = /[ \t\r\n\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f]+/g;
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;

export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/**
 * One line of text as a reader should see it: Word comment debris and invisible characters removed,
 * runs of spaces (incl. &nbsp;) squeezed to one, spaces between two CJK characters dropped (they come
 * from markup line breaks between spans), ideographic indentation trimmed at the ends.
 */
export function normaliseLine(raw: string): string {
  if (isClean(raw)) return raw;
  return squeezeSpaces(raw).replace(CJK_SPACE_CJK, '$1');
}

/** normaliseLine without dropping spaces between CJK characters (where a space separates fields). */
export function squeezeSpaces(raw: string): string {
  if (isClean(raw)) return raw;
  return dropInvisible(raw.replace(ESCAPED_WORD_COMMENTS, '')).replace(SQUEEZABLE_SPACE, ' ').replace(EDGE_SPACE, '');
}

/**
 * True when no pattern above can match anywhere in `text`: no '<' (every Word comment starts with
 * one), no control character or space of any kind (\s, U+3000, U+FEFF), no invisible character. Most
 * cells and many lines are such text (一、总体情况, 1234), and the five replacements then leave it as it is.
 */
function isClean(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x3c) return false;
    if (c < 0xa0) continue;
    if (c === 0xa0 || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff) return false;
  }
  return true;
}

/**
 * Join the lines of one cell (split by <br>, <p> or Word paragraphs): nothing between two CJK
 * characters (结果<br>纠正 → 结果纠正), one space otherwise (Total<br>2023 → Total 2023).
 */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = normaliseLine(raw);
    if (!line) continue;
    if (out && !(isCjk(out[out.length - 1]) && isCjk(line[0]))) out += ' ';
    out += line;
  }
  return out;
}

/**
 * Text whose table rows are their cells joined by one space each (a crawler writing a table row as
 * `cells.join(' ')`): `（一）予以公开 258 12   1 1 `. There an empty cell leaves its two spaces side by
 * side, so a run of n spaces holds n - 1 empty cells and the spaces ending a row hold one each — the
 * row's places are printed, as a tab-separated row's are. Layout text (pdftotext -layout) sets a
 * row's label apart from its values by a wide gap and its columns by varying ones: it is never read so.
 */

/** A value a space-joined row prints: a count, an amount, or a blank marker. */
const VALUE = String.raw`(?:[0-9][0-9.,]*|无|[-—/／])`;
/**
 * A labelled row every one of whose gaps is a single space, with two values or more. Its label may start
 * with an item's numbering (6.属于四类过程性信息 3 1): most of table 三's rows do.
 */
const SINGLE_SPACED_ROW = new RegExp(String.raw`^(?:[0-9]{1,2}[.、．] ?)?[^\s0-9][^\t]*[\u4e00-\u9fff）)] ${VALUE}(?: ${VALUE})+$`);
/** A labelled row whose label stands apart from its first value by a wide gap, as layout text sets it. */
const LAYOUT_ROW = /[\u4e00-\u9fff）)] {2,}[0-9]/;
/** Single-spaced rows a text needs before its runs of spaces are read as empty cells. */
const MIN_SINGLE_SPACED_ROWS = 4;

/** Whether the text's table rows are cells joined by single spaces (and not layout text). */
export function isSpaceJoined(lines: string[]): boolean {
  let single = 0;
  let layout = 0;
  for (const raw of lines) {
    if (raw.includes('\t')) continue;
    const line = raw.trim();
    if (SINGLE_SPACED_ROW.test(line)) single++;
    else if (LAYOUT_ROW.test(line)) layout++;
  }
  return single >= MIN_SINGLE_SPACED_ROWS && single > layout;
}

/**
 * A space-joined line with empty cells (a run of spaces, or spaces ending it) as a tab-separated one,
 * each space a cell boundary; undefined for a line that prints no empty cell.
 */
export function spaceJoinedAsTabs(raw: string): string | undefined {
  if (raw.includes('\t')) return undefined;
  const line = labelSpacesClosed(raw.replace(/^[ \u3000]+|[\r\n]+$/g, ''));
  if (!/\S {2,}\S|\S +$/.test(line)) return undefined;
  return line.replace(/ /g, '\t');
}

const WHOLE_VALUE = new RegExp(`^${VALUE}$`);
/** A word a row prints as a value; an item's numbering (2.) is its label's. */
const isValueWord = (word: string): boolean => WHOLE_VALUE.test(word) && !/^\d+\.$/.test(word);

/**
 * The line with every run of spaces between two words of its label (before its first value) closed to
 * one space (2.  重复申请 1 0 …, 三、  本年度办理结果 （六）其他处理 2.  申请人…, as a typist spaces a
 * label's numbering from its words or pads it): an empty cell never stands inside a label — read as
 * one, the label's later words were pushed into its first values' places.
 */
function labelSpacesClosed(line: string): string {
  const parts = line.split(/( {2,})/);
  // parts alternates words (single-spaced) and runs; a run closes when the words on both sides are text.
  const closed: number[] = [];
  let values = false;
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const before = parts[i - 1].split(' ').at(-1) ?? '';
    const after = parts[i + 1].split(' ')[0] ?? '';
    if (parts[i - 1].split(' ').some(isValueWord) || isValueWord(after)) {
      values = true;
      break;
    }
    if (before && after) closed.push(i);
  }
  // A line of words alone (a header line) keeps its runs: there they may be its empty cells.
  values ||= line.split(/ +/).some(isValueWord);
  if (!values || !closed.length) return line;
  for (const i of closed) parts[i] = ' ';
  return parts.join('');
}

/**
 * Plain text as PDF and Markdown converters write it (pdftotext -layout and the like): table rows are
 * lines of a label followed by whitespace-separated numbers. Rows come broken in the ways layout
 * breaks them: a label on its own line with its numbers on the next, a label wrapped over lines
 * around its numbers, vertical group labels (（三）不予公开) interleaved letter by letter, page
 * numbers and form feeds between rows. Everything else becomes paragraphs (wrapped lines joined).
 */
import { HAS_DIGIT, UNIT_ALONE, VALUE_UNIT_GROUP, foldValueText, isNumberToken, isValueToken } from '../value-token.js';
import { cell, type Block, type TableBlock } from '../model.js';
import { NUMBERING_START, isPageNumberLine, isSectionHeading, joinAllWrapped, namesTableSection, joinWrapped, denseCells, trimCell } from './lines.js';
import { isSpaceJoined, spaceJoinedAsTabs } from './space-joined.js';
import { PLACED_DOUBT, cellSpans, placeByHeader, spanAt, valueColumns, type PlacedRow, type Span } from './header-columns.js';
import { ORDER_DOUBT, placeByOrder } from './order-columns.js';
import { placeOnPageGrids } from './page-grid.js';
import { MAX_FRAGMENT_CHARS, type Line, type NumericLine, type TextLine } from './layout-line.js';
import { joinWrappedNumbers } from './wrapped-numbers.js';

/**
 * Row labels carry digits only as item numbering (1. 2、 （3） (4), or （2 before the item's words when
 * its closing bracket was lost: （2没有现成信息…); a sentence carries counts (受理 3119 件，…, （12月…）).
 */
function countsInLabel(label: string): boolean {
  return /\d/.test(label.replace(/[（(]\d{1,2}[)）]|[（(]\d{1,2}(?=[\u4e00-\u9fff])(?![年月日号时个件条项次人名万元])|\d+[.、．]/g, ''));
}

/** Longest label accepted on a numeric row (characters): longer lines ending in a number are prose. */
const MAX_LABEL_CHARS = 60;
/** A label's length against MAX_LABEL_CHARS: its characters, not the spaces a typist or a layout put between them. */
const labelChars = (label: string): number => label.replace(/\s+/g, '').length;
/**
 * Longest label of a row printed with a single space before one or two numbers (行政许可 2629, as
 * pdf-parse writes it); prose lines are longer, and a sentence ending in a count ends with a unit.
 */
const MAX_TIGHT_LABEL_CHARS = 16;
/** Short lines kept aside while waiting to see whether a table follows (a stacked header runs to ~30). */
const MAX_HELD_LINES = 40;
/** Longest line examined for a numeric tail (characters): table rows are short. */
const MAX_ROW_LINE_CHARS = 400;

/** A header a converter collapsed onto one line with single spaces: 自然人 商业企业 科研机构 … 总计. */
function isCollapsedHeader(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 4 && words.every((w) => w.length <= 8 && !/[。，；：]/.test(w) && !/^\d+$/.test(w));
}

function cellsOf(text: string): string[] {
  return text.split(isCollapsedHeader(text) ? /\s+/ : /\t|\s{2,}/).map(trimCell).filter(Boolean);
}

/** The whitespace-separated values ending a line, the text before them and the gap between (one pass, from the end). */
function numericTail(text: string): { label: string; gap: string; values: string[]; starts: number[] } | undefined {
  const values: string[] = [];
  const starts: number[] = [];
  let end = text.length;
  let labelEnd = end;
  let firstValue = end;
  for (;;) {
    let start = end;
    while (start > 0 && !/\s/.test(text[start - 1])) start--;
    if (start === end || !isValueToken(text.slice(start, end))) break;
    values.unshift(text.slice(start, end));
    starts.unshift(start);
    firstValue = start;
    labelEnd = start;
    while (labelEnd > 0 && /\s/.test(text[labelEnd - 1])) labelEnd--;
    end = labelEnd;
    if (end === 0) break;
  }
  if (values.length === 0) return undefined;
  return { label: trimCell(text.slice(0, labelEnd)), gap: text.slice(labelEnd, firstValue), values, starts };
}

/**
 * A line whose cells are separated by tabs: every tab is a cell boundary, so an empty cell between
 * two tabs is a printed blank in its column (whitespace runs cannot say that).
 */
function tabRow(line: string): NumericLine | undefined {
  if (!line.includes('\t')) return undefined;
  // Trailing tabs are cells too: a row of blanks ends in them.
  const cells = line.replace(/^[ \u3000]+|[\r\n]+$/g, '').split('\t').map(trimCell);
  let first = cells.findIndex((c) => isValueToken(c) || c === '');
  if (first < 0) return textValueRow(cells);
  // A word or sign printed instead of the row's first value (（三）不予公开 · 1.属于国家秘密 · 不适用 · …) is
  // that cell, not the label's last part: read into the label, the row came out a cell short, and a row of
  // blanks short of a cell reads blank wherever its lost cell was — the 不适用 taken for a certain blank.
  const printedFirst = first >= 2 && cells[first - 2] !== '' && isPrintedForValue(cells[first - 1]);
  if (printedFirst) first--;
  const label = cells.slice(0, first).filter(Boolean).join(' ');
  const values = cells.slice(first);
  const digits = values.some((v) => HAS_DIGIT.test(v));
  // Text in a value cell (不适用, 见附件, =1+1) among the numbers is that column's unreadable value:
  // the tabs say where it stands. More numbers than such texts, or it is a header or a sentence. (The
  // word printed for the first value, told by where it stands, is no such text: a row of blanks may print it.)
  const texts = values.filter((v, i) => v !== '' && !isValueToken(v) && !(printedFirst && i === 0));
  const numbers = values.filter(isNumberToken).length;
  if (values.length < 2 || !texts.every(isValueText) || (texts.length > 0 && numbers <= Math.max(1, texts.length))) return undefined;
  // A row of blanks (a label and three or more empty cells) is a row too: prose has no tab runs; a
  // row of values without a label (table 四's one row, or one group's) needs five cells or more.
  if (label ? !digits && values.length < 3 : values.length < 5) return undefined;
  if (labelChars(label) > MAX_LABEL_CHARS || countsInLabel(label) || /[。；！？]/.test(label)) return undefined;
  return { kind: 'numeric', label, values };
}

/**
 * A labelled row of table 二 (one value a row) that prints a sign instead of its value (行政处罚 · ＊): the
 * tab says the sign stands in the value column, so it is the row's unreadable value. Read as a label
 * line, the sign joined the next line's wrapped label (行政处罚 ＊行政 · 强制 195) and 强制's value went to
 * 行政处罚. Only signs (no ideographs): two tabbed words (行政复议 · 行政诉讼) may be a header or a label's parts.
 */
function textValueRow(cells: string[]): NumericLine | undefined {
  if (cells.length !== 2) return undefined;
  const [label, text] = cells;
  if (!label || /\p{Script=Han}/u.test(text) || !isValueText(text) || HAS_DIGIT.test(label) || COLUMN_HEADER_WORDS.test(label)) return undefined;
  if (labelChars(label) > MAX_LABEL_CHARS || countsInLabel(label) || /[。；！？]/.test(label)) return undefined;
  return { kind: 'numeric', label, values: [text] };
}

/**
 * Words and signs a report prints in a value cell instead of a number (不适用, 见附件, ＊, =1+1): a sign
 * (no ideograph) a value cell may hold, or one of the words. Not a unit (条, 件: a statistics table's
 * unit column stands after its indicator) nor any other word a label's part may be.
 */
const WORDS_FOR_VALUE = /^(?:不适用|见附件|不涉及)$/;
function isPrintedForValue(text: string): boolean {
  return text !== '' && isValueText(text) && !HAS_DIGIT.test(text.replace(FORMULA, '')) && (WORDS_FOR_VALUE.test(text) || !/\p{Script=Han}|[A-Za-z]/u.test(text));
}

/** Text a value cell may print instead of a number: short, no numbering, no sentence punctuation. */
function isValueText(text: string): boolean {
  return text.length <= 6 && !NUMBERING_START.test(text) && !/[。，；：！？]/.test(text);
}

/** A spreadsheet formula printed in a value cell instead of its result (=1+1, ＝A3+B3 is no number either). */
const FORMULA = /^[=＝][0-9０-９+＋\-－*×/÷.()（）]+$/;

/** Most values a line of values alone is read for (table 四 prints 15; some slack for split cells). */
const MAX_ALONE_VALUES = 24;

/**
 * A line of values alone (a row whose label wrapped around it) with text in a value cell among its
 * numbers (4 0 0 0 0 0 ＊, 12 见附件 3): the text is that column's unreadable value, as in a tabbed row.
 * Read from the end, the text would stop the row's values there and leave the line as a label fragment
 * — the numbers then taken for the next row's label, and that row's values for this one's.
 */
function valuesAlone(line: string, lead: number): NumericLine | undefined {
  const tokens: Array<{ text: string; start: number }> = [];
  for (const m of line.slice(lead).matchAll(/\S+/g)) {
    // A table's widest row prints 15 values (table 四): a longer line of words is no row of values.
    if (tokens.length > MAX_ALONE_VALUES) return undefined;
    const last = tokens[tokens.length - 1];
    // A unit set apart from its number (13 件, as a PDF's text layer spaces it) is that number's.
    if (last && UNIT_ALONE.test(m[0]) && /^[0-9０-９.,，．]+$/.test(last.text)) last.text += m[0];
    else tokens.push({ text: m[0], start: lead + m.index! });
  }
  const values = tokens.map((t) => t.text);
  const texts = values.filter((v) => !isValueToken(v));
  const numbers = values.filter(isNumberToken).length;
  // Blank markers are values too (3 无 无 无 无 ＊ 无, a table printing its blanks as 无): one number at least.
  const valued = values.length - texts.length;
  if (!texts.length || numbers < 1 || valued < 2 || valued <= texts.length || !texts.every((t) => isValueText(t) && (FORMULA.test(t) || (!HAS_DIGIT.test(t) && t.length <= 4)))) return undefined;
  const starts = tokens.map((t) => t.start);
  return { kind: 'numeric', label: '', values, columns: starts, positions: { values: starts.map((start, i) => spanAt(line, start, start + values[i].length)) } };
}

/**
 * A labelled row of layout text with text in a value cell among its numbers (四、结转下年度继续办理的申请
 * 0  0  ＊  0  0  0  0): read from the end, the text stopped the values there and left counts in the label,
 * so the line was no row at all. The label is the line's first cell (up to a column's gap); the rest, a
 * line of values alone with text among them, as valuesAlone reads it.
 */
function labelledValues(line: string, lead: number): NumericLine | undefined {
  const gap = /\s{2,}/g;
  gap.lastIndex = lead;
  const m = gap.exec(line);
  if (!m) return undefined;
  const label = trimCell(line.slice(lead, m.index));
  if (!label || !(/^\p{Script=Han}|^[（(]/u.test(label) || NUMBERING_START.test(label)) || labelChars(label) > MAX_LABEL_CHARS || countsInLabel(label) || /[。，；！？]/.test(label)) return undefined;
  const rest = valuesAlone(line, m.index + m[0].length);
  if (!rest) return undefined;
  return { ...rest, label, positions: { label: spanAt(line, lead, m.index), values: rest.positions!.values } };
}

/** A label numericTail left ending in a value cell's text after a value, one space apart (… 0 0 ＊). */
function stoppedByText(label: string): boolean {
  const words = label.split(/\s+/);
  return words.length >= 3 && isPrintedForValue(words[words.length - 1]) && isValueToken(words[words.length - 2]);
}

/** Blank markers a rule (a line drawn in characters: - - -, ———, * * *) is made of. */
const RULE_MARKER = /^[-—–―‐‑‒−_=*·.]+$/;
/** Fewest blank markers a line of them alone needs to be a row: a row of blanks in table 三 prints 7. */
const MIN_BLANK_ROW_MARKERS = 3;

/** Fewest spaces between two cells of layout text (pdftotext keeps the gap between columns). */
const COLUMN_GAP = 2;

/**
 * A line of blank markers alone (/ / / / / / /): the values of a row whose label wrapped around them,
 * its first line above and its rest below. As header-like text it would end the label above and start
 * a header band between rows. Markers a rule is drawn with (- — * =) make such a row only one
 * character a cell, each set apart from the next by a column's gap (-    -    -): a rule drawn in
 * characters runs them together or one space apart (- - -, -------, ----- -----).
 */
function blankRowAlone(label: string, values: string[], starts: number[]): boolean {
  if (label !== '' || values.length < MIN_BLANK_ROW_MARKERS || values.some((v) => HAS_DIGIT.test(v))) return false;
  if (values.every((v) => !RULE_MARKER.test(foldValueText(v)))) return true;
  return values.every((v, k) => [...v].length === 1 && (k === 0 || starts[k] - starts[k - 1] - 1 >= COLUMN_GAP));
}

function classify(raw: string, spaceJoined: boolean): Line {
  const line = raw.replace(/\f/g, '');
  const text = trimCell(line);
  // A line of tabs alone is blank unless it holds a row's empty cells (five or more: see tabRow).
  if (text === '') return (line.includes('\t') ? tabRow(line) : undefined) ?? { kind: 'blank' };
  if (isPageNumberLine(text)) return { kind: 'page' };
  // Cells joined by single spaces: a run of spaces holds empty cells, read as a tabbed row's are.
  const asTabs = spaceJoined ? spaceJoinedAsTabs(line) : undefined;
  const tabbed = text.length <= MAX_ROW_LINE_CHARS ? (asTabs !== undefined ? tabRow(asTabs) : undefined) ?? tabRow(line) : undefined;
  if (tabbed) return tabbed;
  // A unit set apart from the number that ends a labelled line (行政事业性收费  0 万元, as a PDF's text
  // layer spaces it) is that value's.
  // Units set apart inside the line (10 件   1件 …) go with their numbers; the spaces move after the
  // unit, so every value still starts in its column.
  const inline = text.replace(UNIT_APART_INLINE, '$1$3$2');
  const tail = /^[^\s0-9０-９]/.test(text) || inline !== text ? inline.replace(UNIT_APART, '$1$2') : text;
  const m = text.length <= MAX_ROW_LINE_CHARS ? numericTail(tail) : undefined;
  // Values after text in a value cell, after values (5.要求…  0 0 ＊ 0 0 0 0): read from the end, the text stopped
  // the values and left 0 0 ＊ in the label. The line's first cell is its label and the rest its values.
  const stopped = m && stoppedByText(m.label) ? labelledValues(line, /^[\s\u3000]*/.exec(line)![0].length) : undefined;
  if (stopped) return stopped;
  if (m) {
    const { label, gap, values } = m;
    // Layout text is a grid of characters (pdftotext -layout puts each glyph, wide or not, in one column).
    const lead = /^[\s\u3000]*/.exec(line)![0].length;
    const columns = m.starts.map((start) => lead + start);
    const realNumbers = values.filter((v) => HAS_DIGIT.test(v)).length;
    const tight = label.length <= MAX_TIGHT_LABEL_CHARS && /[\u4e00-\u9fff）)]$/.test(label) && !/[年月日第共计约为至和及于]$/.test(label);
    const separated = gap.length >= 2 || gap.includes('\t') || label === '' || tight;
    // Row labels carry digits only as numbering (1. 2、); a sentence carries counts (受理 3119 件，…) and full stops.
    const labelOk = labelChars(label) <= MAX_LABEL_CHARS && !countsInLabel(label) && !/[。；！？]/.test(label);
    // A labelled row may be all blank markers (- - -); a bare line of them is a rule, not a row.
    // Three or more blank markers after a label are a row of blanks even when single spaces separate them.
    const hasValues = realNumbers > 0 || (label !== '' && (separated || values.length >= 3) && values.length >= 2) || blankRowAlone(label, values, m.starts);
    if (hasValues && labelOk && (label === '' ? values.length >= 2 || realNumbers === 1 : separated || values.length >= 3)) {
      const labelEnd = lead + m.starts[0] - gap.length;
      const positions: PlacedRow = {
        ...(label ? { label: spanAt(line, lead, labelEnd) } : {}),
        values: m.starts.map((start, i) => spanAt(line, lead + start, lead + start + values[i].length)),
      };
      const labelCells = [...line.slice(lead, labelEnd).matchAll(/\S+(?:\s\S+)*/g)].map((c) => ({ text: trimCell(c[0]), at: lead + c.index! }));
      return { kind: 'numeric', label: cellsOf(label).join(' '), values, columns, positions, ...(labelCells.length > 1 ? { labelCells } : {}) };
    }
  }
  // A space-joined row with text in a value cell (（一）予以公开 0 0 不适用 0 0 0 0, （七）总计 217 1 ＊ 0 0 0 218):
  // read from the end, the text stops the values there and leaves counts in the label, so the line was
  // no row at all. Its single spaces are its cell boundaries, as a tabbed row's tabs are.
  const spacedRow = spaceJoined && !line.includes('\t') && text.length <= MAX_ROW_LINE_CHARS ? tabRow(text.replace(/ /g, '\t')) : undefined;
  if (spacedRow) return spacedRow;
  const lead = /^[\s\u3000]*/.exec(line)![0];
  const alone = text.length <= MAX_ROW_LINE_CHARS ? valuesAlone(line, lead.length) : undefined;
  if (alone) return alone;
  const labelled = text.length <= MAX_ROW_LINE_CHARS ? labelledValues(line, lead.length) : undefined;
  if (labelled) return labelled;
  return { kind: 'text', text, cells: cellsOf(text), indented: /^[\s\u3000]{2,}/.test(line), indent: displayWidth(lead), indentChars: lead.length, spans: cellSpans(line) };
}

/** A header line of a table: several short cells, or the 第二十条 item lines of table 二. */
function isHeaderLike(line: TextLine): boolean {
  if (/^(第[一二三四五六七八九十]+条|信息内容)/.test(line.text)) return true;
  return line.cells.length >= 3 && line.cells.every((c) => c.length <= 16);
}

/** Does this fragment start (somewhere) a new row label, e.g. `其他处 2.申请人逾期…` or `（四）`? */
function startsLabel(line: TextLine): boolean {
  return line.cells.some((c) => NUMBERING_START.test(c)) || NUMBERING_START.test(line.text) || NUMBERING_START.test(line.text.replace(BRACKET_PIECE, ''));
}
/**
 * A vertical group label's opening bracket printed one character a line, set a space before the first
 * line of an item beside it (（ 1.申请人无正当理由… · 六 公开申请 · ）): the item's numbering still starts
 * the label.
 */
const BRACKET_PIECE = /^[（(]\s+/;

function isProse(line: TextLine): boolean {
  if (isSectionHeading(line.text)) return true;
  // Cells far apart on one line (行政复议 … 行政诉讼) are table furniture however wide the line is.
  if (line.cells.length > 1) return line.cells.some((c) => c.length > MAX_FRAGMENT_CHARS);
  return line.text.length > MAX_FRAGMENT_CHARS || /[。！？]$/.test(line.text);
}

/** A label that ends in a group heading with no item after it: （三）不予公开, 三、本年度办理结果 （四）无法提供. */
const GROUP_ONLY = /[（(][一二三四五六七八九十]+[)）][^0-9（()）]*$/;
/**
 * An item number anywhere in a label (4. or （4）): a row whose label has its item already (4.保护第三方合法权 with
 * the vertical （三）不 beside it) takes no other item.
 */
const HAS_ITEM = /(^|[^\d])\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[)）]/;
/** Display columns a vertical group label's characters wander by from line to line. */
const GROUP_COLUMN_SLACK = 2;
/** Characters of a vertical group label on one line: （三）, 不予公, 开. */
const GROUP_PIECE = /^(?:[（(][一二三四五六七八九十]+[)）]|[\u4e00-\u9fff]{1,4})$/;

/** A vertical group label's numbering, alone or with its first characters, on a line of its own: （四）, （四）无. */
function isGroupStart(line: TextLine): boolean {
  return line.cells.length === 1 && /^[（(][一二三四五六七八九十]+[)）][\u4e00-\u9fff]{0,3}$/.test(line.text);
}

/**
 * A line of a vertical group label's characters in the group column, then the wrapped rest of the item
 * above in the label column — between an item row and the next item row (4.保护…), so the rest cannot
 * start the next row's label.
 */
function interleaved(fragment: TextLine, above: string, nextLabel: string): number {
  const cells = fragment.cells;
  // The section's column may print its piece first (三、本年 其他处 · 关不再处理…, 度办理结 · 理 · 开申请: after a
  // repeated header the section's label stands again beside the group's).
  let pieces = GROUP_PIECE.test(cells[0] ?? '') || SECTION_THEN_GROUP_PIECE.test(cells[0] ?? '') ? 1 : 0;
  if (pieces === 1 && cells.length > 2 && GROUP_PIECE.test(cells[0]) && GROUP_PIECE.test(cells[1])) pieces = 2;
  const rest = cells.slice(pieces);
  return pieces > 0 && rest.length > 0 && HAS_ITEM.test(above) && HAS_ITEM.test(nextLabel) && !rest.some((c) => NUMBERING_START.test(c)) ? pieces : 0;
}
/** A vertical section label's piece with its numbering, then the group's piece: 三、本年 其他处. */
const SECTION_THEN_GROUP_PIECE = /^[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff]{1,4}\s+[\u4e00-\u9fff]{1,4}$/;
/**
 * A line that starts a row label and goes on in short cells, some of them values: a row whose values
 * did not all read as values (5.要求… · ＊ · ＊ · -), not a wrapped label.
 */
function isUnreadRow(line: TextLine): boolean {
  const [first, ...rest] = line.cells;
  return NUMBERING_START.test(first ?? '') && rest.length >= 2 && rest.every((c) => c.length <= 6 && !NUMBERING_START.test(c)) && rest.some(isValueToken);
}
/**
 * A line of a table's header band, whose words stand over their columns: two short cells or more, no
 * row label's numbering, no counts.
 */
function isHeaderBandLine(line: TextLine): boolean {
  if (line.cells.length < 2 || startsLabel(line)) return false;
  // A header word printed as a stray digit (总计 as 8) among three words or more still stands over its column.
  const words = line.cells.filter((c) => !/^\d$/.test(c));
  if (line.cells.length - words.length > (words.length >= 3 ? 1 : 0)) return false;
  return words.every((c) => c.length <= MAX_HEADER_WORD_CHARS && !countsInLabel(c) && !isValueToken(c));
}
/** Longest word of a header band's line (characters): 社会公益组织, 本年新制作数量, 未经复议直接起诉. */
const MAX_HEADER_WORD_CHARS = 16;

/**
 * The words of a header band's lines, less those that continue the label column's own header: a header
 * line whose first cell is too long for a header word (the 勾稽 note, （本列数据的勾稽关系为：第一项加第二项之)
 * wraps its rest onto a band line beside the column words (和，等于第三项加第四项之和） · 自然人 · 总计). A
 * word under that first cell is its rest, never a value column: taken for one, where labels begin left
 * of it (at 0 and 3, the rest at 4), it put every row one column right of its template row.
 */
function bandSpans(header: TextLine[], bandLines: TextLine[]): Span[][] {
  const heads = header.filter((f) => !bandLines.includes(f) && f.spans?.length && f.cells[0].length > MAX_HEADER_WORD_CHARS).map((f) => f.spans![0]);
  return bandLines.map((f) => (f.spans ?? []).filter((w) => !heads.some((h) => h.start < w.end && w.start < h.end)));
}

/** A piece of a row label: one short cell of text, no header words, no value. */
function isLabelFragment(line: TextLine): boolean {
  return line.cells.length === 1 && !isHeaderLike(line) && line.text.length <= 16 && !countsInLabel(line.text) && !COLUMN_HEADER_WORDS.test(line.text);
}
/** Words of column headers (表四's 行政复议 … 总计, 表二's 本年制发件数): never the start of a row label. */
const COLUMN_HEADER_WORDS = /^(行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果维持|结果纠正|其他结果|尚未审结|总计|申请人情况|自然人|信息内容|本年.*(件数|数量|金额)|现行有效件数)/;
/**
 * Words only table 三's column header prints: a line holding one after the table's first rows is that
 * header printed again at the top of a page (a row cut by the page break has its label's first line
 * above it and the rest below), never part of a row's label.
 */
const REPEATED_HEADER_WORDS = /申请人情况|勾稽关系|法人或其他|其他组织|自然人|商业企业|科研|社会公|益组织|法律服务/;
/** A fragment that starts with an item number: 1.属于国家秘密, 2、重复申请, （1）属国家秘密. */
const ITEM_START = /^(?:\d+\s*[.、．]|[（(]\d{1,2}[)）])/;

/** A section's numbering starting a line: 三、. */
const SECTION_START = /^[一二三四五六七八九十]{1,3}[、.．]/;
/** A vertical section label's piece (办理结果), a space, then a group's first line ((（二）部分公开…): see sectionLineBelow. */
const SECTION_PIECE_THEN_GROUP = /^(\p{Script=Han}{1,6})\s+([（(][一二三四五六七八九十]+[)）]\S.*)$/u;
/** A group's numbering starting a line: （七）, (3). */
const GROUP_START = /^[（(][一二三四五六七八九十]+[)）]/;
/** A group's or an item's numbering anywhere in a label. */
const SUB_NUMBERING = /[（(][一二三四五六七八九十]+[)）]/;

/**
 * Does a line starting with this numbering begin a row other than the label gathered so far (begun at
 * column `labelAt`)? A label holding an item (3.危及…) is whole before the next item, or a group with an
 * item of its own (（三）不 4.保护…). A group's numbering alone (（六）其他处理, （七）总计) begins a row
 * when it stands where the label began or right of it; left of it, it is a piece of a vertical group
 * label beside the item's rest (3.危及“三安全一稳 · （三）不 0 0 0 · 定”), and a group alone heads
 * its first item (（三）不予公开 · 1.属于国家秘密). Layout text only says where lines stand (`nextAt`).
 */
function startsAnotherRow(label: string, labelAt: number, next: string, nextAt: number | undefined): boolean {
  if (ITEM_START.test(next)) return HAS_ITEM.test(label);
  // A vertical section label's first line before an item (三、本年度 8.属于行政查询事项): that item's row.
  if (SECTION_START.test(next)) return HAS_ITEM.test(next) && HAS_ITEM.test(label);
  if (!GROUP_START.test(next)) return false;
  if (HAS_ITEM.test(next) && HAS_ITEM.test(label)) return true;
  return nextAt !== undefined && nextAt >= labelAt && (HAS_ITEM.test(label) || SUB_NUMBERING.test(label));
}

/** How many items at the end of `items` satisfy `test`. */
function trailingRun<T>(items: T[], test: (item: T) => boolean): number {
  let n = 0;
  while (n < items.length && test(items[items.length - 1 - n])) n++;
  return n;
}

class TableBuilder {
  private rows: string[][] = [];
  /** Doubts of cells the reader put together, by row (the row arrays are edited in place, never replaced). */
  private doubts = new Map<string[], Map<number, string>>();
  private dataRows = 0;
  /** Fragments waiting to be placed: header rows, or pieces of the previous or next row's label. */
  private pending: TextLine[] = [];
  /** The rows under each header band, with where their values stand: see placeByPosition. */
  /** Each header band and the rows under it; `bandPage`: the page its header lines stand on. */
  private segments: Array<{ band: Span[][]; bandPage: number; labels: Array<{ span: Span; page: number }>; rows: Array<{ row: string[]; line: NumericLine; page: number }> }> = [];
  /** Page breaks passed since the table opened: a row's page, a label line's (see placeByPosition). */
  private page = 0;
  private heldOnPage = new WeakMap<TextLine, number>();

  /** The label cells of rows read with their label on one line (see sectionLineBelow). */
  private labelCells = new Map<string[], Array<{ text: string; at: number }>>();

  get open(): boolean {
    return this.rows.length > 0;
  }

  /**
   * A vertical section label's next line under a row that printed its first line beside the row's own
   * label (三、本年度  （一）予以公开  0 … · 办理结果): standing left of the row's own label, it goes on the
   * section's part, not the end of the row's label (（一）予以公开办理结果). Done when so. The line may go on,
   * a space after the section's piece, with the next group's first line (办理结果 （二）部分公开（区分处理的，只):
   * that is the next row's label, given back to start it (never the end of this row's).
   */
  private sectionLineBelow(row: string[], fragment: TextLine): boolean | string {
    const cells = this.labelCells.get(row);
    if (!cells || fragment.cells.length !== 1 || !SECTION_START.test(cells[0].text) || fragment.indentChars >= cells[1].at) return false;
    if (row[0] !== cells.map((c) => c.text).join(' ')) return false;
    const next = SECTION_PIECE_THEN_GROUP.exec(fragment.text);
    cells[0] = { ...cells[0], text: joinWrapped(cells[0].text, next ? next[1] : fragment.text) };
    row[0] = cells.map((c) => c.text).join(' ');
    return next ? next[2] : true;
  }

  /** A page break (a page-number line, a form feed) within the table. */
  pageBreak(): void {
    if (this.open) this.page++;
  }

  hold(line: TextLine): void {
    this.heldOnPage.set(line, this.page);
    this.pending.push(line);
  }

  get held(): TextLine[] {
    return this.pending;
  }

  addRow(line: NumericLine): void {
    let prefix = '';
    /** Where the label gathered so far began (its first line's column). */
    let prefixAt = 0;
    const extend = (text: string, at: number) => {
      if (!prefix) prefixAt = at;
      prefix = joinWrapped(prefix, text);
    };
    // Only a row with a label can take the wrapped rest of one (a row of values alone has none).
    let lastRow = this.dataRows > 0 ? this.rows[this.rows.length - 1] : undefined;
    if (lastRow && isValueToken(lastRow[0] ?? '')) lastRow = undefined;
    // A band of header lines is kept as at most two rows: its first line (行政复议 · 行政诉讼), then every
    // other line's cells in order. Layout text cannot align header cells to columns anyway, and header
    // words stacked one per line (维持 / 结果 / 纠正 …, as pdf-parse writes a vertical header) would
    // otherwise make a row per word and push the data far from its header.
    let band: string[] | undefined;
    let headerLines = 0;
    let between = '';
    /** Where a vertical group label's characters stand, once a line showed it beside an item's rest. */
    let groupIndent: number | undefined;
    // The row's label is unnumbered (行政强制, 罚): short lines right before it, after the header, may be
    // the start of its label as well as the end of the header.
    const unnumbered = line.label !== '' && !NUMBERING_START.test(line.label);
    const ambiguousFrom = unnumbered ? this.pending.length - trailingRun(this.pending, (f) => !isHeaderLike(f) && !startsLabel(f)) : this.pending.length;
    // A line of values alone under a labelled row (or of one to three values under a header: table 二's
    // items) is a row whose label wrapped around it, its values on the middle line (行政规范性 · 77 132
    // 470 · 文件): the fragment just before is this row's label, never the end of the label above —
    // which would give this row's values no label and the row above a label not its own.
    const ownLabelAt =
      line.label === '' && (lastRow !== undefined || (this.dataRows === 0 && line.values.length <= 3 && this.rows.length > 0)) && this.pending.length > 0 && isLabelFragment(this.pending[this.pending.length - 1])
        ? this.pending.length - 1
        : -1;
    for (const [at, fragment] of this.pending.entries()) {
      if (isUnreadRow(fragment)) {
        // A labelled row whose values we could not read: a row of its own, never the start of the
        // next row's label (its values would then be taken for this one's).
        if (prefix) this.rows.push([prefix]);
        if (between) this.rows.push([between]);
        prefix = between = '';
        this.rows.push([...fragment.cells]);
        lastRow = this.rows[this.rows.length - 1];
        continue;
      }
      if (prefix && startsAnotherRow(prefix, prefixAt, fragment.text, fragment.indentChars)) {
        // The label before it is whole and printed no values (2.其他法律… · 3.危及… with their cells
        // empty): a row of its own, never the start of the next row's label.
        this.rows.push([prefix]);
        prefix = '';
      }
      if (at === ownLabelAt) {
        if (between) this.rows.push([between]);
        between = '';
        extend(fragment.cells.join(' '), fragment.indentChars);
      } else if (!lastRow && !prefix && headerLines > 0 && at >= ambiguousFrom) {
        between = joinWrapped(between, fragment.cells.join(' '));
      } else if (
        !(lastRow && groupIndent !== undefined && interleaved(fragment, lastRow[0], line.label)) &&
        (isHeaderLike(fragment) || (this.dataRows > 0 && REPEATED_HEADER_WORDS.test(fragment.text)) || (!lastRow && !startsLabel(fragment) && !prefix))
      ) {
        // (Not a line of vertical pieces beside an item's rest once a line above showed them so: 度办理结 · 理 · 开申请.)
        // A header after the fragment: it ended the row above, or is a row that printed no values
        // (行政规范性文件 with its cells blank). Kept as a row of its own; the labels decide.
        if (between) this.rows.push([between]);
        between = '';
        const cells = fragment.cells.length > 1 ? fragment.cells : [fragment.text];
        if (headerLines++ === 0) this.rows.push(cells);
        else if (band) band.push(...cells);
        else this.rows.push((band = [...cells]));
        lastRow = undefined;
      } else if (lastRow && interleaved(fragment, lastRow[0], line.label)) {
        // A vertical group label beside the wrapped rest of an item (（三） · 三安全一, then 不予公 · 稳定”):
        // the group's characters start the next row's label, the rest ends the item above.
        const pieces = interleaved(fragment, lastRow[0], line.label);
        extend(fragment.cells.slice(0, pieces).join(' '), fragment.indentChars);
        lastRow[0] = joinWrapped(lastRow[0], fragment.cells.slice(pieces).join(''));
        groupIndent = Math.min(groupIndent ?? fragment.indent, fragment.indent);
      } else if (lastRow && !prefix && groupIndent === undefined && HAS_ITEM.test(lastRow[0]) && isGroupStart(fragment)) {
        // A vertical group label's first characters alone on their line ((（四）无), under an item row: the
        // group's label starts the next row's; the lines right of its column are the item's rest
        // (2.没有 · （四）无 · 现成信息 · 法提供 · 需要另行制作), as below.
        extend(fragment.text, fragment.indentChars);
        groupIndent = fragment.indent;
      } else if (lastRow && groupIndent !== undefined && fragment.cells.length === 1 && fragment.indent > groupIndent + GROUP_COLUMN_SLACK && !startsLabel(fragment)) {
        // Right of the group column, under the item above: more of that item's label (不再 · 处理其…).
        lastRow[0] = joinWrapped(lastRow[0], fragment.text);
      } else if (!prefix && lastRow && GROUP_ONLY.test(lastRow[0]) && !HAS_ITEM.test(lastRow[0]) && ITEM_START.test(fragment.text)) {
        // Values printed on the first line of a wrapped label whose group came first (（三）不予公开 ·
        // values, then 1.属于国家秘密): a row of a group has an item of its own, so the item is this row's.
        lastRow[0] = joinWrapped(lastRow[0], fragment.cells.join(' '));
      } else if (prefix || startsLabel(fragment) || !lastRow || (HAS_ITEM.test(lastRow[0]) && HAS_ITEM.test(fragment.text))) {
        // An item's numbering after pieces of vertical labels (理 （四）无法提 2.没有现成信息需要另行) under a row that
        // has its item starts the next row's label as well: a row takes one item.
        extend(fragment.cells.join(' '), fragment.indentChars);
      } else if (unnumbered) {
        // Between two labelled rows, neither numbered, a fragment may end the label above (values on
        // the first line) or start the one below (values on the last): 行政处罚 · 行政强 · 制 0. Kept as a
        // row of its own, without values; the template's labels decide which row it completes.
        between = joinWrapped(between, fragment.cells.join(' '));
      } else {
        const below = this.sectionLineBelow(lastRow, fragment);
        if (typeof below === 'string') extend(below, fragment.indentChars + fragment.text.indexOf(below));
        else if (!below) lastRow[0] = joinWrapped(lastRow[0], fragment.cells.join(' '));
      }
    }
    // Header lines right before this row begin a new band of rows under them (table 二's sub-tables, table 四).
    const bandLines = this.pending.filter(isHeaderBandLine);
    const header = this.pending.slice(0, this.pending.lastIndexOf(bandLines[bandLines.length - 1]));
    if (bandLines.some((f) => f.cells.length >= 3)) {
      const bandPage = this.heldOnPage.get(bandLines[bandLines.length - 1]) ?? this.page;
      this.segments.push({ band: bandSpans(header, bandLines), bandPage, labels: [], rows: [] });
    }
    // The lines held after the header are label text (a wrapped label, a group label): where the labels stand.
    const afterHeader = this.pending.slice(bandLines.length ? this.pending.lastIndexOf(bandLines[bandLines.length - 1]) + 1 : 0);
    this.segments[this.segments.length - 1]?.labels.push(...afterHeader.flatMap((f) => (f.spans ?? []).map((span) => ({ span, page: this.heldOnPage.get(f) ?? this.page }))));
    this.pending = [];
    if (between) this.rows.push([between]);
    if (prefix && line.label && startsAnotherRow(prefix, prefixAt, line.label, line.positions?.label?.start)) {
      // 7.属于行政执法案卷 printed no values, then 8.属于行政查询事项 10 2: two rows.
      this.rows.push([prefix]);
      prefix = '';
    }
    const label = joinWrapped(prefix, line.label);
    // A row of numbers alone (table 四's 15 values) gets no empty label cell: it would read as a blank value.
    const row = label ? [label, ...line.values] : [...line.values];
    if (!prefix && line.labelCells) this.labelCells.set(row, line.labelCells);
    if (line.doubts?.size) this.doubts.set(row, new Map([...line.doubts].map(([k, d]) => [k + (label ? 1 : 0), d])));
    this.rows.push(row);
    this.segments[this.segments.length - 1]?.rows.push({ row, line, page: this.page });
    this.dataRows++;
  }

  /**
   * Rows short of values under a header whose words place every value of the band's rows with
   * certainty (header-columns.ts) get their empty cells back: each value in its column, the others
   * empty, every cell of the row in doubt (placed-by-position) until the identities confirm it.
   */
  private placeByPosition(): void {
    for (const { band, bandPage, labels, rows } of this.segments) {
      if (!rows.length) continue;
      const positioned = (r: (typeof rows)[number]) => r.line.positions !== undefined && r.line.positions.values.length === r.line.values.length;
      const place = (subset: typeof rows, at: Span[], byHeader = true) => {
        // A row without positions (tabs): not this band. (A number the reader put together, wrapped over two
        // lines, stands where its pieces do: its row takes part.)
        if (!subset.every(positioned)) return undefined;
        const positions = subset.map((r) => r.line.positions!);
        const certain = byHeader ? placeByHeader(band, positions, at) : undefined;
        // Not certain of itself: the rows the order of their values places (order-columns.ts), in doubt for good.
        return certain ? { rows: subset, grids: certain, certain: true } : { rows: subset, grids: placeByOrder(valueColumns(band, positions, at, 'chars', 'most'), positions), certain: false };
      };
      let all = place(rows, labels.map((l) => l.span));
      // pdftotext counts a page's columns afresh: a header's words say where the values of its own page stand,
      // and those of another page only where that page's values stand where its own page's do.
      if (all?.certain && !otherPagesAlign(rows, all.grids, bandPage)) all = place(rows, labels.map((l) => l.span), false);
      // A table that goes on over a page break without its header: the next page may set its rows elsewhere (another
      // page width), where the header's words say nothing. Where the header cannot place the rows of every page with
      // certainty, the rows of its own page are placed as they alone would be — with certainty, or by their order
      // where the order placed no row of them all — and the later pages' rows as the order of them all places them.
      const ownPage = rows.filter((r) => r.page === rows[0].page);
      let own: ReturnType<typeof place>;
      if (ownPage.length < rows.length && !all?.certain) {
        const alone = place(ownPage, labels.filter((l) => l.page === rows[0].page).map((l) => l.span));
        if (alone && (alone.certain || !all || all.grids.every((g) => !g))) own = alone;
      }
      const placements = own ? [own, ...(all ? [{ ...all, grids: all.grids.map((g, i) => (rows[i].page === rows[0].page ? undefined : g)) }] : [])] : all ? [all] : [];
      // A later page none of whose rows the order placed: on its own grid, where the header's page's columns are (page-grid.ts).
      if (own?.certain) {
        // (The header's page's rows come first: `own` holds their grids, in order.)
        const sofar = rows.map((r, i) => (r.page === rows[0].page ? own!.grids[i] : all?.grids[i]));
        const grids = placeOnPageGrids(rows.map((r) => ({ values: r.line.positions?.values ?? [], page: r.page })), sofar, true, own.grids.find((g) => g)?.length ?? 0);
        if (grids.some((g) => g)) placements.push({ rows, grids, certain: false });
      }
      for (const placement of placements) this.placeRows(placement.rows, placement.grids, placement.certain ? PLACED_DOUBT : ORDER_DOUBT);
    }
  }

  /** Each row given its grid (the value's index in each column, -1 for an empty one), every cell in `doubt`. */
  private placeRows(placed: Array<{ row: string[]; line: NumericLine }>, grids: Array<number[] | undefined>, doubt: string): void {
    placed.forEach(({ row, line }, i) => {
      const grid = grids[i];
      if (!grid || line.values.length >= grid.length) return;
      const first = row.length - line.values.length;
      row.splice(first, line.values.length, ...grid.map((k) => (k < 0 ? '' : line.values[k])));
      // A value's own doubt (a wrapped number) stays under a placement the identities may confirm; one
      // placed by order is never confirmed, whatever else it is.
      const own = (k: number) => (k >= 0 && doubt === PLACED_DOUBT ? line.doubts?.get(k) : undefined);
      this.doubts.set(row, new Map(grid.map((k, c) => [first + c, own(k) ?? doubt])));
    });
  }

  /** The finished table, plus fragments that belong after it (kept as paragraphs by the caller). */
  close(): { table?: TableBlock; leftovers: TextLine[] } {
    const leftovers: TextLine[] = [];
    const lastRow = this.rows[this.rows.length - 1];
    for (const fragment of this.pending) {
      // A wrapped tail of the last row's label (具已获取信息) stays with it; anything else is text.
      if (leftovers.length === 0 && lastRow && !isValueToken(lastRow[0] ?? '') && !startsLabel(fragment) && !isHeaderLike(fragment) && fragment.text.length <= 12) {
        lastRow[0] = joinWrapped(lastRow[0], fragment.text);
        this.segments[this.segments.length - 1]?.labels.push(...(fragment.spans ?? []).map((span) => ({ span, page: this.heldOnPage.get(fragment) ?? this.page })));
      } else leftovers.push(fragment);
    }
    this.placeByPosition();
    this.segments = [];
    this.page = 0;
    const rows = this.rows;
    const doubts = this.doubts;
    this.rows = [];
    this.labelCells = new Map();
    this.doubts = new Map();
    this.pending = [];
    const dataRows = this.dataRows;
    this.dataRows = 0;
    // One label with one number and nothing else is a sentence that happened to end in a number.
    if (dataRows === 1 && rows.length === 1 && rows[0].length <= 2) {
      return { leftovers: [{ kind: 'text', text: rows[0].join(' ').trim(), cells: rows[0], indented: false, indent: 0, indentChars: 0 }, ...leftovers] };
    }
    const cells = denseCells(rows);
    rows.forEach((row, r) => {
      for (const [c, doubt] of doubts.get(row) ?? []) cells[r][c] = { ...cells[r][c], doubt };
    });
    return { table: { kind: 'table', rows: cells }, leftovers };
  }
}

/** Width of a line as printed: CJK characters take two columns (converters wrap by width, not by count). */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

/** Joins prose lines that a converter wrapped at the page width back into paragraphs. */
class ParagraphBuilder {
  private current: string[] = [];
  constructor(
    private readonly out: Block[],
    private readonly wrapWidth: number,
  ) {}

  add(line: TextLine): void {
    const previous = this.current[this.current.length - 1];
    const continues =
      previous !== undefined &&
      this.wrapWidth > 0 &&
      !(this.current.length === 1 && isSectionHeading(previous)) &&
      displayWidth(previous) >= this.wrapWidth * 0.8 &&
      !/[。！？；]$/.test(previous) &&
      !line.indented &&
      !NUMBERING_START.test(line.text);
    if (!continues) this.flush();
    this.current.push(line.text);
  }

  flush(): void {
    if (this.current.length) this.out.push({ kind: 'paragraph', text: joinAllWrapped(this.current) });
    this.current = [];
  }
}

/** Markdown decoration on a prose line: `# 标题` becomes a heading, `**粗体**` plain text. */
function markdownHeading(text: string): { level: number; text: string } | undefined {
  const m = /^(#{1,6})\s+(.*)$/.exec(text);
  return m ? { level: m[1].length, text: m[2].replace(/\*\*|__/g, '').trim() } : undefined;
}

export interface LayoutOptions {
  /** Join wrapped prose lines (layout text); off for flattenings where each line is a paragraph. */
  joinWrappedLines: boolean;
  /**
   * The text is known to join its cells by single spaces though these lines alone may not say so (a page's
   * <pre> blocks, each one table: table 四's prints a single row).
   */
  spaceJoined?: boolean;
}

/** A count or amount, then a unit on its own, ending the line. */
const UNIT_APART = new RegExp(`([0-9０-９])[ \u3000]+${VALUE_UNIT_GROUP}$`);
/** A count or amount, then its unit on its own, then more of the line. */
const UNIT_APART_INLINE = new RegExp(`([0-9０-９])([ \u3000]+)${VALUE_UNIT_GROUP}(?=[ \u3000])`, 'g');

/**
 * A running page header (the report's title printed at the top of every page, as Word and LibreOffice
 * export it): the first line of two pages or more, the same text each time. It is page furniture like a
 * page number; read as text, it would join the label of a row a page break cut (3. · header · 其他 0 0 …).
 * Table 三's header printed again at the top of a page is the table's, not furniture: kept.
 */
function dropRunningHeaders(rawLines: string[], lines: Line[]): void {
  const firsts = new Map<string, { line: number; page: number }[]>();
  let page = 0;
  for (let i = 0; i < rawLines.length; i++) {
    if (i > 0 && !rawLines[i].includes('\f')) continue;
    if (i > 0) page++;
    let first = i;
    while (first < lines.length && lines[first].kind === 'blank') first++;
    const line = lines[first];
    if (line?.kind !== 'text' || line.cells.length !== 1 || REPEATED_HEADER_WORDS.test(line.text) || COLUMN_HEADER_WORDS.test(line.text)) continue;
    firsts.set(line.text, [...(firsts.get(line.text) ?? []), { line: first, page }]);
  }
  // A header runs over pages one after the other; the same line opening two pages apart with another page between
  // them (the agency line over the title on page 1, the signature's agency opening the last page) is the text's.
  const running = (at: { page: number }[]) => at.length >= 2 && at.every((a, k) => k === 0 || a.page === at[k - 1]!.page + 1);
  for (const [text, at] of firsts) {
    if (running(at)) for (const k of at) lines[k.line] = { kind: 'page' };
    // The header of pages the text lost it on between (pdftotext drops it over a page a table fills): the line opening an
    // earlier page again, where it stands right over table 三's header drawn again (a table cut by the break), is furniture
    // there too — never a signature (a date follows it) nor a section's heading. The earlier page's line (the title) stays.
    else if (!SECTION_NUMBERING.test(text)) for (const k of at.slice(1)) if (overRepeatedHeader(lines, k.line)) lines[k.line] = { kind: 'page' };
  }
}

const SECTION_NUMBERING = /^[一二三四五六七八九十]+、/;

/** Whether the first line after line `i` that is not blank is table 三's column header (drawn again on a new page). */
function overRepeatedHeader(lines: Line[], i: number): boolean {
  let next = i + 1;
  while (next < lines.length && lines[next].kind === 'blank') next++;
  const line = lines[next];
  return line?.kind === 'text' && REPEATED_HEADER_WORDS.test(line.text);
}

/** The doubt of the numbers of a row whose rest a page break carried to the next page (src/templates/doubt.ts). */
const SPLIT_BY_PAGE = 'split-by-page';

/**
 * A table row that a page break split (word processors let a row break across pages): a number too
 * wide for its narrow cell prints its first digits on the row's line at the foot of the page and the
 * rest on the first line of the next (４５ … then, after the form feed, ４ for 454), beside the rest of
 * the row's wrapped label if any. Where those digits stand says nothing certain of which numbers they
 * continue: pdftotext counts columns afresh on each line, wide glyphs and all. So every number of the
 * row is in doubt (split-by-page) until an identity confirms it or two of them require another value;
 * a line of such digits alone is dropped (it is no row). The first line of a page is a continuation when
 * it prints only digits, fewer than the row above, and no label that starts a row of its own.
 */
function doubtRowsSplitByPage(rawLines: string[], lines: Line[]): void {
  const content = (l: Line | undefined) => !!l && l.kind !== 'blank' && l.kind !== 'page';
  for (let i = 0; i < rawLines.length; i++) {
    if (!rawLines[i].includes('\f')) continue;
    let next = i;
    while (next < lines.length && !content(lines[next])) next++;
    let above = i - 1;
    while (above >= 0 && !content(lines[above])) above--;
    const rest = lines[next];
    const row = lines[above];
    if (rest?.kind !== 'numeric' || row?.kind !== 'numeric') continue;
    const digits = rest.values.every((v) => /^\d+$/.test(foldValueText(v)));
    const numbers = row.values.flatMap((v, k) => (/^\d+$/.test(foldValueText(v)) ? [k] : []));
    if (!digits || rest.values.length >= row.values.length || rest.values.length > numbers.length || NUMBERING_START.test(rest.label)) continue;
    const doubts = new Map(row.doubts ?? []);
    for (const k of numbers) if (!doubts.has(k)) doubts.set(k, SPLIT_BY_PAGE);
    lines[above] = { ...row, doubts };
    if (rest.label === '') lines[next] = { kind: 'page' };
  }
}

/** The doubt of a number printed without the unit its row's other values print (src/templates/doubt.ts). */
const UNIT_MISSING = 'unit-missing';
/** A count printed with its unit (３件, 12 条), folded. */
const COUNT_WITH_UNIT = /^\d+(件|条|个|项|次)$/;
/** Fewest counts with a unit that make a row one that prints its units. */
const MIN_UNIT_VALUES = 2;

/**
 * A row whose counts print a unit (２１件 ０件 ５０件) and one that does not (１２８, then ８件 on the
 * line below, for 1288): a number too wide for its cell wraps, and the unit goes with its last digits to
 * another line — the digits left on the row's line are the start of the number, not all of it. Where
 * the rest went (the label's next line, the next page) cannot be told in layout text, so such a number
 * is in doubt (unit-missing) until an identity confirms it.
 */
function doubtValuesShortOfTheirUnit(lines: Line[]): void {
  lines.forEach((line, i) => {
    if (line.kind !== 'numeric') return;
    const folded = line.values.map(foldValueText);
    if (folded.filter((v) => COUNT_WITH_UNIT.test(v)).length < MIN_UNIT_VALUES) return;
    const doubts = new Map(line.doubts ?? []);
    folded.forEach((v, k) => {
      if (/^\d+$/.test(v) && !doubts.has(k)) doubts.set(k, UNIT_MISSING);
    });
    if (doubts.size > (line.doubts?.size ?? 0)) lines[i] = { ...line, doubts };
  });
}

/** Fewest cells a header's row of blanks printed as nothing spans (table 四's groups print five). */
const MIN_BLANK_ROW_CELLS = 5;

/**
 * In text whose cells are joined by single spaces, a row of empty cells prints as its spaces alone (n − 1
 * for n cells), blank to the eye: right under a header line of as many words (结果维持 结果纠正 其他结果 尚未审结
 * 总计 over four spaces: table 四's group that had nothing), it is that header's row of blanks, read as a
 * tabbed row of empty cells is. Anywhere else a line of spaces stays blank.
 */
function blankRowsUnderHeaders(rawLines: string[], lines: Line[]): void {
  rawLines.forEach((raw, i) => {
    if (i === 0 || lines[i].kind !== 'blank' || !/^ +$/.test(raw.replace(/[\r\n]+$/, ''))) return;
    const spaces = raw.replace(/[\r\n]+$/, '').length;
    const header = rawLines[i - 1].trim().split(' ');
    if (spaces + 1 < MIN_BLANK_ROW_CELLS || header.length !== spaces + 1 || header.some((w) => !w || HAS_DIGIT.test(w) || !/^\p{Script=Han}+$/u.test(w))) return;
    const row = tabRow('\t'.repeat(spaces));
    if (row) lines[i] = row;
  });
}

export function readLayoutLines(rawLines: string[], options: LayoutOptions): Block[] {
  const spaceJoined = options.spaceJoined === true || isSpaceJoined(rawLines);
  const lines = rawLines.map((raw) => classify(raw, spaceJoined));
  if (spaceJoined) blankRowsUnderHeaders(rawLines, lines);
  dropRunningHeaders(rawLines, lines);
  doubtRowsSplitByPage(rawLines, lines);
  const proseLengths = lines.flatMap((l) => (l.kind === 'text' && l.cells.length === 1 ? [displayWidth(l.text)] : []));
  // The page width is what most long lines reach: the 90th percentile ignores a few over-long outliers.
  const sorted = [...proseLengths].sort((a, b) => a - b);
  const wrapWidth = options.joinWrappedLines && sorted.length >= 3 ? sorted[Math.floor(sorted.length * 0.9)] : 0;
  const blocks: Block[] = [];
  const paragraphs = new ParagraphBuilder(blocks, wrapWidth);
  const table = new TableBuilder();

  const emitText = (line: TextLine) => {
    const heading = markdownHeading(line.text);
    if (heading) {
      paragraphs.flush();
      blocks.push({ kind: 'heading', text: heading.text, level: heading.level });
    } else if (/^([-*_]\s*){3,}$/.test(line.text)) {
      paragraphs.flush(); // a Markdown rule
    } else paragraphs.add({ ...line, text: line.text.replace(/\*\*|__/g, '').replace(/\s+/g, ' ') });
  };
  const closeTable = () => {
    if (!table.open) {
      for (const held of table.held.splice(0)) emitText(held);
      return;
    }
    const { table: block, leftovers } = table.close();
    if (block) blocks.push(block);
    for (const line of leftovers) emitText(line);
  };

  /**
   * Section headings, captions and unit lines held before a table's header are printed over that table,
   * never part of a row's label (2.主动公开政府信息情况 looks like an item such as 2.其他法律…): they are
   * text, and a table open before them ends there. Lines held before them stay with the open table
   * (the wrapped end of its last label); lines between them and the header are the header's.
   */
  const cutAtSectionLines = () => {
    const held = table.held;
    const header = held.findIndex(isHeaderLike);
    if (header <= 0) return;
    const over = held.slice(0, header).map((f) => f.cells.length === 1 && namesTableSection(f.text, COLUMN_HEADER_WORDS.test(f.text)));
    const first = over.indexOf(true);
    if (first < 0) return;
    const last = over.lastIndexOf(true);
    const rest = held.splice(first);
    closeTable();
    paragraphs.flush();
    // Lines after the last of them are the table's own (行政复议 · 行政诉讼 over table 四's header).
    const after = rest.splice(last + 1 - first);
    for (const line of rest) emitText(line);
    paragraphs.flush();
    for (const line of after) table.hold(line);
  };

  /** The next line that is neither blank nor page furniture. */
  const nextContent = (from: number): Line | undefined => {
    for (let i = from + 1; i < lines.length; i++) if (lines[i].kind !== 'blank' && lines[i].kind !== 'page') return lines[i];
    return undefined;
  };

  joinWrappedNumbers(lines);
  doubtValuesShortOfTheirUnit(lines);
  for (const [index, line] of lines.entries()) {
    if (line.kind === 'page' || rawLines[index].includes('\f')) table.pageBreak();
    if (line.kind === 'page') continue;
    if (line.kind === 'blank') {
      if (!table.open && table.held.length === 0) paragraphs.flush();
      continue;
    }
    if (line.kind === 'numeric') {
      // A lone number is a page number (or a stray figure) unless a label line waits for it.
      if (line.label === '' && line.values.length === 1 && (!table.open || table.held.length === 0)) continue;
      if (!table.open) paragraphs.flush();
      cutAtSectionLines();
      table.addRow(line);
      continue;
    }
    // 二、上年结转… or 三、本年度办理结果 right before a row is a row label, not a section heading.
    const next = isSectionHeading(line.text) ? nextContent(index) : undefined;
    const labelsNextRow = next?.kind === 'numeric' && (table.open || next.label === '');
    if (isProse(line) && !isHeaderLike(line) && !labelsNextRow) {
      closeTable();
      emitText(line);
      continue;
    }
    // A short line: maybe a header or a label fragment of a table to come (or of the open one).
    // So many short lines in a row are not table furniture: let them go as text.
    if (table.held.length >= MAX_HELD_LINES) {
      if (table.open) closeTable();
      else emitText(table.held.shift()!);
    }
    table.hold(line);
  }
  closeTable();
  paragraphs.flush();
  return blocks;
}

/** Character columns a value may stand off from where another page's values of its column stand (centred or right-aligned). */
const PAGE_ALIGN_SLACK = 1.5;

/**
 * Do the rows on pages other than the header's (`bandPage`) stand where the header's page's rows do? Each
 * value placed (grids) in a column is compared with the values of that column on the header's page, by
 * their centres in characters: pdftotext may lay a later page out on another grid (its columns shifted or
 * scaled: a 1 under 其他 on the header's page, under 法律服务 on the next), where the header's words, within
 * their slack, can still place every value — one column off. Without a column printed on both pages, or
 * without rows on the header's page, there is nothing to compare: the placement stands as it is.
 */
function otherPagesAlign(rows: Array<{ line: NumericLine; page: number }>, grids: Array<number[] | undefined>, bandPage: number): boolean {
  if (!rows.some((r) => r.page !== bandPage) || !rows.some((r) => r.page === bandPage)) return true;
  const centres = (page: (p: number) => boolean) => {
    const byColumn = new Map<number, number[]>();
    rows.forEach((r, i) => {
      const grid = grids[i];
      if (!grid || !page(r.page)) return;
      grid.forEach((k, c) => {
        const span = k >= 0 ? r.line.positions?.values[k] : undefined;
        if (span) byColumn.set(c, [...(byColumn.get(c) ?? []), (span.start + span.end - 1) / 2]);
      });
    });
    return byColumn;
  };
  const own = centres((p) => p === bandPage);
  const other = centres((p) => p !== bandPage);
  const shared = [...other.keys()].filter((c) => own.has(c));
  if (!shared.length) return true;
  return shared.every((c) => other.get(c)!.every((x) => own.get(c)!.some((y) => Math.abs(x - y) <= PAGE_ALIGN_SLACK)));
}

/**
 * A row's label cut by a page break in a table read from text positions (no rulings tie the lines to
 * their row): some lines of the label at the foot of one page, the rest on the next, the values on one
 * of them, and between them what the new page draws again — the report's title as running header,
 * table 三's header, the group labels beside the rows (三、本年度办理结果, （三）不予). The pieces of the
 * label are then not next to the row of values, so the joins of neighbouring rows (align.ts) miss them.
 *
 * Here each row of values whose label may be so cut gets the labels it could have: its own label with
 * any choice of the label-only rows around it (in printed order), up to the rows printing values before
 * and after it, taking at least one piece from the other side of the break. align.ts matches them to the
 * template like its other joins: a choice counts only when it makes a template label in its own right and
 * fits better than the row's own label; the template's row order keeps the choice between rows.
 */
import type { DocRow } from './rows.js';
import { HAS_DIGIT } from '../../extractors/value-token.js';

/** Rows looked at on each side of the row of values: a label's lines, the page's footer, header and title. */
const WINDOW = 10;
/** More candidate pieces than this around one row is no label cut by a break (every subset is tried). */
const MAX_PIECES = 6;

/**
 * For each row, the label texts it may have when its label was cut by a page break (undefined when no
 * break falls among the label-only rows around it). `printsValues[k]`: row k prints a value or a blank
 * marker (a row of its own, which ends the search).
 */
export function pageBreakLabels(rows: DocRow[], printsValues: boolean[]): (string[] | undefined)[] {
  // A label-only row repeating the text of a row printed before it is the header (or group label) the
  // new page draws again, not a piece of a label.
  const seen = new Map<string, number>();
  rows.forEach((r, k) => {
    if (r.label && !seen.has(r.label)) seen.set(r.label, k);
  });
  const repeated = (k: number) => (seen.get(rows[k].label) ?? k) < k;
  // The parts of a label-only row's label before its own cell's that an earlier row printed already: a group
  // label the new page draws again in the piece's own row (三、本年度办理结果 | 总计, the rest of （七）).
  const firstPart = new Map<string, number>();
  rows.forEach((r, k) => {
    for (const part of r.label.split(' ')) if (part && !firstPart.has(part)) firstPart.set(part, k);
  });
  const fresh = (k: number) => {
    const parts = rows[k].label.split(' ');
    // Its last part is its own cell's: only the group columns before it are drawn again.
    return parts.filter((part, i) => i === parts.length - 1 || (firstPart.get(part) ?? k) >= k).join(' ');
  };
  const piece = (k: number) => !printsValues[k] && !!rows[k].label && !repeated(k);
  // A header row the new page draws again with its words in value cells (申请人情况 over the columns) prints
  // no value: it neither ends the search nor is a piece of the label.
  const drawnAgain = (k: number) => printsValues[k] && repeated(k) && !rows[k].values.some((v) => HAS_DIGIT.test(v.raw));
  const open = (k: number) => !printsValues[k] || drawnAgain(k);
  return rows.map((row, j) => {
    if (!printsValues[j]) return undefined;
    const before: number[] = [];
    for (let k = j - 1; k >= 0 && k >= j - WINDOW && open(k); k--) if (piece(k)) before.unshift(k);
    const after: number[] = [];
    for (let k = j + 1; k < rows.length && k <= j + WINDOW && open(k); k++) if (piece(k)) after.push(k);
    const pieces = [...before, ...after];
    if (!pieces.some((k) => rows[k].block !== row.block) || pieces.length > MAX_PIECES) return undefined;
    const labels: string[] = [];
    for (let mask = 1; mask < 1 << pieces.length; mask++) {
      const chosen = pieces.filter((_, b) => mask & (1 << b));
      // The break must fall inside the label: a choice from this page alone is the neighbours' join.
      if (!chosen.some((k) => rows[k].block !== row.block)) continue;
      const text = (ks: number[]) => ks.map((k) => rows[k].label).join('');
      labels.push(text(chosen.filter((k) => k < j)) + row.label + text(chosen.filter((k) => k > j)));
      const freshText = (ks: number[]) => ks.map(fresh).join('');
      if (chosen.some((k) => fresh(k) !== rows[k].label)) labels.push(freshText(chosen.filter((k) => k < j)) + row.label + freshText(chosen.filter((k) => k > j)));
    }
    return labels;
  });
}

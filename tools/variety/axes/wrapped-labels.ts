import { isDataRow, tablePieces, type DataRow } from '../model.js';
import type { Axis } from './axis.js';

/**
 * Row labels wrapped over two or three lines of their cell, or over two or three rows of the table,
 * with the values on the first, middle or last line (as narrow label columns print them); sometimes a
 * group label (三、本年度办理结果, （三）不予公开) printed one character per line, as in a narrow merged cell.
 */
export const wrappedLabels: Axis = {
  id: 'wrapped-labels',
  apply(draft, random) {
    const rows = tablePieces(draft.model)
      .flatMap((p) => p.rows)
      .filter((r): r is DataRow => isDataRow(r) && r.label.length === 1 && r.label[0].length >= 4);
    const groups = [...new Set(rows.flatMap((r) => r.groups))];
    if (groups.length && random.chance(0.35)) {
      const group = random.pick(groups);
      const vertical = [...group].join('\n');
      for (const row of rows) row.groups = row.groups.map((g) => (g === group ? vertical : g));
      draft.notes.push(`group label ${group} one character per line`);
    }
    const chosen = random.sample(rows, random.int(2, 5));
    for (const row of chosen) {
      const text = row.label[0];
      const parts = Math.min(text.length >= 10 ? random.int(2, 3) : 2, text.length);
      const cuts = cutPoints(text, parts, random.int(0, 1000));
      row.label = cuts.map((start, i) => text.slice(start, cuts[i + 1] ?? text.length));
      row.valueLine = random.int(0, row.label.length - 1);
      row.wrap = random.pick(['lines', 'cells'] as const);
      draft.notes.push(`wrapped ${row.id} over ${row.label.length} ${row.wrap}, values on line ${row.valueLine + 1}`);
    }
  },
};

/** Characters a Chinese line may not start with (closing punctuation) or end with (opening brackets): kinsoku. */
const NO_LINE_START = new Set([...'。，、．.：:；;）)」』”’！？%']);
const NO_LINE_END = new Set([...'（(「『“‘']);

/**
 * Start offsets of `parts` nearly equal pieces, the first break moved by `jitter`; a break never puts
 * closing punctuation at the start of a line or an opening bracket at the end of one, as word
 * processors wrap Chinese (so 3.其他 never wraps as 3 / .其他).
 */
function cutPoints(text: string, parts: number, jitter: number): number[] {
  const length = text.length;
  const size = length / parts;
  const allowed = (at: number) => !NO_LINE_START.has(text[at]) && !NO_LINE_END.has(text[at - 1]);
  const cuts = [0];
  for (let i = 1; i < parts; i++) {
    const want = Math.min(length - 1, Math.max(cuts[i - 1] + 1, Math.round(i * size + ((jitter % 3) - 1))));
    const at = [want, want + 1, want - 1, want + 2, want - 2].find((c) => c > cuts[i - 1] && c < length && allowed(c));
    if (at === undefined) break;
    cuts.push(at);
  }
  return cuts;
}

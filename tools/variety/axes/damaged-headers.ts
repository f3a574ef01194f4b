import type { HeadCell } from '../model.js';
import { tablePieces } from '../model.js';
import type { Random } from '../random.js';
import type { Axis } from './axis.js';

/**
 * Table 四's header as real reports and OCR leave it: one cell read as a stray digit or junk (未经复议直接起诉
 * as 2), reworded (直接起诉, 经复议后起诉), or printed empty. No cell changes: the table must be found by what
 * else identifies it (its fifteen values under the group totals, the words of the header still read),
 * its cells read as printed. One kind per variant first, in turn.
 */
export const damagedHeaders: Axis = {
  id: 'damaged-headers',
  apply(draft, random) {
    const kind = KINDS[draft.index % KINDS.length];
    const cells = tablePieces(draft.model)
      .filter((p) => p.table === 'appeals')
      .flatMap((p) => p.header.flat())
      .filter((c) => c.text && (kind !== 'reworded' || REWORDINGS[c.text]));
    if (!cells.length) return;
    const cell: HeadCell = random.pick(cells);
    const before = cell.text;
    cell.text = DAMAGE[kind](before, random);
    draft.notes.push(`table 四 header ${kind}: ${before} → ${cell.text || '(empty)'}`);
  },
};

const KINDS = ['digit', 'junk', 'reworded', 'empty'] as const;
type Kind = (typeof KINDS)[number];

/** How OCR spells a word it cannot read: a few Latin letters and marks. */
const JUNK = ['ee', 'Ba', 'fek', 'TA', '“=RE', 'aE'];

/** Wordings reports give the header's words (the template's on the left). */
const REWORDINGS: Record<string, string[]> = {
  行政复议: ['申请行政复议', '行政复议案件'],
  行政诉讼: ['提起行政诉讼', '行政诉讼案件'],
  未经复议直接起诉: ['直接起诉', '未经复议起诉'],
  复议后起诉: ['经复议后起诉', '复议后提起诉讼'],
  结果维持: ['维持'],
  结果纠正: ['纠正'],
  其他结果: ['其他'],
  尚未审结: ['未审结'],
  总计: ['合计'],
};

/** A header cell's text as damaged (rewording only cells of REWORDINGS). */
const DAMAGE: Record<Kind, (text: string, random: Random) => string> = {
  digit: (_, random) => String(random.int(1, 9)),
  junk: (_, random) => random.pick(JUNK),
  reworded: (text, random) => random.pick(REWORDINGS[text]),
  empty: () => '',
};

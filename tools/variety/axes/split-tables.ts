import type { Axis } from './axis.js';
import { appealsByGroup, appealsReviewAndLitigation, proactiveByItem, replaceTable, splitRows, tableBlocks, withBreaks } from './pieces.js';

/**
 * Tables printed in pieces: table 二 as one small table per item, table 四 as one table per group (or
 * 复议 beside 诉讼), table 三 over page breaks with or without its header repeated.
 */
export const splitTables: Axis = {
  id: 'split-tables',
  apply(draft, random) {
    const which = random.sample(['proactive', 'appeals', 'requests'] as const, random.int(1, 3));
    for (const table of which) {
      if (table === 'proactive') {
        const caption = random.chance(0.4);
        replaceTable(draft.model, 'proactive', (p) => tableBlocks(proactiveByItem(p, caption)));
        draft.notes.push(`table 二 split by item${caption ? ' (item as caption)' : ''}`);
      } else if (table === 'appeals') {
        const byGroup = random.chance(0.6);
        const heading = random.chance(0.5);
        replaceTable(draft.model, 'appeals', (p) => tableBlocks(byGroup ? appealsByGroup(p, heading) : appealsReviewAndLitigation(p)));
        draft.notes.push(`table 四 split ${byGroup ? `by group${heading ? '' : ' (group as caption)'}` : 'into 复议 and 诉讼'}`);
      } else {
        const repeat = random.chance(0.5);
        replaceTable(draft.model, 'requests', (p) => {
          const cuts = random.sample(Array.from({ length: p.rows.length - 2 }, (_, i) => i + 1), random.int(1, 2));
          draft.notes.push(`table 三 split before rows ${cuts.sort((a, b) => a - b).join(', ')}${repeat ? ', header repeated' : ''}`);
          return withBreaks(splitRows(p, cuts, repeat));
        });
      }
    }
  },
};

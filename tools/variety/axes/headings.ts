import type { TableId } from '../../../src/templates/ids.js';
import { SECTION_HEADINGS } from '../build.js';
import type { Block, ReportModel } from '../model.js';
import type { Random } from '../random.js';
import type { Axis, Draft } from './axis.js';

/**
 * What real reports print around the template tables, which the plain rendering does not: sections
 * numbered one further (a section of their own inserted before them), headings reworded or numbered
 * in another style, no headings over the tables, the headings of tables 三 and 四 swapped (the wrong
 * title over a table), captions and unit lines before a table and a note after it, the table's
 * title as its first header row, and tables that are not the template's (platform statistics, a
 * summary of requests and appeals in other words) among them. None changes a template cell: the
 * tables must be found by what they hold, whatever the words around them say.
 */
export const headings: Axis = {
  id: 'headings',
  apply(draft, random) {
    const kinds = draft.index < KINDS.length ? [KINDS[draft.index]] : random.sample(KINDS, random.int(2, 3));
    // Swapping and renumbering rewrite the same headings: apply the swap last so it swaps what is printed.
    for (const kind of KINDS) if (kinds.includes(kind)) APPLY[kind](draft, random);
  },
};

const KINDS = ['reworded', 'renumbered', 'missing', 'captions', 'title-rows', 'extra-tables', 'swapped'] as const;
type Kind = (typeof KINDS)[number];

const NUMERALS = '一二三四五六七八九十';

const TOPICS: Record<number, string[]> = {
  1: ['主动公开政府信息情况', '主动公开情况', '主动公开政府信息工作情况', '政府信息主动公开情况'],
  2: ['收到和处理政府信息公开申请情况', '依申请公开政府信息情况', '收到和处理政府信息公开申请情况统计', '依申请公开办理情况'],
  3: ['政府信息公开行政复议、行政诉讼情况', '因政府信息公开工作被申请行政复议、提起行政诉讼情况', '行政复议、行政诉讼情况', '政府信息公开复议诉讼情况'],
};

const NUMBERING = [(n: number) => `${NUMERALS[n]}、`, (n: number) => `（${NUMERALS[n]}）`, (n: number) => `第${NUMERALS[n]}部分 `, (n: number) => `${n + 1}.`, (n: number) => `${n + 1}、`];

const TITLES: Record<TableId, string> = {
  proactive: '主动公开政府信息情况',
  requests: '收到和处理政府信息公开申请情况',
  appeals: '政府信息公开行政复议、行政诉讼情况',
};

/** The index of the block holding the heading the plain model gives section `n` (0-based), if it is still there. */
function headingAt(model: ReportModel, n: number): number {
  return model.blocks.findIndex((b) => b.kind === 'heading' && b.text === SECTION_HEADINGS[n]);
}

/** The index of the first block of the template table (its first piece). */
function tableAt(model: ReportModel, table: TableId): number {
  return model.blocks.findIndex((b) => b.kind === 'table' && b.piece.table === table);
}

function stripNumber(text: string): string {
  return text.replace(/^[一二三四五六七八九十]+、/, '');
}

const APPLY: Record<Kind, (draft: Draft, random: Random) => void> = {
  reworded(draft, random) {
    const numbering = random.pick(NUMBERING);
    for (const n of [1, 2, 3]) {
      const at = headingAt(draft.model, n);
      if (at < 0) continue;
      draft.model.blocks[at] = { kind: 'heading', text: `${numbering(n)}${random.pick(TOPICS[n])}` };
    }
    draft.notes.push(`headings reworded, numbered ${numbering(1).trim()}`);
  },
  renumbered(draft, random) {
    const blocks = draft.model.blocks;
    for (let n = SECTION_HEADINGS.length - 1; n >= 1; n--) {
      const at = headingAt(draft.model, n);
      if (at >= 0) blocks[at] = { kind: 'heading', text: `${NUMERALS[n + 1]}、${stripNumber(SECTION_HEADINGS[n])}` };
    }
    const first = blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('三、'));
    const inserted: Block[] = [
      { kind: 'heading', text: `二、${random.pick(['重点领域信息公开情况', '政务公开平台建设情况', '政策解读和回应关切情况'])}` },
      { kind: 'paragraph', text: '全年通过政府网站发布各类信息，及时回应社会关切，重点领域信息公开工作有序推进。' },
    ];
    blocks.splice(first < 0 ? 2 : first, 0, ...inserted);
    draft.notes.push('a section inserted before the tables: their sections numbered 三、四、五');
  },
  missing(draft) {
    for (const n of [3, 2, 1]) {
      const at = headingAt(draft.model, n);
      if (at >= 0) draft.model.blocks.splice(at, 1);
    }
    draft.notes.push('no headings over the tables');
  },
  captions(draft, random) {
    const blocks = draft.model.blocks;
    let number = 0;
    for (const table of ['proactive', 'requests', 'appeals'] as const) {
      const at = tableAt(draft.model, table);
      if (at < 0) continue;
      number++;
      const unit = random.pick(['单位：件', '（单位：件）', '单位:件', '']);
      const caption = random.pick([`表${number} ${TITLES[table]}`, `表${number}：${TITLES[table]}`, `附表${number}`, '']);
      const lines = [caption, unit].filter((t) => t !== '');
      blocks.splice(at, 0, ...lines.map((text): Block => ({ kind: 'paragraph', text })));
    }
    const after = blocks.findIndex((b, i) => b.kind === 'table' && b.piece.table === 'requests' && !blocks.slice(i + 1).some((x) => x.kind === 'table' && x.piece.table === 'requests'));
    if (after >= 0 && random.chance(0.7)) {
      blocks.splice(after + 1, 0, { kind: 'paragraph', text: `注：本表统计时间为${draft.model.year}年1月1日至${draft.model.year}年12月31日，数据来源于政府信息公开申请登记台账。` });
    }
    draft.notes.push('captions and unit lines before the tables, a note after table 三');
  },
  'title-rows'(draft) {
    for (const block of draft.model.blocks) {
      if (block.kind !== 'table') continue;
      const piece = block.piece;
      if (piece.header.length === 0) continue;
      piece.header = [[{ text: TITLES[piece.table], colspan: piece.labelColumns + piece.valueColumns }], ...piece.header];
    }
    draft.notes.push("each table's title as its first header row");
  },
  'extra-tables'(draft, random) {
    const blocks = draft.model.blocks;
    const platform: Block = {
      kind: 'other-table',
      rows: [
        ['项目', random.pick(['数量', '数量（条）', '本年度'])],
        ['政府网站发布信息（条）', String(random.int(300, 9000))],
        ['政务新媒体发布信息（条）', String(random.int(50, 3000))],
        ['召开新闻发布会（场）', String(random.int(0, 30))],
        ['发布政策解读（篇）', String(random.int(0, 120))],
        ['回应公众关注热点（次）', String(random.int(0, 60))],
      ],
    };
    const overview = blocks.findIndex((b) => b.kind === 'paragraph' && b.figures);
    blocks.splice(overview < 0 ? 2 : overview + 1, 0, platform);
    const summary = summaryTable(draft.model);
    if (summary && random.chance(0.7)) {
      const last = blocks.findIndex((b) => b.kind === 'heading' && b.text.includes('其他需要报告'));
      blocks.splice(last < 0 ? blocks.length : last + 1, 0, { kind: 'paragraph', text: '本年度政府信息公开申请和复议诉讼情况汇总如下：' }, summary);
    }
    draft.notes.push(`tables that are not the template's: platform statistics${summary ? ', a summary of requests and appeals' : ''}`);
  },
  swapped(draft) {
    const blocks = draft.model.blocks;
    const requests = tableAt(draft.model, 'requests');
    const appeals = tableAt(draft.model, 'appeals');
    const headingBefore = (at: number): number => {
      for (let i = at - 1; i >= 0; i--) {
        const b = blocks[i];
        if (b.kind === 'heading') return i;
        if (b.kind === 'table') return -1;
      }
      return -1;
    };
    const a = requests < 0 ? -1 : headingBefore(requests);
    const b = appeals < 0 ? -1 : headingBefore(appeals);
    if (a < 0 || b < 0) return;
    const [ta, tb] = [blocks[a], blocks[b]];
    if (ta.kind !== 'heading' || tb.kind !== 'heading') return;
    const number = (t: string): string => /^[^、]*、/.exec(t)?.[0] ?? '';
    blocks[a] = { kind: 'heading', text: number(ta.text) + tb.text.slice(number(tb.text).length) };
    blocks[b] = { kind: 'heading', text: number(tb.text) + ta.text.slice(number(ta.text).length) };
    draft.notes.push('the headings of tables 三 and 四 swapped');
  },
};

/** A summary in the report's own words of figures the template tables also print (only those printed). */
function summaryTable(model: ReportModel): Block | undefined {
  const cell = (key: string): number | null => model.cells[key] ?? null;
  const rows: [string, number | null][] = [
    ['收到政府信息公开申请', cell('requests.new_received.total')],
    ['办结政府信息公开申请', cell('requests.total_processed.total')],
    ['被申请行政复议', cell('appeals.review.total')],
    ['被提起行政诉讼', sum(cell('appeals.litigation_direct.total'), cell('appeals.litigation_after_review.total'))],
  ];
  const printed = rows.filter((r): r is [string, number] => r[1] !== null);
  if (printed.length < 2) return undefined;
  return { kind: 'other-table', rows: [['事项', '件数'], ...printed.map(([label, value]) => [label, String(value)])] };
}

function sum(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

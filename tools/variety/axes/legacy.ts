import { drawCumulative, drawValues, LEGACY_FORMS, type LegacyForm } from '../legacy-forms.js';
import { SEPARATORS, type Block } from '../model.js';
import type { Random } from '../random.js';
import type { Span } from '../model.js';
import type { Axis, Draft, LegacyTruth } from './axis.js';

/**
 * Reports from before the 2019 national template (2009–2018): the 2008 regulation's sections and, as
 * their last part or an attachment, a 政府信息公开情况统计表 of generic rows (指标 | 单位 | 数量, the
 * short 2008 list with a 历年累计 column or the national office's longer 2015 form with section rows),
 * read into `legacy_stats` (spec/outputs.md). One kind per variant in turn, then a random mix: the
 * header's wording, a 序号 column, the table's title as its first row, the table cut by a page break
 * (its rest a table of the same width without header), values typed in full-width digits, with
 * thousands separators or with the row's unit after them, blanks spelled —, / or left empty (a blank
 * value is not a number: its truth is null). No template table is printed, so no template cell is expected.
 */
export const legacy: Axis = {
  id: 'legacy',
  apply(draft, random) {
    const mixed = (): Kind => {
      const kind = { form: random.pick(LEGACY_FORMS).id, serial: random.chance(0.3), titleRow: random.chance(0.3), split: random.chance(0.4), blanks: random.chance(0.5), typed: random.pick(TYPED) };
      // Drawn from a stream of its own, so the draws above (and the variants of seeds before the shapes) stay.
      const shapes = random.fork('shape');
      const shape = shapes.chance(0.5) ? 'unit-column' : shapes.pick(SHAPES);
      return { ...kind, shape: shape === 'category' && kind.form !== 'national-2015' ? 'unit-column' : shape, priorFirst: shapes.chance(0.3) };
    };
    const kind = draft.index < KINDS.length ? KINDS[draft.index] : mixed();
    const drawn = LEGACY_FORMS.find((f) => f.id === kind.form)!;
    const year = random.int(2009, 2018);
    const drawnValues = drawValues(drawn, random.fork('values'));
    const drawnCumulative = drawn.cumulative ? drawCumulative(drawn, drawnValues, random.fork('cumulative')) : undefined;
    // A 合计 row after the rows of the application channels (the sum of them), when the kind prints one.
    const { form, values, cumulative } = kind.totals ? withTotalRow(drawn, drawnValues, drawnCumulative, random.fork('totals')) : { form: drawn, values: drawnValues, cumulative: drawnCumulative };
    const prior = kind.shape === 'prior-year' ? drawValues(form, random.fork('prior')) : undefined;
    const blank = random.pick(['—', '/', '', '-']);
    // A report that prints its blanks so leaves zeros unprinted on some rows (a null truth: not a number).
    const printedValues = values.map((v, i) => (kind.blanks && v === 0 && form.rows[i].unit !== '' && random.chance(0.5) ? null : v));
    const header = headerFor(form, year, random, kind, commonUnit(form));
    const sectionMark = random.pick(['', '—']);
    const unitColumn = kind.shape !== 'unit-in-indicator' && kind.shape !== 'unit-in-heading';
    // unit-in-heading: the unit most rows count in stands in the value column's heading (数量（件）); a row of another prints its own after its indicator.
    const headUnit = kind.shape === 'unit-in-heading' ? commonUnit(form) : undefined;
    const categories = kind.shape === 'category' ? categoriesOf(form) : undefined;
    const printed = form.rows.map((row, i) => ({ row, i })).filter(({ i }) => !categories?.heads.has(i));
    const rows = printed.map(({ row, i }) => {
      const value = (v: number | null | undefined) => (row.unit === '' ? sectionMark : v === null || v === undefined ? blank : typedValue(v, row.unit, kind.typed));
      const years = [value(printedValues[i]), ...(prior ? [value(prior[i])] : [])];
      const cells = [
        ...(categories ? categoryCells(categories, form, i) : [unitColumn || row.unit === '' || row.unit === headUnit ? row.indicator : `${row.indicator}（${row.unit}）`]),
        ...(unitColumn ? [row.unit === '' ? sectionMark : row.unit] : []),
        ...(kind.priorFirst ? years.reverse() : years),
        ...(cumulative ? [value(cumulative[i])] : []),
      ];
      return kind.serial ? [String(i + 1), ...cells] : cells;
    });
    const title = `${draft.model.agency}政府信息公开情况统计表（${year}年度）`;
    const width = header.length;
    const titleRow = [title, ...Array<string>(width - 1).fill('')];
    const cut = kind.split ? Math.floor(rows.length / 2) + random.int(-2, 2) : rows.length;
    const before = [...(kind.titleRow ? [titleRow] : []), header];
    const spans = categories ? categorySpans(rows, before.length, kind.serial ? 1 : 0, header) : undefined;
    const inFirst = (s: Span) => s.row < before.length + cut;
    const tables: Block[] = [{ kind: 'other-table', rows: [...before, ...rows.slice(0, cut)], ...(spans ? { spans: clipSpans(spans.filter(inFirst), before.length + cut) } : {}) }];
    if (cut < rows.length) {
      const rest = spans?.filter((s) => !inFirst(s)).map((s) => ({ ...s, row: s.row - before.length - cut }));
      tables.push({ kind: 'break', footer: '第 {n} 页' }, { kind: 'other-table', rows: rows.slice(cut), ...(rest ? { spans: rest } : {}) });
    }
    draft.model.blocks = legacyReport(draft.model.agency, year, form, printedValues, kind.titleRow ? [] : [{ kind: 'paragraph', text: title }], tables);
    draft.model.year = year;
    draft.model.cells = {};
    // The truth: each row's indicator and unit as the form has them (a unit printed in the indicator's
    // brackets is the row's unit); a category printed in a column of its own is a section row before its rows.
    const stats = (column: (number | null)[]) =>
      form.rows.map((row, i): [string, string, number | null] => [row.indicator, row.unit === '' ? (unitColumn && !categories ? sectionMark : '') : row.unit, row.unit === '' ? null : column[i]]);
    const truth: LegacyTruth = { year, stats: stats(printedValues), ...(cumulative ? { cumulative: stats(cumulative) } : {}) };
    draft.legacy = truth;
    if (draft.format === 'txt') draft.separator = random.fork('separator').pick(SEPARATORS.filter((s) => s !== 'glued'));
    const shapeNote = (kind.shape === 'unit-column' ? '' : `, ${kind.shape}${kind.shape === 'prior-year' && kind.priorFirst ? ' (prior year first)' : ''}`) + (kind.totals ? ', 合计 row' : '');
    draft.notes.push(`legacy ${form.id} ${year}: header ${header.join('|')}${shapeNote}${kind.serial ? ', 序号 column' : ''}${kind.titleRow ? ', title row' : ''}${cut < rows.length ? `, cut after row ${cut}` : ''}, values ${kind.typed}, blank '${blank}'${draft.format === 'txt' ? `, separator ${draft.separator}` : ''}`);
  },
};

/**
 * The shapes a pre-2019 table takes beyond 指标 | 单位 | 数量: the unit in brackets after the indicator and
 * no unit column (主动公开政府信息数（条） | 125); the form's sections as a category column merged down
 * beside their rows (一、主动公开情况 | （一）主动公开政府信息数 | 条 | 125); the year's column beside the
 * year before's (2015年 | 2014年, 本年度 | 上年度, in either order).
 */
const SHAPES = ['unit-in-indicator', 'category', 'prior-year'] as const;
/**
 * Shapes drawn only by their own kinds (a mixed kind draws among SHAPES, so seeds keep their variants): no
 * unit column, the unit most rows count in stated in the value column's heading (指标 | 数量（件）), a row
 * of another unit printing it in brackets after its indicator.
 */
type LaterShape = 'unit-in-heading';

/** The unit most of a form's rows count in (its value column's heading names it in the unit-in-heading shape). */
function commonUnit(form: LegacyForm): string {
  const counts = new Map<string, number>();
  for (const row of form.rows) if (row.unit !== '') counts.set(row.unit, (counts.get(row.unit) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The form with a 合计 row after the application channels' rows (当面 … 信函), printing their sum; values and 累计 with it. */
function withTotalRow(form: LegacyForm, values: (number | null)[], cumulative: (number | null)[] | undefined, random: Random) {
  const sum = form.rows.findIndex((r) => r.indicator.includes('受理依申请') || r.indicator.includes('收到申请数'));
  const parts = form.rows[sum]!.sumOf!;
  const at = Math.max(...parts) + 1;
  const row = { indicator: random.pick(['合计', '总计', '小计', '合 计']), unit: form.rows[sum]!.unit };
  const total = (column: (number | null)[]) => parts.reduce((t, j) => t + (column[j] ?? 0), 0);
  const insert = <T>(list: T[], item: T): T[] => [...list.slice(0, at), item, ...list.slice(at)];
  return {
    form: { ...form, rows: insert<LegacyForm['rows'][number]>(form.rows, row) },
    values: insert(values, total(values)),
    cumulative: cumulative && insert(cumulative, total(cumulative)),
  };
}

/** The form's top-level sections (一、… as a row of no value): each heads the rows up to the next top-level row. */
interface Categories {
  heads: Set<number>;
  /** The category of each row of the form ('' for a row of no category: a top-level row with a value and its parts). */
  of: string[];
}

const TOP_LEVEL = /^[一二三四五六七八九十]+、/;

function categoriesOf(form: LegacyForm): Categories {
  const heads = new Set<number>();
  let current = '';
  const of = form.rows.map((row, i) => {
    if (TOP_LEVEL.test(row.indicator)) {
      current = row.unit === '' ? row.indicator : '';
      if (row.unit === '') heads.add(i);
    }
    return current;
  });
  return { heads, of };
}

/** A row's two label cells: its category (merged down its rows) and its own words; a top-level row of its own fills both. */
function categoryCells(categories: Categories, form: LegacyForm, i: number): string[] {
  const row = form.rows[i];
  if (TOP_LEVEL.test(row.indicator)) return [row.indicator, ''];
  return [categories.of[i], row.indicator];
}

/** The merged cells of a category table: the header's 指标 over both label columns, each category down its rows, a top-level row across both. */
function categorySpans(rows: string[][], first: number, lead: number, header: string[]): Span[] {
  const spans: Span[] = header[lead + 1] === '' ? [{ row: first - 1, col: lead, rowspan: 1, colspan: 2 }] : [];
  for (let r = 0; r < rows.length; r++) {
    const [category, own] = [rows[r][lead], rows[r][lead + 1]];
    if (own === '') {
      spans.push({ row: first + r, col: lead, rowspan: 1, colspan: 2 });
      continue;
    }
    if (category === '' || (r > 0 && rows[r - 1][lead] === category && rows[r - 1][lead + 1] !== '')) continue;
    let n = 1;
    while (r + n < rows.length && rows[r + n][lead] === category && rows[r + n][lead + 1] !== '') n++;
    spans.push({ row: first + r, col: lead, rowspan: n, colspan: 1 });
  }
  // The positions a category covers print nothing of their own.
  for (const span of spans) for (let k = 1; k < span.rowspan; k++) rows[span.row - first + k][lead] = '';
  return spans;
}

/** A page break inside a merged category: the part before it keeps the rows above the break (the rest is merged anew below). */
function clipSpans(spans: Span[], rows: number): Span[] {
  return spans.map((s) => (s.row + s.rowspan > rows ? { ...s, rowspan: rows - s.row } : s));
}

interface Kind {
  form: LegacyForm['id'];
  serial: boolean;
  titleRow: boolean;
  split: boolean;
  blanks: boolean;
  /** How the values are typed: as numbers, in full-width digits, with thousands separators, or with the row's unit after them. */
  typed: (typeof TYPED)[number];
  /** The table's shape: 指标 | 单位 | 数量 ('unit-column', the kinds before the shapes), or one of SHAPES. */
  shape: 'unit-column' | (typeof SHAPES)[number] | LaterShape;
  /** prior-year: the year before's column first. */
  priorFirst?: boolean;
  /** A 合计 (总计, 小计) row after the application channels' rows, their sum. */
  totals?: boolean;
}

const TYPED = ['plain', 'full-width', 'thousands', 'unit'] as const;

function typedValue(value: number, unit: string, typed: Kind['typed']): string {
  const text = String(value);
  switch (typed) {
    case 'plain':
      return text;
    case 'full-width':
      return text.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(0xff10 + Number(c))));
    case 'thousands':
      return value >= 1000 ? value.toLocaleString('en-US') : text;
    case 'unit':
      return `${text}${unit}`;
  }
}

const KINDS: Kind[] = [
  { form: 'short-2008', serial: false, titleRow: false, split: false, blanks: false, typed: 'plain', shape: 'unit-column' },
  { form: 'national-2015', serial: false, titleRow: false, split: false, blanks: false, typed: 'plain', shape: 'unit-column' },
  { form: 'national-2015', serial: true, titleRow: false, split: false, blanks: true, typed: 'thousands', shape: 'unit-column' },
  { form: 'national-2015', serial: false, titleRow: true, split: true, blanks: false, typed: 'full-width', shape: 'unit-column' },
  { form: 'short-2008', serial: true, titleRow: true, split: true, blanks: true, typed: 'unit', shape: 'unit-column' },
  // The shapes, after the kinds seeds 1–3 were first scored on (a variant's index picks its kind).
  { form: 'short-2008', serial: false, titleRow: false, split: false, blanks: false, typed: 'plain', shape: 'unit-in-indicator' },
  { form: 'national-2015', serial: false, titleRow: true, split: true, blanks: true, typed: 'plain', shape: 'unit-in-indicator' },
  { form: 'national-2015', serial: false, titleRow: false, split: false, blanks: false, typed: 'plain', shape: 'category' },
  { form: 'national-2015', serial: false, titleRow: false, split: false, blanks: false, typed: 'plain', shape: 'prior-year' },
  { form: 'short-2008', serial: false, titleRow: false, split: false, blanks: true, typed: 'plain', shape: 'prior-year', priorFirst: true },
  // Later shapes (seeds' variants from index 10 on were mixed kinds): a unit in the value column's heading, 合计 rows.
  { form: 'national-2015', serial: false, titleRow: false, split: false, blanks: false, typed: 'plain', shape: 'unit-in-heading' },
  { form: 'short-2008', serial: true, titleRow: true, split: true, blanks: false, typed: 'thousands', shape: 'unit-in-heading' },
  { form: 'short-2008', serial: false, titleRow: false, split: false, blanks: true, typed: 'plain', shape: 'unit-column', totals: true },
  { form: 'national-2015', serial: true, titleRow: false, split: true, blanks: false, typed: 'plain', shape: 'category', totals: true },
];

function headerFor(form: LegacyForm, year: number, random: Random, kind: Kind, unitOfMost: string): string[] {
  const indicator = random.pick(['统计指标', '指标名称', '指 标', '指标', '项目', '统计项目']);
  const unit = random.pick(['单位', '计量单位', '单 位']);
  const value = random.pick(['统计数', `${year}年度`, '数量', '本年度', `${year}年`]);
  const shapes = random.fork('shape-header');
  const cumulative = form.cumulative ? [random.pick(['历年累计', '累计'])] : [];
  const serial = kind.serial ? ['序号'] : [];
  switch (kind.shape) {
    case 'unit-column':
      return [...serial, indicator, unit, value, ...cumulative];
    case 'unit-in-indicator':
      return [...serial, indicator, value, ...cumulative];
    case 'unit-in-heading':
      return [...serial, indicator, `${value}${shapes.pick(['（', '('])}${unitOfMost}${shapes.pick(['）', ')'])}`, ...cumulative];
    case 'category': {
      // 指标 merged over the category column and the indicator's, or a heading of its own over each.
      const labels = shapes.pick([[indicator, ''], ['类别', indicator], ['项目', '指标'], ['分类', '指标名称']]);
      return [...serial, ...labels, unit, value, ...cumulative];
    }
    case 'prior-year': {
      const [now, before] = shapes.pick([[`${year}年`, `${year - 1}年`], [`${year}年度`, `${year - 1}年度`], ['本年度', '上年度'], ['本年', '上年']]);
      return [...serial, indicator, unit, ...(kind.priorFirst ? [before, now] : [now, before]), ...cumulative];
    }
  }
}

/** The 2008 regulation's report around the statistics table, its prose agreeing with the table. */
function legacyReport(agency: string, year: number, form: LegacyForm, values: (number | null)[], caption: Block[], tables: Block[]): Block[] {
  const first = (words: string): number | null => {
    const i = form.rows.findIndex((r) => r.indicator.includes(words));
    return i < 0 ? null : values[i];
  };
  const proactive = first('主动公开');
  const requests = first('受理依申请') ?? first('收到申请数');
  return [
    { kind: 'title', text: `${agency}${year}年政府信息公开工作年度报告` },
    { kind: 'paragraph', text: `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。` },
    { kind: 'heading', text: '一、概述' },
    { kind: 'paragraph', text: `${year}年，我单位认真贯彻落实《条例》，进一步完善政府信息公开工作机制，推进政府信息公开工作。` },
    { kind: 'heading', text: '二、主动公开政府信息情况' },
    { kind: 'paragraph', text: proactive === null ? '我单位通过政府网站等渠道主动公开政府信息。' : `全年共主动公开政府信息${proactive}条。` },
    { kind: 'heading', text: '三、依申请公开政府信息情况' },
    { kind: 'paragraph', text: requests === null ? '我单位依法受理政府信息公开申请。' : `全年共受理政府信息公开申请${requests}件，均已按时答复。` },
    { kind: 'heading', text: '四、政府信息公开的收费及减免情况' },
    { kind: 'paragraph', text: '我单位在政府信息公开工作中未收取任何费用。' },
    { kind: 'heading', text: '五、因政府信息公开申请行政复议、提起行政诉讼的情况' },
    { kind: 'paragraph', text: '详见统计表。' },
    { kind: 'heading', text: '六、政府信息公开工作存在的主要问题及改进情况' },
    { kind: 'paragraph', text: '政府信息公开工作仍存在信息更新不够及时等问题，下一步将进一步规范工作流程。' },
    { kind: 'heading', text: '七、附件' },
    ...caption,
    ...tables,
    { kind: 'paragraph', text: agency },
  ];
}

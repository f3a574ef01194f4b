/**
 * The stable cell ids of ../shared/spec/report-template-2021.md and report-template-2019.md: the public
 * data contract. Labels are the canonical Chinese wording; the mapper matches real labels against them
 * (and against `aliases`, the distinctive words real reports keep even when they reword a label).
 */

export interface ColumnDef {
  id: string;
  label: string;
  /** 'count' cells are non-negative integers; 'amount' cells non-negative decimals; 'signed' may be negative. */
  kind: 'count' | 'amount' | 'signed';
}

export interface RowDef {
  id: string;
  /** The row's full canonical label, group prefix included (三、本年度办理结果 （一）予以公开). */
  label: string;
  /** Label of the row itself without group prefix, as printed in its own cell. */
  own: string;
  /** The group heading the row sits under, when it has one (（三）不予公开). */
  group?: string;
  columns: ColumnDef[];
}

export type TableId = 'proactive' | 'requests' | 'appeals';
export type LayoutId = '2021' | '2019' | 'none';

export interface TableLayout {
  table: TableId;
  layout: Exclude<LayoutId, 'none'>;
  rows: RowDef[];
}

const count = (id: string, label: string): ColumnDef => ({ id, label, kind: 'count' });

export const REQUEST_COLUMNS: ColumnDef[] = [
  count('natural_person', '自然人'),
  count('commercial', '商业企业'),
  count('research', '科研机构'),
  count('nonprofit', '社会公益组织'),
  count('legal_services', '法律服务机构'),
  count('other_legal_person', '其他'),
  count('total', '总计'),
];

/** Table 三's heading over the five kinds of applicant that are not natural persons, and their columns. */
export const LEGAL_PERSON_GROUP = {
  label: '法人或其他组织',
  columns: ['commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person'] as readonly string[],
};

function req(id: string, own: string, group?: string): RowDef {
  return { id, own, group, label: group ? `${group} ${own}` : own, columns: REQUEST_COLUMNS };
}

const OUTCOME_HEAD = '三、本年度办理结果';
const G3 = '（三）不予公开';
const G4 = '（四）无法提供';
const G5 = '（五）不予处理';
const G6 = '（六）其他处理';

const REQUEST_ROWS_BEFORE_OTHER: RowDef[] = [
  req('new_received', '一、本年新收政府信息公开申请数量'),
  req('carried_over', '二、上年结转政府信息公开申请数量'),
  req('granted', '（一）予以公开', OUTCOME_HEAD),
  req('partially_granted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', OUTCOME_HEAD),
  req('denied_state_secret', '1.属于国家秘密', G3),
  req('denied_prohibited_by_law', '2.其他法律行政法规禁止公开', G3),
  req('denied_three_safeties_one_stability', '3.危及“三安全一稳定”', G3),
  req('denied_third_party_rights', '4.保护第三方合法权益', G3),
  req('denied_internal_affairs', '5.属于三类内部事务信息', G3),
  req('denied_process_info', '6.属于四类过程性信息', G3),
  req('denied_enforcement_files', '7.属于行政执法案卷', G3),
  req('denied_admin_query', '8.属于行政查询事项', G3),
  req('unavailable_not_held', '1.本机关不掌握相关政府信息', G4),
  req('unavailable_needs_creation', '2.没有现成信息需要另行制作', G4),
  req('unavailable_still_unclear', '3.补正后申请内容仍不明确', G4),
  req('rejected_petition_complaint', '1.信访举报投诉类申请', G5),
  req('rejected_duplicate', '2.重复申请', G5),
  req('rejected_publication', '3.要求提供公开出版物', G5),
  req('rejected_excessive', '4.无正当理由大量反复申请', G5),
  req('rejected_confirm_existing', '5.要求行政机关确认或重新出具已获取信息', G5),
];
const REQUEST_ROWS_AFTER_OTHER: RowDef[] = [
  req('total_processed', '（七）总计', OUTCOME_HEAD),
  req('carried_forward', '四、结转下年度继续办理'),
];

export const REQUESTS_2021: TableLayout = {
  table: 'requests',
  layout: '2021',
  rows: [
    ...REQUEST_ROWS_BEFORE_OTHER,
    req('other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', G6),
    req('other_unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', G6),
    req('other_other', '3.其他', G6),
    ...REQUEST_ROWS_AFTER_OTHER,
  ],
};

export const REQUESTS_2019: TableLayout = {
  table: 'requests',
  layout: '2019',
  rows: [...REQUEST_ROWS_BEFORE_OTHER, req('other_handling', '（六）其他处理', OUTCOME_HEAD), ...REQUEST_ROWS_AFTER_OTHER],
};

/** Rows of the requests table that are outcomes, summed by requests.outcome_sum. */
export const REQUEST_OUTCOME_ROWS = (layout: TableLayout): RowDef[] =>
  layout.rows.filter((r) => !['new_received', 'carried_over', 'total_processed', 'carried_forward'].includes(r.id));

const ISSUED = [count('issued', '本年制发件数'), count('repealed', '本年废止件数'), count('in_force', '现行有效件数')];
const DECISIONS = [count('decisions', '本年处理决定数量')];

export const PROACTIVE_2021: TableLayout = {
  table: 'proactive',
  layout: '2021',
  rows: [
    { id: 'rules', label: '规章', own: '规章', columns: ISSUED },
    { id: 'normative_documents', label: '行政规范性文件', own: '行政规范性文件', columns: ISSUED },
    { id: 'administrative_license', label: '行政许可', own: '行政许可', columns: DECISIONS },
    { id: 'administrative_penalty', label: '行政处罚', own: '行政处罚', columns: DECISIONS },
    { id: 'administrative_enforcement', label: '行政强制', own: '行政强制', columns: DECISIONS },
    {
      id: 'administrative_fees',
      label: '行政事业性收费',
      own: '行政事业性收费',
      columns: [{ id: 'amount_10k_yuan', label: '本年收费金额（单位：万元）', kind: 'amount' }],
    },
  ],
};

const MADE = [count('new_made', '本年新制作数量'), count('new_published', '本年新公开数量'), count('total_published', '对外公开总数量')];
const ITEMS = [
  count('prev_items', '上一年项目数量'),
  { id: 'change', label: '本年增/减', kind: 'signed' } as ColumnDef,
  count('decisions', '处理决定数量'),
];

export const PROACTIVE_2019: TableLayout = {
  table: 'proactive',
  layout: '2019',
  rows: [
    { id: 'rules', label: '规章', own: '规章', columns: MADE },
    { id: 'normative_documents', label: '规范性文件', own: '规范性文件', columns: MADE },
    { id: 'administrative_license', label: '行政许可', own: '行政许可', columns: ITEMS },
    { id: 'other_admin_services', label: '其他对外管理服务事项', own: '其他对外管理服务事项', columns: ITEMS },
    { id: 'administrative_penalty', label: '行政处罚', own: '行政处罚', columns: ITEMS },
    { id: 'administrative_enforcement', label: '行政强制', own: '行政强制', columns: ITEMS },
    { id: 'administrative_fees', label: '行政事业性收费', own: '行政事业性收费', columns: ITEMS.slice(0, 2) },
    {
      id: 'government_procurement',
      label: '政府集中采购',
      own: '政府集中采购',
      columns: [count('items', '采购项目数量'), { id: 'amount_10k_yuan', label: '采购总金额（万元）', kind: 'amount' }],
    },
  ],
};

const APPEAL_COLUMNS = [
  count('upheld', '结果维持'),
  count('corrected', '结果纠正'),
  count('other', '其他结果'),
  count('pending', '尚未审结'),
  count('total', '总计'),
];

export const APPEALS_2021: TableLayout = {
  table: 'appeals',
  layout: '2021',
  rows: [
    { id: 'review', label: '行政复议', own: '行政复议', columns: APPEAL_COLUMNS },
    { id: 'litigation_direct', label: '行政诉讼 未经复议直接起诉', own: '未经复议直接起诉', columns: APPEAL_COLUMNS },
    { id: 'litigation_after_review', label: '行政诉讼 复议后起诉', own: '复议后起诉', columns: APPEAL_COLUMNS },
  ],
};

/** Every layout of every table; the mapper tries each and keeps the best-supported one. */
export const LAYOUTS: Record<TableId, TableLayout[]> = {
  proactive: [PROACTIVE_2021, PROACTIVE_2019],
  requests: [REQUESTS_2021, REQUESTS_2019],
  appeals: [APPEALS_2021],
};

export const TABLE_IDS: TableId[] = ['proactive', 'requests', 'appeals'];

export interface CellDef {
  key: string;
  table: TableId;
  row: RowDef;
  column: ColumnDef;
}

/**
 * Each key made once and handed out again: a key string made anew for every write is hashed and looked
 * up in V8's string table each time it names a property (about 0.6 µs a write, against 0.2 for the
 * same string again), and a document's mapping writes its ~300 cells several times over. Keys come from
 * the templates' own ids, so the map stays small; past MAX_KEYS (ids from elsewhere) they are made anew.
 * The one way a cell key is spelt: `table.row.column`.
 */
const keys = new Map<string, Map<string, Map<string, string>>>();
let keyCount = 0;
const MAX_KEYS = 10_000;

export function cellKey(table: string, row: string, column: string): string {
  const known = keys.get(table)?.get(row)?.get(column);
  if (known !== undefined) return known;
  const key = `${table}.${row}.${column}`;
  if (keyCount < MAX_KEYS) {
    let rows = keys.get(table);
    if (!rows) keys.set(table, (rows = new Map()));
    let columns = rows.get(row);
    if (!columns) rows.set(row, (columns = new Map()));
    columns.set(column, key);
    keyCount++;
  }
  return key;
}

export function cellsOf(layout: TableLayout): CellDef[] {
  return layout.rows.flatMap((row) =>
    row.columns.map((column) => ({ key: cellKey(layout.table, row.id, column.id), table: layout.table, row, column })),
  );
}

/**
 * Every cell key in template order (2021 first, then the keys only the 2019 layouts add): the column
 * order of wide.csv, so files from different runs line up.
 */
export const ALL_CELLS: CellDef[] = (() => {
  const seen = new Map<string, CellDef>();
  for (const table of TABLE_IDS) for (const layout of LAYOUTS[table]) for (const c of cellsOf(layout)) if (!seen.has(c.key)) seen.set(c.key, c);
  return [...seen.values()];
})();

export const CELL_BY_KEY = new Map(ALL_CELLS.map((c) => [c.key, c]));

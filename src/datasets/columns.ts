/**
 * What every column of every dataset means: type, unit, allowed values, and a description in Chinese
 * and English. The codebook (datapackage.json), the SQLite and Parquet schemas and the journalist
 * exports read their column descriptions from here; a column missing here is an error, not a guess.
 *
 * A name means the same thing in every file, except where `table.column` names an exception
 * (legacy_stats.row is a row number, cells.row a row id).
 */
import { DOUBTS } from '../templates/doubt.js';
import { Format } from '../../extractors/model.js';

/** Frictionless Table Schema field types, the only ones used. */
export type ColumnType = 'string' | 'integer' | 'number';

export interface ColumnMeaning {
  type: ColumnType;
  zh: string;
  en: string;
  unit?: string;
  /** Allowed values (besides blank). */
  values?: readonly string[];
}

const text = (zh: string, en: string, values?: readonly string[]): ColumnMeaning => ({ type: 'string', zh, en, values });
const int = (zh: string, en: string, unit?: string): ColumnMeaning => ({ type: 'integer', zh, en, unit });
const num = (zh: string, en: string, unit?: string): ColumnMeaning => ({ type: 'number', zh, en, unit });

export const LAYOUT_VALUES = ['2021', '2019', 'none'] as const;
export const STATUS_VALUES = ['ok', 'partial', 'failed'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const BASES = ['printed', 'doubtful'] as const;

export const COLUMNS: Record<string, ColumnMeaning> = {
  report_id: text('报告编号：输入文件字节的 SHA-256 前缀', 'report id: sha256 of the input bytes'),
  source: text('输入文件路径或网址（与运行时给出的一致）', 'the input path or URL as given to the run'),
  sha256: text('输入文件字节的完整 SHA-256', 'sha256 of the whole input file'),
  format: text('读取器判定的文件格式', 'file format as decided from the bytes', Format.options),
  status: text('处理状态：ok 三张表都找到；partial 部分找到；failed 无法读取', 'ok: all template tables found; partial: some missing; failed: unreadable', STATUS_VALUES),
  error: text('失败原因', 'why the document failed'),
  error_code: text('失败原因代码', 'stable code of the failure'),
  duplicate_of: text('与之字节相同的首个输入', 'the first input of the run with the same bytes'),
  title: text('报告标题', 'report title'),
  agency: text('报告机关（标题所称）', 'reporting body as the title names it'),
  year: int('报告所统计的年度', 'the year the report covers', 'year'),
  published: text('发布或落款日期（ISO 8601）', 'date of signature or publication (ISO 8601)'),
  publisher: text('门户网站所称发布机构', 'publisher named by the portal'),
  source_url: text('报告的网址', 'URL the report was fetched from'),
  parent_url: text('附件所属的报告页面网址', 'for an attachment: the report page linking to it'),
  layout_proactive: text('主动公开表的模板版式', 'template layout of the proactive disclosure table', LAYOUT_VALUES),
  layout_requests: text('依申请公开表的模板版式', 'template layout of the requests table', LAYOUT_VALUES),
  layout_appeals: text('复议诉讼表的模板版式', 'template layout of the review and litigation table', LAYOUT_VALUES),
  findings: int('未通过的核对数', 'number of failed checks', 'findings'),
  findings_errors: int('严重程度为 error 的核对数', 'failed checks of severity error', 'findings'),
  findings_doubtful: int('依据存疑读数的核对数', 'failed checks resting on a doubtful reading', 'findings'),
  messages: int('读取时的提示数', 'warnings met while reading', 'messages'),
  doubtful_cells: int('读数存疑的单元格数', 'cells whose reading is in doubt', 'cells'),
  table: text('模板表格编号', 'template table id', ['proactive', 'requests', 'appeals']),
  row: text('模板行编号', 'template row id'),
  column: text('模板列编号', 'template column id'),
  key: text('单元格编号 table.row.column', 'cell key table.row.column'),
  value: num('单元格数值；空白为空', 'the cell as a number; blank when printed blank', 'as the column says (件, 万元)'),
  raw: text('原文印刷的文本', 'the text as printed'),
  row_label: text('行的中文标签', 'Chinese label of the row'),
  column_label: text('列的中文标签', 'Chinese label of the column'),
  layout: text('该表的模板版式', 'template layout of this table', LAYOUT_VALUES),
  page: int('所在页码（PDF）', 'page number (PDF)', 'page'),
  bbox: { ...text('页面上的位置 x0 y0 x1 y1', 'box on the page x0 y0 x1 y1'), unit: 'pt' },
  origin: text('读数来源：文本或 OCR', 'read from text or by OCR', ['text', 'ocr']),
  confidence: num('OCR 置信度', 'OCR confidence', '0–100'),
  via: text('非直接读取时的获取方式', 'how the value was obtained when not read directly'),
  doubt: text('读数存疑的原因代码；空白表示确定', 'why the reading is in doubt; blank when certain', Object.keys(DOUBTS)),
  seq: int('在报告中的顺序', 'position within the report'),
  rule: text('核对规则编号', 'reconciliation rule id'),
  severity: text('严重程度', 'severity', SEVERITIES),
  cells: text('涉及的单元格编号（空格分隔）', 'cell keys involved, space-separated'),
  where: text('核对所涉的列、行或组', 'column, row or group the check concerns'),
  expected: num('由其他单元格推算的值', 'what the identity computes from the other cells'),
  actual: num('报告所印的值', 'what the report prints in the checked cell'),
  left: num('各分项之和', 'sum of the parts'),
  right: num('所印总计', 'declared total'),
  message: text('说明', 'explanation'),
  checked_cell: text('被核对的单元格（所印总计所在格）', 'the checked cell (where the declared total is printed)'),
  review: text('复核结论（confirmed 确认有误 / dismissed 排除 / open 待定）', 'review decision (confirmed / dismissed / open)', ['confirmed', 'dismissed', 'open']),
  review_note: text('复核说明', 'review note'),
  location: text('被核对单元格在原文中的位置：页码；第几个表格、第几行、第几列（从 1 起）', 'where the checked cell is printed: page; table, row and column, counted from 1'),
  basis: text('printed：读数确定，报告自相矛盾；doubtful：有存疑读数', 'printed: every cell read with certainty; doubtful: some reading in doubt', BASES),
  level: int('标题层级', 'heading level'),
  number: text('标题编号（一、（一）…）', 'heading number as printed'),
  text: text('该节正文', 'text of the section'),
  section_id: text('模板章节编号', 'template section id'),
  name: text('正文数字的名称', 'name of the figure stated in the text'),
  sentence: text('所在句子', 'the sentence stating it'),
  indicator: text('统计指标', 'indicator'),
  unit: text('计量单位', 'unit as printed'),
  cumulative: num('累计值', 'cumulative value'),
  code: text('提示代码', 'message code'),
  previous_year: int('上一年度', 'the year before', 'year'),
  previous_report_id: text('上一年度报告编号', 'report id of the year before'),
  previous_source: text('上一年度报告来源', 'source of the report of the year before'),
  decision: text('复核结论', 'review decision'),
  note: text('复核说明', 'review note'),
  reviewer: text('复核人', 'reviewer'),
  at: text('复核时间', 'when reviewed (ISO 8601)'),
  'reviews.key': text('复核对象的编号', 'what was reviewed (as reviews.ndjson names it)'),
  kind: text('数值种类：count 件数（非负整数），amount 金额（万元），signed 可为负的增减数', 'count: non-negative integer; amount: decimal (10,000 yuan); signed: may be negative', ['count', 'amount', 'signed']),
  layouts: text('有该单元格的模板版式（空格分隔）', 'template layouts that have the cell, space-separated'),
  row_label_2021: text('2021 年版模板的行标签', 'row label in the 2021 template'),
  column_label_2021: text('2021 年版模板的列标签', 'column label in the 2021 template'),
  row_label_2019: text('2019 年版模板的行标签', 'row label in the 2019 template'),
  column_label_2019: text('2019 年版模板的列标签', 'column label in the 2019 template'),
  'codebook.unit': text('计量单位', 'unit', ['件', '万元']),
  'legacy_stats.row': int('统计表中的行号', 'row number in the statistics table'),
  'legacy_stats.value': num('本年数值', 'value for the year'),
  'year_checks.status': text('核对结果', 'outcome of the check', ['passed', 'failed', 'skipped']),
  'year_checks.rule': text('跨年度核对规则', 'year-to-year rule', ['year.carry', 'year.in_force']),
  'messages.message': text('提示内容', 'message text'),
};

/** The meaning of `column` in `table`: the table's own entry first, then the shared one. */
export function columnMeaning(table: string, column: string): ColumnMeaning {
  const meaning = COLUMNS[`${table}.${column}`] ?? COLUMNS[column];
  if (!meaning) throw new Error(`no description for column ${column} of ${table} (add it to src/datasets/columns.ts)`);
  return meaning;
}

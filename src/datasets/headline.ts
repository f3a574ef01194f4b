/**
 * The headline figures of a report: the numbers a story is made of (how many asked, how many got the
 * information, how many were refused and why, how many went to review or court), each defined once
 * from the template cells. The journalist exports compute them in JS; the SQLite view `agency_year`
 * is generated from the same definitions, so the two always agree.
 *
 * A count sums its cells with blanks as 0, and is blank when none of its cells holds a number (the
 * table is missing, or the report left those cells blank: some print only the applicant columns and
 * leave 总计 blank — nothing is guessed). A share is one count over another, blank when either is
 * blank or the denominator is 0.
 */
import type { ReportRecord } from '../schemas/record.js';
import { REQUESTS_2021, REQUESTS_2019, cellKey } from '../templates/ids.js';

export interface CountFigure {
  kind: 'count';
  id: string;
  zh: string;
  en: string;
  definition_zh: string;
  definition_en: string;
  plus: string[];
  minus?: string[];
}

export interface ShareFigure {
  kind: 'share';
  id: string;
  zh: string;
  en: string;
  definition_zh: string;
  definition_en: string;
  numerator: string;
  denominator: string;
}

export type Figure = CountFigure | ShareFigure;

const total = (row: string) => cellKey('requests', row, 'total');
const rowsWith = (prefix: string) =>
  [...new Set([...REQUESTS_2021.rows, ...REQUESTS_2019.rows].filter((r) => r.id.startsWith(prefix)).map((r) => r.id))];
const requestRow = (id: string) => REQUESTS_2021.rows.find((r) => r.id === id)!;

const DENIED_EN: Record<string, string> = {
  denied_state_secret: 'state secret',
  denied_prohibited_by_law: 'prohibited by other laws',
  denied_three_safeties_one_stability: 'endangers the "three safeties and one stability"',
  denied_third_party_rights: "third parties' rights",
  denied_internal_affairs: 'internal affairs',
  denied_process_info: 'process information',
  denied_enforcement_files: 'law-enforcement case files',
  denied_admin_query: 'administrative query',
};

const count = (id: string, zh: string, en: string, plus: string[], definition_zh: string, definition_en: string, minus?: string[]): CountFigure =>
  ({ kind: 'count', id, zh, en, plus, minus, definition_zh, definition_en });
const share = (id: string, zh: string, en: string, numerator: string, denominator: string, definition_zh: string, definition_en: string): ShareFigure =>
  ({ kind: 'share', id, zh, en, numerator, denominator, definition_zh, definition_en });

const APPEAL_ROWS = ['review', 'litigation_direct', 'litigation_after_review'];
const appeal = (rows: string[], column: string) => rows.map((r) => cellKey('appeals', r, column));

export const FIGURES: Figure[] = [
  count('new_requests', '本年新收申请', 'new requests', [total('new_received')], '依申请公开表“一、本年新收政府信息公开申请数量”总计', 'requests table, new requests received this year, total column'),
  count('carried_over', '上年结转申请', 'carried over from last year', [total('carried_over')], '“二、上年结转政府信息公开申请数量”总计', 'requests carried over from the year before, total'),
  count('processed', '办理结果总计', 'requests answered', [total('total_processed')], '“三、本年度办理结果 （七）总计”总计', 'outcomes this year, (7) total, total column'),
  count('granted', '予以公开', 'granted in full', [total('granted')], '“（一）予以公开”总计', 'outcome (1) disclosed, total'),
  count('partially_granted', '部分公开', 'granted in part', [total('partially_granted')], '“（二）部分公开”总计', 'outcome (2) partly disclosed, total'),
  count('granted_or_partly', '全部或部分公开', 'granted in full or in part', [total('granted'), total('partially_granted')], '予以公开 + 部分公开', 'granted in full + granted in part'),
  share('share_granted_or_partly', '全部或部分公开占比', 'share granted in full or in part', 'granted_or_partly', 'processed', '（予以公开 + 部分公开）÷ 办理结果总计', '(granted in full + in part) ÷ requests answered'),
  count('denied', '不予公开', 'refused', rowsWith('denied_').map(total), '“（三）不予公开”八项之和（总计列）', 'outcome (3) refused: sum of its eight reasons, total column'),
  ...rowsWith('denied_').map((id) =>
    count(id, `不予公开：${requestRow(id).own.replace(/^\d+\./, '')}`, `refused: ${DENIED_EN[id]}`, [total(id)], `“（三）不予公开 ${requestRow(id).own}”总计`, `outcome (3) refused because: ${DENIED_EN[id]}, total`),
  ),
  share('share_denied', '不予公开占比', 'share refused', 'denied', 'processed', '不予公开 ÷ 办理结果总计', 'refused ÷ requests answered'),
  count('unavailable', '无法提供', 'could not be provided', rowsWith('unavailable_').map(total), '“（四）无法提供”三项之和', 'outcome (4) unavailable: sum of its three reasons'),
  count('rejected', '不予处理', 'not processed', rowsWith('rejected_').map(total), '“（五）不予处理”五项之和', 'outcome (5) not processed: sum of its five reasons'),
  count('other_handling', '其他处理', 'handled otherwise', rowsWith('other_').map(total), '“（六）其他处理”各项之和（2019 版式为一行）', 'outcome (6) handled otherwise: its rows summed (one row in the 2019 layout)'),
  count('carried_forward', '结转下年度', 'carried forward', [total('carried_forward')], '“四、结转下年度继续办理”总计', 'carried forward to next year, total'),
  count('reviews', '行政复议', 'administrative reviews', appeal(['review'], 'total'), '行政复议总计', 'administrative reviews, total'),
  count('lawsuits', '行政诉讼', 'lawsuits', appeal(['litigation_direct', 'litigation_after_review'], 'total'), '行政诉讼（未经复议直接起诉 + 复议后起诉）总计', 'lawsuits (filed directly + after review), total'),
  count('corrected', '结果纠正', 'decisions corrected', appeal(APPEAL_ROWS, 'corrected'), '行政复议与行政诉讼“结果纠正”之和', 'reviews and lawsuits whose result was corrected'),
  count('concluded', '已审结', 'reviews and lawsuits concluded', appeal(APPEAL_ROWS, 'total'), '行政复议与行政诉讼总计减去“尚未审结”', 'reviews and lawsuits, total minus pending', appeal(APPEAL_ROWS, 'pending')),
  share('share_corrected', '纠错率', 'share corrected', 'corrected', 'concluded', '结果纠正 ÷ 已审结（复议与诉讼合计）', 'corrected ÷ concluded (reviews and lawsuits together)'),
];

export const FIGURE_BY_ID = new Map(FIGURES.map((f) => [f.id, f]));

/** Every headline figure of one report's cells. */
export function figuresOf(cells: ReportRecord['cells']): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of FIGURES) {
    if (f.kind === 'count') {
      const keys = [...f.plus, ...(f.minus ?? [])];
      out[f.id] = keys.some((k) => typeof cells[k] === 'number')
        ? f.plus.reduce((s, k) => s + (cells[k] ?? 0), 0) - (f.minus ?? []).reduce((s, k) => s + (cells[k] ?? 0), 0)
        : null;
    } else {
      const n = out[f.numerator];
      const d = out[f.denominator];
      out[f.id] = n === null || d === null || d === undefined || n === undefined || d <= 0 ? null : n / d;
    }
  }
  return out;
}

/**
 * The report that stands for an agency-year when several do (an HTML page and its PDF, duplicates):
 * ok before partial, then the one with most cells found, then the first in input order.
 */
export function betterReport(a: { status: string; cellCount: number }, b: { status: string; cellCount: number }): boolean {
  const rank = (s: string) => (s === 'ok' ? 2 : s === 'partial' ? 1 : 0);
  return rank(a.status) !== rank(b.status) ? rank(a.status) > rank(b.status) : a.cellCount > b.cellCount;
}

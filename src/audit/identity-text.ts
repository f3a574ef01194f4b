/**
 * A failed identity written out with the report's numbers, the way an auditor checks it by hand:
 * 新收 95 + 结转 0 ≠ 办结 0 + 结转下年 0.
 */
import type { Finding, ReportRecord } from '../schemas/record.js';
import { identitiesOf } from '../templates/identities.js';
import { CELL_BY_KEY, type LayoutId, type TableId } from '../templates/ids.js';

/** Row names short enough for a formula, where stripping the numbering is not enough. */
const SHORT_ROWS: Record<string, string> = {
  new_received: '新收',
  carried_over: '结转',
  total_processed: '办结',
  carried_forward: '结转下年',
  partially_granted: '部分公开',
};

/** Beyond this many parts, parts printed as 0 or blank are summed up as 其余 rather than listed. */
const MAX_LISTED_PARTS = 6;

export function shortRowLabel(rowId: string, own: string): string {
  return SHORT_ROWS[rowId] ?? own.replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*/, '').replace(/（[^）]*）$/, '');
}

function shortLabel(key: string, sameRow: boolean): string {
  const def = CELL_BY_KEY.get(key);
  if (!def) return key;
  return sameRow ? def.column.label : shortRowLabel(def.row.id, def.row.own);
}

function number(v: number | null | undefined): string {
  return v === null || v === undefined ? '空' : String(v);
}

function identityOf(record: Pick<ReportRecord, 'layout'>, finding: Finding) {
  const table = finding.rule.split('.')[0] as TableId;
  if (table !== 'requests' && table !== 'appeals') return undefined;
  return identitiesOf(table, record.layout[table] as LayoutId).find((i) => i.rule === finding.rule && i.where === finding.where);
}

/**
 * The printed cells a finding puts in question: an identity's totals, the first cell of a year rule
 * (this year's figure; the others are its terms), else the finding's cells.
 */
export function checkedCells(record: Pick<ReportRecord, 'layout'>, finding: Finding): string[] {
  const identity = identityOf(record, finding);
  if (identity) return identity.totals;
  if (finding.rule.startsWith('year.')) return finding.cells.slice(0, 1);
  return finding.cells;
}

/** The identity behind a table finding with its numbers, or undefined for rules that are not identities. */
export function identityText(record: Pick<ReportRecord, 'layout' | 'cells'>, finding: Finding): string | undefined {
  const identity = identityOf(record, finding);
  if (!identity) return undefined;
  const keys = [...identity.parts, ...identity.totals];
  const rowOf = (k: string) => CELL_BY_KEY.get(k)?.row.id;
  const sameRow = keys.every((k) => rowOf(k) === rowOf(keys[0]));
  const term = (k: string) => `${shortLabel(k, sameRow)} ${number(record.cells[k])}`;
  let parts = identity.parts.map(term);
  if (identity.parts.length > MAX_LISTED_PARTS) {
    const listed = identity.parts.filter((k) => (record.cells[k] ?? 0) !== 0);
    parts = [...listed.map(term), ...(listed.length < identity.parts.length ? ['其余各项 0'] : [])];
  }
  const sum = (ks: string[]) => ks.reduce((s, k) => s + (record.cells[k] ?? 0), 0);
  const relation = sum(identity.parts) === sum(identity.totals) ? '=' : '≠';
  return `${parts.join(' + ')} ${relation} ${identity.totals.map(term).join(' + ')}`;
}

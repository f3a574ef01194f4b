/**
 * The template's identities as data: each says that the printed parts add up to the printed total(s).
 * One home for both their uses — the checks report the ones a report breaks, and the resolver uses
 * them to choose between readings of a row whose printed tokens can be read more than one way.
 */
import { APPEALS_2021, REQUEST_COLUMNS, REQUEST_OUTCOME_ROWS, REQUESTS_2019, REQUESTS_2021, cellKey, type LayoutId, type TableId } from './ids.js';

export interface Identity {
  /** The rule id of the spec that states it (requests.balance, …). */
  rule: string;
  /** The column, row or group the identity is about. */
  where: string;
  parts: string[];
  totals: string[];
  /** The failure in words, given the sum of the parts and of the totals. */
  describe(left: number, right: number): string;
}

const APPLICANTS = REQUEST_COLUMNS.filter((c) => c.id !== 'total');
const APPEAL_PARTS = ['upheld', 'corrected', 'other', 'pending'];

function requestIdentities(layoutId: LayoutId): Identity[] {
  const layout = layoutId === '2019' ? REQUESTS_2019 : REQUESTS_2021;
  const outcomes = REQUEST_OUTCOME_ROWS(layout);
  const key = (row: string, column: string) => cellKey('requests', row, column);
  const balance = REQUEST_COLUMNS.map((c) => ({
    rule: 'requests.balance',
    where: c.id,
    parts: [key('new_received', c.id), key('carried_over', c.id)],
    totals: [key('total_processed', c.id), key('carried_forward', c.id)],
    describe: (l: number, r: number) => `${c.label}: 本年新收 + 上年结转 = ${l}, but 办理结果总计 + 结转下年度 = ${r}`,
  }));
  const outcomeSum = REQUEST_COLUMNS.map((c) => ({
    rule: 'requests.outcome_sum',
    where: c.id,
    parts: outcomes.map((r) => key(r.id, c.id)),
    totals: [key('total_processed', c.id)],
    describe: (l: number, r: number) => `${c.label}: the ${outcomes.length} outcome rows sum to ${l}, but （七）总计 says ${r}`,
  }));
  const rowTotal = layout.rows.map((row) => ({
    rule: 'requests.row_total',
    where: row.id,
    parts: APPLICANTS.map((c) => key(row.id, c.id)),
    totals: [key(row.id, 'total')],
    describe: (l: number, r: number) => `${row.label}: the applicant columns sum to ${l}, but 总计 says ${r}`,
  }));
  return [...balance, ...outcomeSum, ...rowTotal];
}

function appealIdentities(): Identity[] {
  return APPEALS_2021.rows.map((row) => ({
    rule: 'appeals.group_total',
    where: row.id,
    parts: APPEAL_PARTS.map((c) => cellKey('appeals', row.id, c)),
    totals: [cellKey('appeals', row.id, 'total')],
    describe: (l: number, r: number) => `${row.label}: 维持 + 纠正 + 其他 + 尚未审结 = ${l}, but 总计 says ${r}`,
  }));
}

const cache = new Map<string, Identity[]>();

/** The identities of one table in one layout (the proactive table has none within itself). */
export function identitiesOf(table: TableId, layout: LayoutId): Identity[] {
  if (layout === 'none') return [];
  const k = `${table}/${layout}`;
  let list = cache.get(k);
  if (!list) {
    list = table === 'requests' ? requestIdentities(layout) : table === 'appeals' ? appealIdentities() : [];
    cache.set(k, list);
  }
  return list;
}

/**
 * Whether an identity holds on the values `valueOf` gives (a blank is null and counts 0); undefined
 * when some cell has no value to sum (not read, or text), so the identity says nothing.
 */
export function identityHolds(id: Identity, valueOf: (key: string) => number | null | undefined): boolean | undefined {
  let left = 0;
  let right = 0;
  for (const k of id.parts) {
    const v = valueOf(k);
    if (v === undefined) return undefined;
    left += v ?? 0;
  }
  for (const k of id.totals) {
    const v = valueOf(k);
    if (v === undefined) return undefined;
    right += v ?? 0;
  }
  return Math.round((left - right) * 1e6) === 0;
}

/**
 * Whether an identity fails whatever its unread cells hold. Every cell is a count (never negative), so
 * when the cells without a value are all parts and the parts read already sum to more than the totals
 * (9 + - + - + 一 against a total of -), or all totals and the totals read exceed the parts, no reading
 * of them can make it hold: it fails as surely as one evaluated in full. identityHolds says nothing then.
 */
export function identityCannotHold(id: Identity, valueOf: (key: string) => number | null | undefined): boolean {
  const sumKnown = (keys: string[]) => keys.reduce((s, k) => s + (valueOf(k) ?? 0), 0);
  const unread = (keys: string[]) => keys.some((k) => valueOf(k) === undefined);
  const [parts, totals] = [sumKnown(id.parts), sumKnown(id.totals)];
  const [openParts, openTotals] = [unread(id.parts), unread(id.totals)];
  if (openParts && openTotals) return false;
  if (openParts) return Math.round((parts - totals) * 1e6) > 0;
  if (openTotals) return Math.round((totals - parts) * 1e6) > 0;
  return Math.round((parts - totals) * 1e6) !== 0;
}

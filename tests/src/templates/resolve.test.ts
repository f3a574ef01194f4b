import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { REQUESTS_2019, REQUESTS_2021, REQUEST_COLUMNS } from '../../../src/templates/ids.js';
import { runChecks } from '../../../src/checks/index.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { docWithTables } from './helpers.js';

/**
 * A requests table that reconciles: every outcome row prints 1 natural person and 1 company (total 2),
 * carried_over is 0, so new_received = total_processed = 2 × 21 = 42 per column pair.
 */
function reconcilingRequests(): string[][] {
  const outcome = ['1', '1', '0', '0', '0', '0', '2'];
  return [
    ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    ...REQUESTS_2021.rows.map((r) => {
      if (r.id === 'new_received' || r.id === 'total_processed') return [r.label, '21', '21', '0', '0', '0', '0', '42'];
      if (r.id === 'carried_over' || r.id === 'carried_forward') return [r.label, '0', '0', '0', '0', '0', '0', '0'];
      return [r.label, ...outcome];
    }),
  ];
}

function rowIndex(rows: string[][], id: string): number {
  const label = REQUESTS_2021.rows.find((r) => r.id === id)!.label;
  return rows.findIndex((r) => r[0] === label);
}

function recordOf(m: ReturnType<typeof mapTemplates>): ReportRecord {
  return {
    report_id: 'r', source: 's', sha256: 'x', format: 'html', status: 'ok', layout: m.layout, cells: m.cells,
    cell_details: m.details, findings: [], sections: [], prose: {}, legacy_stats: [], messages: [],
  };
}

describe('identity-guided reading of rows whose printed values do not fit the template', () => {
  it('reads a （七）总计 row with a stray empty cell by the identities, never one column off', () => {
    const rows = reconcilingRequests();
    const t = rowIndex(rows, 'total_processed');
    rows[t] = [rows[t][0], '', '21', '21', '0', '0', '0', '0', '42'];
    for (const r of rows) if (r.length === 8) r.push('');
    const m = mapTemplates(docWithTables(rows));
    expect(REQUEST_COLUMNS.map((c) => m.cells[`requests.total_processed.${c.id}`])).toEqual([21, 21, 0, 0, 0, 0, 42]);
    // Zeros read the same under every reading are certain; so are the cells the stray moved, each
    // confirmed by its column's identities over rows read with certainty.
    expect(m.details['requests.total_processed.natural_person'].doubt).toBeNull();
    expect(m.details['requests.total_processed.nonprofit'].doubt).toBeNull();
    expect(m.messages.some((x) => x.code === 'extra-values' && x.message.includes('the only reading'))).toBe(true);
    expect(runChecks(recordOf(m)).findings.filter((f) => f.rule !== 'completeness')).toEqual([]);
  });

  it('places the 0 a row of a grid widened by a stray empty cell lost by the column sums over the total row, whose stray is not settled yet (1 1 0 0 0 2 ∅ short of one 0)', () => {
    const rows = reconcilingRequests();
    const t = rowIndex(rows, 'total_processed');
    rows[t] = [rows[t][0], '', '21', '21', '0', '0', '0', '0', '42'];
    const g = rowIndex(rows, 'granted');
    rows[g] = [rows[g][0], '1', '1', '0', '0', '0', '2', ''];
    for (const r of rows) if (r.length === 8) r.push('');
    const m = mapTemplates(docWithTables(rows));
    // Once every cell of the row but its total blank (ambiguous): judged before （七）总计 was read, the six
    // places of the lost cell tied; the column sums over （七）总计 without its stray leave two, a 0 lost
    // beside a printed 0 (科研机构 or 社会公益组织): every count the same, and the row stands so (not widened
    // again by the rows settled together on what is known).
    const row = REQUEST_COLUMNS.map((c) => [m.cells[`requests.granted.${c.id}`], m.details[`requests.granted.${c.id}`].doubt]);
    expect(row.slice(0, 2)).toEqual([
      [1, null],
      [1, null],
    ]);
    // 科研机构 and 社会公益组织: 0 under either reading, not printed there under one: in doubt.
    expect(row.slice(2, 4)).toEqual([
      [0, 'identity-resolved'],
      [0, 'identity-resolved'],
    ]);
    expect(row.slice(4).map(([v]) => v)).toEqual([0, 0, 2]);
    expect(runChecks(recordOf(m)).findings.filter((f) => f.rule !== 'completeness' && f.basis === 'printed')).toEqual([]);
  });

  it('leaves the cells blank with a doubt when no reading lets the identities hold, and finds nothing on them', () => {
    const rows = reconcilingRequests();
    const t = rowIndex(rows, 'total_processed');
    rows[t] = [rows[t][0], '', '20', '21', '0', '0', '0', '0', '42'];
    for (const r of rows) if (r.length === 8) r.push('');
    const m = mapTemplates(docWithTables(rows));
    expect(m.cells['requests.total_processed.natural_person']).toBeNull();
    expect(m.details['requests.total_processed.natural_person'].doubt).toBe('extra-values');
    const checked = runChecks(recordOf(m));
    expect(checked.findings.filter((f) => f.basis === 'printed' && f.cells.some((k) => k.startsWith('requests.total_processed')))).toEqual([]);
    expect(checked.messages.some((x) => x.code === 'check-skipped')).toBe(true);
  });

  it('reads a row whose own total is printed wrong and which has a stray empty cell: cells other rows confirm are taken, the token they leave for the total read in doubt', () => {
    const rows = reconcilingRequests();
    const ids = REQUESTS_2021.rows.map((r) => r.id).filter((id) => !['new_received', 'carried_over', 'total_processed', 'carried_forward'].includes(id));
    const r = rowIndex(rows, ids[0]);
    // The report prints '/' as the row's 总计 (a published error: 1 + 1 ≠ blank), and its grid a stray empty cell.
    rows[r] = [rows[r][0], '1', '', '1', '0', '0', '0', '0', '/'];
    for (const row of rows) if (row.length === 8) row.push('');
    const m = mapTemplates(docWithTables(rows));
    const key = (c: string) => `requests.${ids[0]}.${c}`;
    expect(REQUEST_COLUMNS.map((c) => m.cells[key(c.id)])).toEqual([1, 1, 0, 0, 0, 0, null]);
    // Whichever stray is dropped, the confirmed cells leave only the '/' for the total: it is read, in doubt.
    expect(REQUEST_COLUMNS.map((c) => m.details[key(c.id)].doubt)).toEqual([null, null, null, null, null, null, 'identity-resolved']);
    expect(m.details[key('total')].raw).toBe('/');
    expect(m.messages.some((x) => x.code === 'extra-values' && x.message.includes("every reading breaks the row's own total"))).toBe(true);
    // The blank total is the report's as printed, but chosen by us: its findings are doubtful, never printed.
    const checked = runChecks(recordOf(m));
    const onTotal = checked.findings.filter((f) => f.cells.includes(key('total')));
    expect(onTotal.map((f) => [f.rule, f.basis])).toContainEqual(['requests.row_total', 'doubtful']);
    expect(onTotal.filter((f) => f.basis === 'printed')).toEqual([]);
  });

  it('leaves the total of such a row blank when the confirmed cells leave more than one token for it', () => {
    const rows = reconcilingRequests();
    const ids = REQUESTS_2021.rows.map((r) => r.id).filter((id) => !['new_received', 'carried_over', 'total_processed', 'carried_forward'].includes(id));
    const r = rowIndex(rows, ids[0]);
    // Two tokens after the last confirmed cell for one total ('/' or '5'): nothing says which.
    rows[r] = [rows[r][0], '1', '', '1', '0', '0', '0', '0', '/', '5'];
    for (const row of rows) while (row.length < 10) row.push('');
    const m = mapTemplates(docWithTables(rows));
    const key = (c: string) => `requests.${ids[0]}.${c}`;
    expect(m.cells[key('total')]).toBeNull();
    expect(m.details[key('total')].doubt).not.toBe('identity-resolved');
    expect(m.details[key('total')].doubt).not.toBeNull();
  });

  it('confirms a moved cell only by identities over rows read one way', () => {
    const rows = reconcilingRequests();
    const t = rowIndex(rows, 'total_processed');
    const n = rowIndex(rows, 'new_received');
    rows[t] = [rows[t][0], '', '21', '21', '0', '0', '0', '0', '42'];
    rows[n] = [rows[n][0], '21', '21', '0', '', '0', '0', '0', '42'];
    for (const r of rows) if (r.length === 8) r.push('');
    const m = mapTemplates(docWithTables(rows));
    expect(m.cells['requests.total_processed.natural_person']).toBe(21);
    // The column sum over the outcome rows confirms it; the balance, with new_received moved too, could not.
    expect(m.details['requests.total_processed.natural_person'].doubt).toBeNull();
    // new_received's cells are in the balance only (with total_processed, itself moved) and its own total:
    // confirmed once total_processed's cells are, by their columns over rows read one way.
    expect(m.cells['requests.new_received.research']).toBe(0);
    expect(m.details['requests.new_received.research'].doubt).toBeNull();
  });

  it('reads a text value in a number cell as an unreadable value in its column, not as part of the label', () => {
    const m = mapTemplates(
      docWithTables([
        ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
        ['规章', '不适用', '1', '23'],
        ['行政规范性文件', '2', '0', '40'],
        ['信息内容', '本年处理决定数量', '~', '~'],
        ['行政许可', '5', '~5', '~5'],
        ['行政处罚', '见附件', '~见附件', '~见附件'],
        ['行政强制', '0', '~0', '~0'],
        ['信息内容', '本年收费金额（单位：万元）', '~', '~'],
        ['行政事业性收费', '1.5', '~1.5', '~1.5'],
      ]),
    );
    expect(m.cells['proactive.rules.issued']).toBeNull();
    expect(m.details['proactive.rules.issued']).toMatchObject({ raw: '不适用', doubt: 'unreadable' });
    expect(m.cells['proactive.rules.repealed']).toBe(1);
    expect(m.cells['proactive.rules.in_force']).toBe(23);
    expect(m.cells['proactive.administrative_penalty.decisions']).toBeNull();
    expect(m.details['proactive.administrative_penalty.decisions'].doubt).toBe('unreadable');
    expect(m.cells['proactive.administrative_enforcement.decisions']).toBe(0);
  });

  it('reads a text value as unreadable in its column when table 二 is printed as one small table per item', () => {
    // The small table's one row of numbers starts with text; its row of printed blanks tells where values begin.
    const m = mapTemplates(
      docWithTables(
        [
          ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
          ['规章', '不适用', '0', '0'],
          ['行政规范性文件', '/', '/', '/'],
        ],
        [['信息内容', '本年处理决定数量'], ['行政许可', '4529']],
        [['信息内容', '本年处理决定数量'], ['行政处罚', '1100'], ['行政强制', '65']],
        [['信息内容', '本年收费金额（单位：万元）'], ['行政事业性收费', '18651.06']],
      ),
    );
    expect(m.details['proactive.rules.issued']).toMatchObject({ raw: '不适用', doubt: 'unreadable' });
    expect(m.cells['proactive.rules.repealed']).toBe(0);
    expect(m.details['proactive.rules.repealed'].doubt).toBeNull();
    expect(m.cells['proactive.rules.in_force']).toBe(0);
    expect(m.details['proactive.rules.in_force'].doubt).toBeNull();
  });

  it('does not read a converter’s placeholder header (数据1 … 总计) as the values of the row before it', () => {
    // Table 三 split into pipe tables per row block: a block of rows printing only 无, then a block
    // that opens with the placeholder header and holds one row of printed blanks.
    const rows = reconcilingRequests();
    const last = rowIndex(rows, 'rejected_confirm_existing');
    const blanks = ['无', '无', '无', '无', '无', '无', '无'];
    for (let r = rowIndex(rows, 'rejected_petition_complaint'); r <= last; r++) rows[r] = [rows[r][0], ...blanks];
    const header = ['项目', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];
    const m = mapTemplates(docWithTables(rows.slice(0, last + 1), [header, ...rows.slice(last + 1)]));
    for (const c of REQUEST_COLUMNS) expect(m.details[`requests.rejected_confirm_existing.${c.id}`]).toMatchObject({ raw: '无', doubt: null });
  });

  it('keeps a row of printed blanks (（六）其他处理 | - - -) apart from the wrapped label after it (（七） / 总计)', () => {
    // The 2019 layout; （七）总计 wrapped over two table rows, the values on the first.
    const rows: string[][] = [['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']];
    for (const r of REQUESTS_2019.rows) {
      if (r.id === 'total_processed') {
        rows.push(['（七）', '42', '0', '0', '0', '0', '0', '42'], ['总计', '', '', '', '', '', '', '']);
      } else if (r.id === 'other_handling') rows.push([r.label, '-', '-', '-', '-', '-', '-', '-']);
      else if (r.id === 'new_received') rows.push([r.label, '42', '0', '0', '0', '0', '0', '42']);
      else if (r.id === 'granted') rows.push([r.label, '42', '0', '0', '0', '0', '0', '42']);
      else rows.push([r.label, '0', '0', '0', '0', '0', '0', '0']);
    }
    const m = mapTemplates(docWithTables(rows));
    expect(REQUEST_COLUMNS.map((c) => m.cells[`requests.total_processed.${c.id}`])).toEqual([42, 0, 0, 0, 0, 0, 42]);
    expect(REQUEST_COLUMNS.map((c) => m.details[`requests.other_handling.${c.id}`].raw)).toEqual(['-', '-', '-', '-', '-', '-', '-']);
    expect(runChecks(recordOf(m)).findings.filter((f) => f.rule !== 'completeness')).toEqual([]);
  });

  it('does not join a row of empty cells (（六）其他处理) with the row after it whose numbering OCR garbled (.七)总计, (tt) St)', () => {
    // The 2019 layout as a 150 dpi photo read it: blanks printed as nothing, the group label read short (办理结果), its
    // cell merged over the rows ('~': a spanned copy), （七） read with a stray mark for its bracket.
    const empty = new Set(['rejected_publication', 'rejected_excessive', 'rejected_confirm_existing', 'other_handling']);
    for (const garbled of ['.七)总计', '七)总计', '|七）总计', '(tt) St']) {
      const rows: string[][] = [['申请人情况', '申请人情况', '~申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']];
      let groupShown = false;
      for (const r of REQUESTS_2019.rows) {
        const head = r.group ? `${groupShown ? '~' : ''}办理结果` : r.own;
        if (r.group) groupShown = true;
        const labels = !r.group ? [r.own, `~${r.own}`, `~${r.own}`] : r.group.startsWith('三') ? [head, r.own, `~${r.own}`] : [head, r.group, r.own];
        if (r.id === 'total_processed') rows.push([labels[0], garbled, `~${garbled}`, '42', '0', '', '', '0', '0', '42']);
        else if (empty.has(r.id)) rows.push([...labels, '', '', '', '', '', '', '']);
        else if (r.id === 'new_received' || r.id === 'granted') rows.push([...labels, '42', '0', '', '', '0', '0', '42']);
        else rows.push([...labels, '0', '0', '', '', '0', '0', '0']);
      }
      const doc = docWithTables(rows);
      for (const block of doc.blocks) if (block.kind === 'table') for (const row of block.rows) for (const cell of row) cell.prov = { page: 1, origin: 'ocr', confidence: 96 };
      const m = mapTemplates(doc);
      // Joined, （六）其他处理.七)总计 took the values as certain, and （七）总计 was not found.
      expect(REQUEST_COLUMNS.map((c) => m.details[`requests.total_processed.${c.id}`].raw), garbled).toEqual(['42', '0', '', '', '0', '0', '42']);
      expect(REQUEST_COLUMNS.map((c) => m.details[`requests.other_handling.${c.id}`].raw), garbled).toEqual(['', '', '', '', '', '', '']);
    }
  });

  it('does not read a padded row that lost a value as printed when its own total cannot be checked and other identities break', () => {
    const rows = reconcilingRequests();
    const t = rowIndex(rows, 'total_processed');
    // 21 | 21 | 0 | 0 | 0 | 0 | 42 printed with 商业企业 as text and one 0 lost, the grid padding the end.
    rows[t] = [rows[t][0], '21', '不适用', '0', '0', '0', '42', ''];
    const m = mapTemplates(docWithTables(rows));
    // As printed, 42 would stand under 其他 with no doubt and the balance and outcome sums would blame the report.
    expect(m.cells['requests.total_processed.other_legal_person'] === 42 && m.details['requests.total_processed.other_legal_person'].doubt === null).toBe(false);
    expect(m.cells['requests.total_processed.total']).toBe(42);
    const printed = runChecks(recordOf(m)).findings.filter((f) => f.rule !== 'completeness' && f.basis === 'printed');
    expect(printed).toEqual([]);
  });

  it('does not read a padded row that lost a value as printed when a published error makes its other readings break as many identities', () => {
    // Shanghai 2019's shape: the outcome rows print their totals blank (the report's error), 其他 holds
    // one request; （七）总计 prints 商业企业 as text and lost its 1 under 其他, the grid padding the end.
    const rows = reconcilingRequests().map((r, i) => (i > 0 && r[7] === '2' ? [...r.slice(0, 7), ''] : r));
    const g = rowIndex(rows, 'granted');
    rows[g] = [rows[g][0], '1', '1', '0', '0', '0', '1', ''];
    for (const id of ['new_received', 'total_processed']) {
      const i = rowIndex(rows, id);
      rows[i] = [rows[i][0], '21', '21', '0', '0', '0', '1', '43'];
    }
    const t = rowIndex(rows, 'total_processed');
    rows[t] = [rows[t][0], '21', '不适用', '0', '0', '0', '43', ''];
    const m = mapTemplates(docWithTables(rows));
    // As printed, 43 stood under 其他 with no doubt, and the balance and outcome sums of 其他 blamed the report:
    // the reading with the lost value under 其他 (a value not known, not a blank) breaks only the published error.
    expect(m.cells['requests.total_processed.other_legal_person']).toBeNull();
    expect(m.cells['requests.total_processed.total']).toBe(43);
    const printed = runChecks(recordOf(m)).findings.filter((f) => f.basis === 'printed' && f.where === 'other_legal_person');
    expect(printed).toEqual([]);
  });

  it('does not count the value a padded row lost beside an unreadable cell as 0 when weighing its readings (report with blank totals)', () => {
    const rows = reconcilingRequests();
    const at = (id: string) => rowIndex(rows, id);
    // 法律服务机构 and 其他 print 1 once each (予以公开), so their sums are 1, 自然人 and 商业企业 21, 总计 44.
    rows[at('granted')] = [rows[at('granted')][0], '1', '1', '0', '0', '1', '1', '4'];
    // Published errors in the 总计 column, as Shanghai 2019 prints them: one outcome total blank, 本年新收's total off by one.
    rows[at('partially_granted')] = [rows[at('partially_granted')][0], '1', '1', '0', '0', '0', '0', ''];
    rows[at('new_received')] = [rows[at('new_received')][0], '21', '21', '0', '0', '1', '1', '45'];
    // （七）总计 21 21 0 0 1 1 44 printed with 法律服务机构 as ＊ and its 其他 lost, the grid padding the end.
    rows[at('total_processed')] = [rows[at('total_processed')][0], '21', '21', '0', '0', '＊', '44', ''];
    const m = mapTemplates(docWithTables(rows));
    // Counted as 0, the lost 1 broke 其他's sum and balance as the 44 read under 其他 does: no reading fitted
    // better, and the row stood as printed, 44 under 其他 with no doubt.
    expect(m.cells['requests.total_processed.other_legal_person']).toBeNull();
    expect([m.cells['requests.total_processed.total'], m.details['requests.total_processed.total'].doubt]).toEqual([44, 'identity-resolved']);
    const printed = runChecks(recordOf(m)).findings.filter((f) => f.basis === 'printed' && f.where === 'other_legal_person');
    expect(printed).toEqual([]);
  });

  it('reads a formula-like text in a requests cell as unreadable, and skips the identities it is in', () => {
    const rows = reconcilingRequests();
    const g = rowIndex(rows, 'granted');
    rows[g] = [rows[g][0], '=1+1', '1', '0', '0', '0', '0', '2'];
    const m = mapTemplates(docWithTables(rows));
    expect(m.cells['requests.granted.natural_person']).toBeNull();
    expect(m.details['requests.granted.natural_person'].doubt).toBe('unreadable');
    expect(m.cells['requests.granted.commercial']).toBe(1);
    const checked = runChecks(recordOf(m));
    expect(checked.findings.filter((f) => f.rule !== 'completeness')).toEqual([]);
  });

  it('reads the appeals row with a stray empty cell by the group totals', () => {
    const m = mapTemplates(
      docWithTables([
        ['行政复议', '~', '~', '~', '~', '行政诉讼'],
        ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '~', '~', '~', '~', '复议后起诉'],
        [...'72 64 178 37 351 13 4 8 1 _ 26 12 1 1 6 20'.split(' ').map((x) => (x === '_' ? '' : x))],
      ]),
    );
    expect(m.cells['appeals.litigation_direct.total']).toBe(26);
    expect(m.cells['appeals.litigation_after_review.total']).toBe(20);
    expect(m.details['appeals.litigation_after_review.total'].doubt).toBe('identity-resolved');
  });

  it('leaves a proactive row with one value too many blank where its readings disagree (no identity decides)', () => {
    const m = mapTemplates(
      docWithTables([
        ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数', ''],
        ['规章', '3', '1', '23', '9'],
        ['行政规范性文件', '2', '0', '40', ''],
        ['行政许可', '5', '', '', ''],
        ['行政处罚', '6', '', '', ''],
        ['行政强制', '0', '', '', ''],
        ['行政事业性收费', '1.5', '', '', ''],
      ]),
    );
    expect(m.cells['proactive.rules.issued']).toBeNull();
    expect(m.details['proactive.rules.issued'].doubt).toBe('ambiguous');
    expect(m.cells['proactive.normative_documents.in_force']).toBe(40);
    expect(m.details['proactive.normative_documents.in_force'].doubt).toBeNull();
  });
});

describe('cells read with a doubt of their own, settled by the identities', () => {
  function ocr(text: string, confidence: number) {
    return { text, prov: { origin: 'ocr' as const, confidence } };
  }

  it('takes the value two identities agree on over a low-confidence OCR reading, and confirms one they agree with', () => {
    const rows = reconcilingRequests();
    const doc = docWithTables(rows);
    const table = doc.blocks[0] as { rows: Array<Array<{ text: string; prov?: unknown }>> };
    const granted = rows.findIndex((r) => r[0] === REQUESTS_2021.rows.find((x) => x.id === 'granted')!.label);
    const dup = rows.findIndex((r) => r[0] === REQUESTS_2021.rows.find((x) => x.id === 'rejected_duplicate')!.label);
    table.rows[granted][1] = ocr('7', 40); // printed 1: row total and column sum both say 1
    table.rows[dup][1] = ocr('1', 40); // printed 1: the identities confirm it
    const m = mapTemplates(doc);
    expect(m.cells['requests.granted.natural_person']).toBe(1);
    expect(m.details['requests.granted.natural_person'].doubt).toBe('identity-resolved');
    expect(m.cells['requests.rejected_duplicate.natural_person']).toBe(1);
    expect(m.details['requests.rejected_duplicate.natural_person']).toMatchObject({ doubt: null, via: 'identity-confirmed' });
  });

  it('keeps a low-confidence reading in doubt when only one identity speaks for another value', () => {
    const m = mapTemplates(
      docWithTables([
        ['行政复议', '~', '~', '~', '~', '行政诉讼'],
        ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '~', '~', '~', '~', '复议后起诉'],
        [...'72 64 178 37 351 13 4 8 1 26 12 1 1 6 20'.split(' ')],
      ]),
    );
    expect(m.details['appeals.review.upheld'].doubt).toBeNull();
    const doc = docWithTables([
      ['行政复议', '~', '~', '~', '~', '行政诉讼'],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '~', '~', '~', '~', '复议后起诉'],
      [...'72 64 178 37 351 13 4 8 1 26 12 1 1 6 20'.split(' ')],
    ]);
    (doc.blocks[0] as { rows: Array<Array<{ text: string; prov?: unknown }>> }).rows[2][0] = ocr('12', 40);
    const low = mapTemplates(doc);
    expect(low.cells['appeals.review.upheld']).toBe(12);
    expect(low.details['appeals.review.upheld'].doubt).toBe('ocr-low-confidence');
  });
});

describe('an identity that fails on cells read by OCR', () => {
  it('puts its OCR cells in doubt, gives back those another identity confirms, and corrects one two identities agree on', () => {
    const rows = reconcilingRequests();
    const doc = docWithTables(rows);
    const table = doc.blocks[0] as { rows: Array<Array<{ text: string; prov?: unknown }>> };
    // Every cell read by OCR with good confidence; the scan turned granted's 总计 2 into 7.
    for (const row of table.rows) row.forEach((c, i) => i > 0 && (c.prov = { origin: 'ocr', confidence: 95 }));
    const granted = rows.findIndex((r) => r[0] === REQUESTS_2021.rows.find((x) => x.id === 'granted')!.label);
    table.rows[granted][7] = { text: '7', prov: { origin: 'ocr', confidence: 95 } };
    const m = mapTemplates(doc);
    // Its row total and its column's outcome sum both require 2.
    expect(m.cells['requests.granted.total']).toBe(2);
    expect(m.details['requests.granted.total'].doubt).toBe('identity-resolved');
    expect(m.details['requests.granted.natural_person']).toMatchObject({ doubt: null, via: 'identity-confirmed' });
    expect(runChecks(recordOf(m)).findings.filter((f) => f.rule !== 'completeness')).toEqual([]);
  });

  it('leaves a finding on OCR cells that no other identity settles on basis doubtful', () => {
    const doc = docWithTables([
      ['行政复议', '~', '~', '~', '~', '行政诉讼'],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '~', '~', '~', '~', '复议后起诉'],
      [...'72 64 178 37 357 13 4 8 1 26 12 1 1 6 20'.split(' ')],
    ]);
    const row = (doc.blocks[0] as { rows: Array<Array<{ text: string; prov?: unknown }>> }).rows[2];
    for (const c of row) c.prov = { origin: 'ocr', confidence: 95 };
    const m = mapTemplates(doc);
    expect(m.cells['appeals.review.total']).toBe(357);
    expect(m.details['appeals.review.total'].doubt).toBe('ocr-identity-conflict');
    const findings = runChecks(recordOf(m)).findings.filter((f) => f.rule === 'appeals.group_total');
    expect(findings.map((f) => [f.where, f.basis])).toEqual([['review', 'doubtful']]);
  });
});

/**
 * A requests table with distinct columns: 20 natural persons and 22 companies, all granted; nothing
 * carried over or forward. Every identity holds.
 */
function distinctRequests(): string[][] {
  const zeros = ['0', '0', '0', '0', '0', '0', '0'];
  const filled = ['20', '22', '0', '0', '0', '0', '42'];
  return [
    ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    ...REQUESTS_2021.rows.map((r) => [r.label, ...(['new_received', 'granted', 'total_processed'].includes(r.id) ? filled : zeros)]),
  ];
}

const rowCells = (m: ReturnType<typeof mapTemplates>, row: string) => REQUEST_COLUMNS.map((c) => m.cells[`requests.${row}.${c.id}`]);
const rowDoubts = (m: ReturnType<typeof mapTemplates>, row: string) => REQUEST_COLUMNS.map((c) => m.details[`requests.${row}.${c.id}`].doubt);

/** A requests table printing the given rows' values (by row id) after their labels, and `rest` in every other row. */
function requestsPrinting(values: Record<string, string[]>, rest: string[], header = ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']): string[][] {
  return [header, ...REQUESTS_2021.rows.map((r) => [r.label, ...(values[r.id] ?? rest)])];
}

describe('a row with an empty cell where its grid padded it, or where it lost a value', () => {
  it('puts back a lost value the grid padded with an empty last cell, by the identities: never one column off', () => {
    const rows = distinctRequests();
    const t = rowIndex(rows, 'total_processed');
    rows[t] = [rows[t][0], '20', '0', '0', '0', '0', '42', '']; // 22 (商业企业) lost, the rest moved left
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'total_processed')).toEqual([20, null, 0, 0, 0, 0, 42]);
    // The lost cell is blank (nothing printed there); the cells the identities moved say so.
    // A value lost is no printed blank: unread (missing-values), so no check counts it as 0.
    expect(rowDoubts(m, 'total_processed')).toEqual([null, 'missing-values', null, null, null, 'identity-resolved', 'identity-resolved']);
    const checked = runChecks(recordOf(m));
    expect(checked.findings.filter((f) => f.basis === 'printed' && f.rule !== 'completeness')).toEqual([]);
  });

  it('puts back a lost value in a row printed one cell short (nothing printed past its end), by the identities', () => {
    const rows = distinctRequests();
    const t = rowIndex(rows, 'total_processed');
    rows[t] = [rows[t][0], '20', '0', '0', '0', '0', '42']; // 22 (商业企业) lost; the row ends early
    const doc = docWithTables(rows);
    const table = doc.blocks[0] as { rows: Array<Array<{ text: string; absent?: boolean }>> };
    table.rows[t][7] = { text: '', absent: true };
    const m = mapTemplates(doc);
    expect(rowCells(m, 'total_processed')).toEqual([20, null, 0, 0, 0, 0, 42]);
    // The lost value is no printed blank: not read, and not counted as 0 by any check.
    expect(m.details['requests.total_processed.commercial'].doubt).toBe('missing-values');
    expect(m.messages.some((x) => x.code === 'missing-values' && x.message.includes('the only reading under which the identities hold'))).toBe(true);
    expect(runChecks(recordOf(m)).findings.filter((f) => f.basis === 'printed' && f.rule !== 'completeness')).toEqual([]);
  });

  it('gives a row of zeros that lost one of them its zeros, in doubt: which zero is missing is unknown, that each cell holds 0 is not', () => {
    const rows = distinctRequests();
    const c = rowIndex(rows, 'carried_over');
    rows[c] = [rows[c][0], '0', '0', '0', '0', '0', '0'];
    const doc = docWithTables(rows);
    (doc.blocks[0] as { rows: Array<Array<{ text: string; absent?: boolean }>> }).rows[c][7] = { text: '', absent: true };
    const m = mapTemplates(doc);
    expect(rowCells(m, 'carried_over')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(rowDoubts(m, 'carried_over')).toEqual(new Array(7).fill('identity-resolved'));
    expect(runChecks(recordOf(m)).findings.filter((f) => f.rule !== 'completeness')).toEqual([]);
  });

  it('puts back a lost value when a stray empty cell took its place count (as many cells as columns)', () => {
    const rows = distinctRequests();
    const t = rowIndex(rows, 'total_processed');
    rows[t] = [rows[t][0], '20', '', '22', '0', '0', '0', '0']; // a stray empty cell, and 总计 lost
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'total_processed')).toEqual([20, 22, 0, 0, 0, 0, null]);
    expect(m.details['requests.total_processed.total'].doubt).toBe('missing-values');
    expect(runChecks(recordOf(m)).findings.filter((f) => f.basis === 'printed' && f.rule !== 'completeness')).toEqual([]);
  });

  it('puts back the lost values of two rows that each lost one, tried together: each alone leaves the column sums open to the other', () => {
    const rows = distinctRequests();
    const granted = rowIndex(rows, 'granted');
    const processed = rowIndex(rows, 'total_processed');
    // Both rows lost 自然人 (20), the rest moved left and the grid padded each with an empty last cell.
    rows[granted] = [rows[granted][0], '22', '0', '0', '0', '0', '42', ''];
    rows[processed] = [rows[processed][0], '22', '0', '0', '0', '0', '42', ''];
    const m = mapTemplates(docWithTables(rows));
    for (const row of ['granted', 'total_processed']) {
      expect(rowCells(m, row)).toEqual([null, 22, 0, 0, 0, 0, 42]);
      expect(rowDoubts(m, row)[0]).toBe('missing-values');
    }
    expect(m.messages.filter((x) => x.code === 'empty-end-cell' && x.message.includes('the only reading under which the identities hold'))).toHaveLength(2);
    // Nothing is failed on the lost values: the checks through them are skipped.
    expect(runChecks(recordOf(m)).findings.filter((f) => f.rule !== 'completeness')).toEqual([]);
  });

  it('settles a row that lost a value beside a row of zeros that lost one of them: which zero is unknown, where the value goes is not', () => {
    const zeros = ['0', '0', '0', '0', '0', '0', '0'];
    const rows = requestsPrinting(
      {
        new_received: ['25', '29', '0', '0', '0', '0', '54'],
        total_processed: ['25', '29', '0', '0', '0', '0', '54'],
        granted: ['20', '22', '0', '0', '0', '0', ''], // one zero lost: 20 22 0 0 0 0 42 printed as 20 22 0 0 0 42 ∅
        partially_granted: ['5', '0', '0', '0', '0', '12', ''], // 7 (商业企业) lost
      },
      zeros,
    );
    rows[rowIndex(rows, 'granted')].splice(6, 1, '42');
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'partially_granted')).toEqual([5, null, 0, 0, 0, 0, 12]);
    expect(rowDoubts(m, 'partially_granted')[1]).toBe('missing-values');
    // Which zero of 已予以公开 was lost is unknown; that each holds 0 is not, and its counts stand where printed.
    expect(rowCells(m, 'granted')).toEqual([20, 22, 0, 0, 0, 0, 42]);
    expect(rowDoubts(m, 'granted').slice(0, 2)).toEqual([null, null]);
    expect(runChecks(recordOf(m)).findings.filter((f) => f.basis === 'printed' && f.rule !== 'completeness')).toEqual([]);
  });

  it('doubts an empty last cell after a row of printed values (a padded grid, or a lost total): findings on it are doubtful', () => {
    const rows = distinctRequests();
    const t = rowIndex(rows, 'total_processed');
    rows[t] = [rows[t][0], '20', '22', '0', '0', '0', '0', '']; // 总计 lost
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'total_processed')).toEqual([20, 22, 0, 0, 0, 0, null]);
    expect(m.details['requests.total_processed.total']).toEqual({ raw: '', doubt: 'lone-empty-cell' });
    const findings = runChecks(recordOf(m)).findings.filter((f) => f.cells.includes('requests.total_processed.total'));
    expect(findings.map((f) => [f.rule, f.where, f.basis]).sort()).toEqual([
      ['completeness', 'requests', 'doubtful'],
      ['requests.balance', 'total', 'doubtful'],
      ['requests.outcome_sum', 'total', 'doubtful'],
      ['requests.row_total', 'total_processed', 'doubtful'],
    ]);
  });

  it('never reads a proactive row whose grid may have padded a lost value shifted: no identity says where, so its cells are in doubt', () => {
    const m = mapTemplates(
      docWithTables([
        ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
        ['规章', '3', '23', ''], // printed 3 | 1 | 23, the 1 lost: 23 moved under 本年废止件数
        ['行政规范性文件', '2', '0', '40'],
        ['行政许可', '5'],
        ['行政处罚', '6'],
        ['行政强制', '0'],
        ['行政事业性收费', '1.5'],
      ]),
    );
    expect(['issued', 'repealed', 'in_force'].map((c) => [m.cells[`proactive.rules.${c}`], m.details[`proactive.rules.${c}`].doubt])).toEqual([
      [null, 'ambiguous'],
      [null, 'ambiguous'],
      [null, 'ambiguous'],
    ]);
    expect(m.messages.some((x) => x.code === 'empty-end-cell' && x.message.startsWith('proactive.rules:') && x.message.includes('no identity decides'))).toBe(true);
    expect(m.details['proactive.normative_documents.in_force'].doubt).toBeNull();
    expect(runChecks(recordOf(m)).findings.map((f) => [f.rule, f.basis])).toEqual([['completeness', 'doubtful']]);
  });

  it('puts back a lost value in a report that prints blanks and breaks another identity itself (the fewest failures win)', () => {
    const blanks = ['', '', '', '', '', '', ''];
    const rows = [
      ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      ...REQUESTS_2021.rows.map((r) => {
        if (r.id === 'new_received') return [r.label, '20', '22', '', '', '', '', '42'];
        if (r.id === 'granted') return [r.label, '20', '22', '', '', '', '', '']; // its total left blank: published errors
        if (r.id === 'total_processed') return [r.label, '20', '', '', '', '', '42', '']; // 22 lost, the row padded
        return [r.label, ...blanks];
      }),
    ];
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'total_processed')).toEqual([20, null, null, null, null, null, 42]);
    // 商业企业 printed nothing (the lost 22): blank in doubt, never a printed blank.
    expect(rowDoubts(m, 'total_processed')).toEqual([null, 'missing-values', null, null, null, 'identity-resolved', 'identity-resolved']);
    // The report's own errors are still found; the one on the moved total on basis doubtful.
    const found = runChecks(recordOf(m)).findings.filter((f) => f.rule !== 'completeness');
    expect(found.map((f) => [f.rule, f.where, f.basis])).toEqual([
      ['requests.outcome_sum', 'total', 'doubtful'],
      ['requests.row_total', 'granted', 'printed'],
    ]);
  });

  it('keeps blanks a report prints among others as printed: its blank totals are its own errors, on basis printed', () => {
    const rows = distinctRequests();
    const g = rowIndex(rows, 'granted');
    rows[g] = [rows[g][0], '20', '22', '', '', '0', '0', '']; // the report prints blanks, 总计 among them
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'granted')).toEqual([20, 22, null, null, 0, 0, null]);
    expect(rowDoubts(m, 'granted')).toEqual([null, null, null, null, null, null, null]);
    const rowTotal = runChecks(recordOf(m)).findings.find((f) => f.rule === 'requests.row_total' && f.where === 'granted');
    expect(rowTotal).toMatchObject({ basis: 'printed', expected: 42, actual: 0 });
  });

  it('keeps an empty 总计 printed when its column holds with it and not with the row\'s total in its place', () => {
    const rows = requestsPrinting(
      {
        new_received: ['21', '22', '', '', '', '', '43'],
        total_processed: ['21', '22', '', '', '', '', '42'],
        granted: ['20', '22', '', '', '', '', '42'],
        denied_internal_affairs: ['1', '', '', '', '', '', ''],
      },
      ['', '', '', '', '', '', ''],
    );
    const m = mapTemplates(docWithTables(rows));
    expect(rowDoubts(m, 'denied_internal_affairs')).toEqual(new Array(7).fill(null));
    const rowTotal = runChecks(recordOf(m)).findings.find((f) => f.rule === 'requests.row_total' && f.where === 'denied_internal_affairs');
    expect(rowTotal).toMatchObject({ basis: 'printed', expected: 1, actual: 0 });
  });

  it('tells apart the places a lost value may have stood among blank markers (a padded row: 20 22 无 无 1 45 ∅, 2 lost before the 1)', () => {
    const whole = ['20', '22', '无', '无', '2', '1', '45'];
    const rows = requestsPrinting({ new_received: whole, granted: whole, total_processed: ['20', '22', '无', '无', '1', '45', ''] }, new Array(7).fill('无'));
    const m = mapTemplates(docWithTables(rows));
    // The 2 lost under 科研机构, 社会公益组织 or 法律服务机构 reads alike with blanks as 0; only under
    // 法律服务机构 do the columns hold.
    expect(rowCells(m, 'total_processed')).toEqual([20, 22, null, null, null, 1, 45]);
    expect(rowDoubts(m, 'total_processed')).toEqual([null, null, null, null, 'missing-values', 'identity-resolved', 'identity-resolved']);
    expect(runChecks(recordOf(m)).findings.filter((f) => f.basis === 'printed' && f.rule !== 'completeness')).toEqual([]);
  });

  it('reads a row of a grid one column wider than the template as printed when the columns refute moving its values (5 ∅ ∅ ∅ ∅ ∅ ∅ | ∅)', () => {
    // Table 三 pieced together from a table split over pages (LibreOffice joins them into one grid a column
    // wider): reading the row without one of its empty cells, a value lost before the 5, would move the 5
    // under 商业企业, and the columns' sums say it stands under 自然人.
    const total = ['20', '22', '', '', '', '', '42'];
    const rows = requestsPrinting(
      { new_received: total, total_processed: total, granted: ['15', '22', '', '', '', '', ''], denied_internal_affairs: ['5', '', '', '', '', '', '', ''] },
      [],
      ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计', ''],
    );
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'denied_internal_affairs')).toEqual([5, null, null, null, null, null, null]);
    expect(rowDoubts(m, 'denied_internal_affairs')).toEqual(new Array(7).fill(null));
    const rowTotal = runChecks(recordOf(m)).findings.find((f) => f.rule === 'requests.row_total' && f.where === 'denied_internal_affairs');
    expect(rowTotal).toMatchObject({ basis: 'printed', expected: 5, actual: 0 });
  });

  it('keeps a number where the grid\'s other rows print that column when no identity can check leaving it out (5 无 … 无 | ∅, a row lost)', () => {
    // A report that prints its 总计 blank (a published error, every outcome row) in a grid a column wider,
    // with a row of the table not found: 自然人's column sum cannot be checked. Leaving out the 5 (a row
    // number?) keeps the row's own total only by taking the grid's empty last cell as its 总计; the 5 stands
    // in the grid column where every other row prints its 自然人, and no identity says otherwise.
    const total = ['20', '22', '无', '无', '无', '无', '42'];
    const rows = requestsPrinting(
      { new_received: total, total_processed: total, granted: ['15', '22', '无', '无', '无', '无', '无'], denied_internal_affairs: ['5', '无', '无', '无', '无', '无', '无', ''] },
      new Array(7).fill('无'),
      ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计', ''],
    ).filter((r) => r[0] !== REQUESTS_2021.rows.find((x) => x.id === 'denied_state_secret')!.label);
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'denied_internal_affairs')).toEqual([5, null, null, null, null, null, null]);
    expect(rowDoubts(m, 'denied_internal_affairs')).toEqual(new Array(7).fill(null));
    const rowTotal = runChecks(recordOf(m)).findings.find((f) => f.rule === 'requests.row_total' && f.where === 'denied_internal_affairs');
    expect(rowTotal).toMatchObject({ basis: 'printed', expected: 5, actual: 0 });
  });

  it('leaves out a stray empty cell rather than a printed number when that breaks no more identities (a report that prints its 总计 blank)', () => {
    // 25 | ∅ | 无 …: without the 25 the row keeps its own total (无 = 0) and breaks 自然人's column; without
    // the ∅ it breaks its own total, as every row of this report does, and the column holds.
    const total = ['45', '22', '无', '无', '无', '无', '67'];
    const rows = requestsPrinting(
      { new_received: total, total_processed: total, granted: ['20', '22', '无', '无', '无', '无', '无'], unavailable_still_unclear: ['25', '', '无', '无', '无', '无', '无', '无'] },
      new Array(7).fill('无'),
    );
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'unavailable_still_unclear')).toEqual([25, null, null, null, null, null, null]);
    expect(rowDoubts(m, 'unavailable_still_unclear')).toEqual(new Array(7).fill(null));
    const rowTotal = runChecks(recordOf(m)).findings.find((f) => f.rule === 'requests.row_total' && f.where === 'unavailable_still_unclear');
    expect(rowTotal).toMatchObject({ basis: 'printed', expected: 25, actual: 0 });
  });

  it('reads two rows with a stray empty cell among printed blanks (/ … ∅ …) by the identities, one confirming the other', () => {
    // （七）总计 is confirmed by 新收 + 结转 = 办结 + 结转下年 over rows read one way, and then confirms the
    // 25 of its column; the row of 25 breaks its own total, as every row of this report does.
    const rows = requestsPrinting(
      {
        new_received: ['45', '22', '/', '/', '2', '1', '70'],
        granted: ['20', '22', '/', '/', '2', '1', '/'],
        unavailable_needs_creation: ['25', '/', '/', '', '/', '/', '/', '/'],
        total_processed: ['45', '22', '/', '', '/', '2', '1', '70'],
      },
      new Array(7).fill('/'),
    );
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'total_processed')).toEqual([45, 22, null, null, 2, 1, 70]);
    expect(rowCells(m, 'unavailable_needs_creation')).toEqual([25, null, null, null, null, null, null]);
    expect([...rowDoubts(m, 'total_processed'), ...rowDoubts(m, 'unavailable_needs_creation')]).toEqual(new Array(14).fill(null));
    const found = runChecks(recordOf(m)).findings.filter((f) => f.rule !== 'completeness');
    expect(found.map((f) => [f.rule, f.where, f.basis])).toEqual([
      ['requests.outcome_sum', 'total', 'printed'],
      ['requests.row_total', 'granted', 'printed'],
      ['requests.row_total', 'unavailable_needs_creation', 'printed'],
    ]);
  });

  it('does not read the last value of a row short of one over two columns when the grid cell past it is merged down from the header (a PDF row that drew no cell there)', () => {
    const rows = distinctRequests();
    const t = rowIndex(rows, 'total_processed');
    rows[t] = [rows[t][0], '20', '22', '0', '0', '0', '42', '~总计']; // one 0 lost; the header's 总计 reaches down into the empty place
    const m = mapTemplates(docWithTables(rows));
    expect(rowCells(m, 'total_processed')[6]).toBe(42);
    expect(m.cells['requests.total_processed.other_legal_person']).not.toBe(42);
    expect(runChecks(recordOf(m)).findings.filter((f) => f.basis === 'printed' && f.rule !== 'completeness')).toEqual([]);
  });

  it('does not take an empty cell merged over the last columns of table 四 for where its lost values were (LibreOffice pads a short row so)', () => {
    const m = mapTemplates(
      docWithTables([
        ['行政复议', '~', '~', '~', '~', '行政诉讼'],
        ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '~', '~', '~', '~', '复议后起诉'],
        // 1 1 · 0 2 | 4 0 0 1 · | 1 0 1 0 2 printed without its two lost values, the grid padded at the end
        [...'1 1 0 2 4 0 0 1 1 0 1 0 2'.split(' '), '', '~'],
      ]),
    );
    // Read as printed, 1 + 1 + 0 + 2 = 4 held by chance and the row came out shifted with no doubt.
    expect(m.cells['appeals.review.total']).toBeNull();
    expect(m.details['appeals.review.total'].doubt).toBe('ambiguous');
    expect(m.cells['appeals.litigation_after_review.pending']).toBeNull();
  });
});

describe('a label put together from the lines of two rows of two groups', () => {
  it('holds another group\'s numbering than the row it matched: its values may be the other row\'s, none certain', () => {
    // Layout text of a table cut by a page break inside 5.要求行政机关确认…: the reader gave that item's rest,
    // with its values (0 …), the group label's pieces and the start of （六）'s first item as one label; the
    // first item's own values (1 1 … 2) came on a line of their own.
    const rows = reconcilingRequests();
    const confirm = rowIndex(rows, 'rejected_confirm_existing');
    rows[confirm] = ['（五）不予处理 5.要求行政机关确认', '', '', '', '', '', '', ''];
    const first = rowIndex(rows, 'other_no_correction');
    rows.splice(first, 1, ['（五）不予或重新出具已获取信息处理 1.申请人无正当理由逾期不补正、行政机关不再处理其', '0', '0', '0', '0', '0', '0', '0'], ['1', '1', '0', '0', '0', '0', '2']);
    const m = mapTemplates(docWithTables(rows));
    expect(rowDoubts(m, 'other_no_correction')).toEqual(REQUEST_COLUMNS.map(() => 'wrapped-label'));
    expect(m.messages.find((x) => x.code === 'merged-label')?.message).toContain("another group's numbering (（五）)");
    const printed = runChecks(recordOf(m)).findings.filter((f) => f.basis === 'printed' && f.rule !== 'completeness');
    expect(printed).toEqual([]);
  });
});

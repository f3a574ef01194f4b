import { readFileSync } from 'node:fs';
import { mapGluedTable } from '../../../src/templates/glued-mapping.js';
import { describe, expect, test } from 'vitest';
import { HANG_GUARD_MS } from '../../hang-guard.js';
import { recoverGluedTables, type GluedResult, type GluedTable } from '../../../src/templates/glued.js';
import { APPEALS_2021, PROACTIVE_2021, REQUESTS_2019, REQUESTS_2021, type TableLayout } from '../../../src/templates/ids.js';

const CORPUS = '../shared/corpus/variety/';

function truthOf(id: string): { cells: Record<string, number | null> } {
  return JSON.parse(readFileSync(`${CORPUS}${id}.truth.json`, 'utf8'));
}

const LAYOUTS: Record<string, TableLayout> = {
  'proactive/2021': PROACTIVE_2021,
  'requests/2021': REQUESTS_2021,
  'requests/2019': REQUESTS_2019,
  'appeals/2021': APPEALS_2021,
};

/** Recovered values keyed `table.row.column`, as the truth files key them. */
function recoveredCells(result: GluedResult): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const table of result.tables) {
    const layout = LAYOUTS[`${table.table}/${table.layout}`];
    for (const row of table.rows) {
      const def = layout.rows.find((r) => r.id === row.rowId)!;
      if (row.status !== 'recovered') continue;
      def.columns.forEach((c, i) => (cells[`${table.table}.${row.rowId}.${c.id}`] = row.values[i]!));
    }
  }
  return cells;
}

function table(result: GluedResult, name: GluedTable['table']): GluedTable {
  const found = result.tables.find((t) => t.table === name);
  if (!found) throw new Error(`no ${name} table in ${JSON.stringify(result.messages)}`);
  return found;
}

function row(result: GluedResult, name: GluedTable['table'], rowId: string) {
  return table(result, name).rows.find((r) => r.rowId === rowId)!;
}

/** A requests table glued the way the crawler glues it: group heading, own label, digits, next label. */
function glueRequests(layout: TableLayout, values: Record<string, number[]>): string {
  let text = '三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他';
  let group: string | undefined;
  for (const r of layout.rows) {
    if (r.group && r.group !== group) text += r.group;
    group = r.group;
    text += r.own + (values[r.id] ?? [0, 0, 0, 0, 0, 0, 0]).join('');
  }
  return text + '四、政府信息公开行政复议、行政诉讼情况';
}

describe.each(['pingtan-2023-glued', 'pingtan-2024-glued'])('the crawler text %s', (id) => {
  const result = recoverGluedTables(readFileSync(`${CORPUS}${id}.txt`, 'utf8'));
  const truth = truthOf(id);

  test('every truth cell is recovered exactly', () => {
    const cells = recoveredCells(result);
    const expected = Object.fromEntries(Object.entries(truth.cells).map(([k]) => [k, cells[k]]));
    expect(expected).toEqual(truth.cells);
    expect(Object.keys(truth.cells).length).toBeGreaterThan(190);
  });

  test('nothing outside the truth is claimed: the omitted 行政规范性文件 row is reported ambiguous with all its readings', () => {
    const cells = recoveredCells(result);
    expect(Object.keys(cells).filter((k) => !(k in truth.cells))).toEqual([]);
    const normative = row(result, 'proactive', 'normative_documents');
    expect(normative.status).toBe('ambiguous');
    expect(normative.values).toEqual([null, null, null]);
    // 8 digits into 3 numbers without leading zeros: 21 cuts; 7 digits: 15.
    expect(normative.readings!.length).toBe(normative.raw.length === 8 ? 21 : 15);
    for (const reading of normative.readings!) expect(reading.join('')).toBe(normative.raw);
    expect(result.messages.map((m) => m.code)).toEqual(['glued-row-ambiguous']);
  });

  test('all three tables are found in the 2021 layout', () => {
    expect(result.tables.map((t) => `${t.table}/${t.layout}`)).toEqual(['proactive/2021', 'requests/2021', 'appeals/2021']);
    expect(table(result, 'requests').rows).toHaveLength(25);
  });
});

describe('recoverGluedTables on hand-made glued tables', () => {
  test('table 四\'s header over no run of its own: the run is never taken from the text after a later section\'s heading (2019 of 2019年度…)', () => {
    const text =
      '四、政府信息公开行政复议、行政诉讼情况\n行政诉讼 复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计\n五、存在的主要问题及改进情况\n' +
      '政务公开工作仍存在信息发布不够及时等问题。\n六、其他需要报告的事项\n2019年度未收取信息处理费。\n';
    const result = recoverGluedTables(text);
    expect(result.tables.find((t) => t.table === 'appeals')).toBeUndefined();
    // Guard: the header's own run, right after it, is still read.
    const own = recoverGluedTables('四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n527819\n五、存在的主要问题及改进情况\n');
    expect(own.tables.find((t) => t.table === 'appeals')?.rows[0].raw).toBe('527819');
  });

  test('the next label’s own numbering digit is not taken as a value: 1.属于国家秘密00000002.其他… gives 0000000', () => {
    const result = recoverGluedTables(glueRequests(REQUESTS_2021, {}));
    expect(row(result, 'requests', 'denied_state_secret').raw).toBe('0000000');
    expect(table(result, 'requests').rows.every((r) => r.status === 'recovered')).toBe(true);
  });

  test('a row whose readings the column identities cannot tell apart is ambiguous, with both readings and only the values they agree on', () => {
    // 予以公开 and 部分公开 both read 22,0 or 2,20: the two pairs (22,0)+(2,20) and (2,20)+(22,0) give the same column sums.
    const result = recoverGluedTables(
      glueRequests(REQUESTS_2021, {
        new_received: [24, 20, 0, 0, 0, 0, 44],
        granted: [22, 0, 0, 0, 0, 0, 22],
        partially_granted: [2, 20, 0, 0, 0, 0, 22],
        total_processed: [24, 20, 0, 0, 0, 0, 44],
      }),
    );
    for (const id of ['granted', 'partially_granted']) {
      const r = row(result, 'requests', id);
      expect(r.status).toBe('ambiguous');
      // Both readings give 0 to the four other applicants and 22 to the total: those are read.
      expect(r.values).toEqual([null, null, 0, 0, 0, 0, 22]);
      expect(r.readings).toEqual([
        [2, 20, 0, 0, 0, 0, 22],
        [22, 0, 0, 0, 0, 0, 22],
      ]);
    }
    // As cells: the agreed ones read as a glued split, the others blank and ambiguous.
    const mapped = mapGluedTable('requests', result);
    expect(mapped.cells['requests.granted.total']).toBe(22);
    expect(mapped.details['requests.granted.total'].doubt).toBe('glued-split');
    expect(mapped.cells['requests.granted.natural_person']).toBeNull();
    expect(mapped.details['requests.granted.natural_person'].doubt).toBe('glued-ambiguous');
    // The totals are pinned by the identities even though '2420000044' alone also reads 2,42,…
    expect(row(result, 'requests', 'total_processed').values).toEqual([24, 20, 0, 0, 0, 0, 44]);
    expect(row(result, 'requests', 'new_received').values).toEqual([24, 20, 0, 0, 0, 0, 44]);
  });

  test('a row whose 总计 cannot be the sum of its columns is read by the one cut its digits allow (the check reports it), and the others are split by their own totals', () => {
    const result = recoverGluedTables(
      glueRequests(REQUESTS_2021, { new_received: [1, 0, 0, 0, 0, 0, 2], granted: [1, 0, 0, 0, 0, 0, 1], total_processed: [1, 0, 0, 0, 0, 0, 1] }),
    );
    const bad = row(result, 'requests', 'new_received');
    expect(bad).toEqual({ rowId: 'new_received', raw: '1000002', status: 'recovered', values: [1, 0, 0, 0, 0, 0, 2], unreconciled: true });
    expect(row(result, 'requests', 'granted').values).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(result.messages.map((m) => m.code)).toEqual(expect.arrayContaining(['glued-identities-skipped', 'glued-row-impossible']));
  });

  test('a table that cannot reconcile under any reading is reported, and its rows keep only what their own totals prove', () => {
    const result = recoverGluedTables(
      glueRequests(REQUESTS_2021, { new_received: [3, 0, 0, 0, 0, 0, 3], granted: [1, 0, 0, 0, 0, 0, 1], total_processed: [3, 0, 0, 0, 0, 0, 3] }),
    );
    expect(result.messages.map((m) => m.code)).toContain('glued-identities-fail');
    expect(row(result, 'requests', 'total_processed').values).toEqual([3, 0, 0, 0, 0, 0, 3]);
  });

  test('a table whose blanks were printed as nothing (every row with a count as 55 for 5 · · · · · 5, rows printing no value) is found and left blank', () => {
    // Its rows of zeros print 0000000: pre-filled zeros nobody typed over say nothing of the typed rows.
    const text = glueRequests(REQUESTS_2021, { new_received: [5, 0, 0, 0, 0, 0, 5], granted: [5, 0, 0, 0, 0, 0, 5], total_processed: [5, 0, 0, 0, 0, 0, 5] })
      .replace('申请数量5000005', '申请数量55')
      .replace('（一）予以公开5000005', '（一）予以公开55')
      .replace('（七）总计5000005', '（七）总计55')
      .replace(/(（二）部分公开[^0-9]*)0000000/, '$1');
    expect(text).toContain('不计其他情形）（三）不予公开');
    const result = recoverGluedTables(text);
    const requests = table(result, 'requests');
    expect(requests.rows.every((r) => r.blanksVanished && r.values.every((v) => v === null))).toBe(true);
    expect(row(result, 'requests', 'new_received').raw).toBe('55');
    expect(mapGluedTable('requests', result).details['requests.new_received.total'].doubt).toBe('missing-values');
  });

  describe('a short row in a table that prints its blanks lost values: read only where every placement of the lost values keeping the identities agrees', () => {
    const values = { new_received: [71, 0, 0, 0, 0, 0, 71], granted: [40, 0, 0, 0, 0, 0, 40], unavailable_not_held: [31, 0, 0, 0, 0, 0, 31], total_processed: [71, 0, 0, 0, 0, 0, 71] };

    test('a row of zeros that lost one (000000 for seven cells) beside rows printing 0 next to their counts: every placement gives every cell 0', () => {
      const text = glueRequests(REQUESTS_2021, values).replace('仍不明确0000000', '仍不明确000000');
      const result = recoverGluedTables(text);
      expect(row(result, 'requests', 'unavailable_still_unclear')).toMatchObject({ raw: '000000', valuesLost: true, values: [0, 0, 0, 0, 0, 0, 0] });
      expect(table(result, 'requests').rows.some((r) => r.blanksVanished)).toBe(false);
      for (const id of ['new_received', 'granted', 'unavailable_not_held', 'total_processed']) {
        expect(row(result, 'requests', id)).toMatchObject({ status: 'recovered', values: values[id as keyof typeof values] });
      }
      const mapped = mapGluedTable('requests', result);
      expect(mapped.cells['requests.unavailable_still_unclear.natural_person']).toBe(0);
      expect(mapped.details['requests.unavailable_still_unclear.natural_person'].doubt).toBe('identity-resolved');
      expect(mapped.messages.map((m) => m.code)).toContain('missing-values');
    });

    test('the Pingtan 2024 crawler text with 3.补正后申请内容仍不明确 short of a 0: that row read 0 in doubt, every other cell as before', () => {
      const text = readFileSync(`${CORPUS}pingtan-2024-glued.txt`, 'utf8');
      expect(text).toContain('仍不明确0000000');
      const whole = recoverGluedTables(text);
      const result = recoverGluedTables(text.replace('仍不明确0000000', '仍不明确000000'));
      expect(row(result, 'requests', 'unavailable_still_unclear')).toMatchObject({ raw: '000000', valuesLost: true, values: [0, 0, 0, 0, 0, 0, 0] });
      const mapped = mapGluedTable('requests', result);
      const before = mapGluedTable('requests', whole);
      for (const key of Object.keys(before.cells)) {
        expect(mapped.cells[key]).toBe(before.cells[key]);
        if (!key.startsWith('requests.unavailable_still_unclear.')) expect(mapped.details[key].doubt).toBe(before.details[key].doubt);
        else expect(mapped.details[key].doubt).toBe('identity-resolved');
      }
    });

    test('the lost value may be a count: 000003 for 0 0 0 0 0 3 3 is read so when only the columns where the 3 may stand keep the identities', () => {
      const counts = { ...values, total_processed: [71, 0, 0, 0, 0, 3, 74], new_received: [71, 0, 0, 0, 0, 3, 74], unavailable_still_unclear: [0, 0, 0, 0, 0, 3, 3] };
      const text = glueRequests(REQUESTS_2021, counts).replace('仍不明确0000033', '仍不明确000003');
      const result = recoverGluedTables(text);
      // Lost as 总计 (3, the sum) or as 其他 (3, what 总计 leaves): either way 0 0 0 0 0 3 3; 3 under 自然人 breaks its column.
      expect(row(result, 'requests', 'unavailable_still_unclear')).toMatchObject({ raw: '000003', valuesLost: true, values: [0, 0, 0, 0, 0, 3, 3] });
      expect(mapGluedTable('requests', result).details['requests.unavailable_still_unclear.total'].doubt).toBe('identity-resolved');
    });

    test('placements the identities cannot tell apart leave the cells they disagree on blank', () => {
      // Two rows short of a value share the columns' remainders (3 under 自然人 and 3 under 其他): which has which is not known.
      const counts = { ...values, total_processed: [74, 0, 0, 0, 0, 3, 77], new_received: [74, 0, 0, 0, 0, 3, 77], unavailable_still_unclear: [3, 0, 0, 0, 0, 0, 3], rejected_duplicate: [0, 0, 0, 0, 0, 3, 3] };
      const text = glueRequests(REQUESTS_2021, counts).replace('仍不明确3000003', '仍不明确000003').replace('重复申请0000033', '重复申请000003');
      const result = recoverGluedTables(text);
      for (const id of ['unavailable_still_unclear', 'rejected_duplicate']) {
        const lost = row(result, 'requests', id);
        expect(lost.valuesLost).toBe(true);
        expect(lost.values).toEqual([null, 0, 0, 0, 0, null, 3]);
      }
      expect(mapGluedTable('requests', result).details['requests.rejected_duplicate.natural_person'].doubt).toBe('missing-values');
    });

    test('a row printing nothing, and a row with a count that lost a digit (3131 for 31 0 0 0 0 0 31)', () => {
      const text = glueRequests(REQUESTS_2021, values).replace('不掌握相关政府信息310000031', '不掌握相关政府信息3131').replace('仍不明确0000000', '仍不明确');
      const result = recoverGluedTables(text);
      // 3 1 3 1 anywhere but under 自然人 and 总计 breaks a column of zeros: 31 and 31 there, the lost cells 0 by its total.
      expect(row(result, 'requests', 'unavailable_not_held')).toMatchObject({ raw: '3131', valuesLost: true, values: [31, 0, 0, 0, 0, 0, 31] });
      // A row printing nothing: no cell of it is known, whatever the columns leave for it.
      expect(row(result, 'requests', 'unavailable_still_unclear')).toMatchObject({ raw: '', valuesLost: true, values: [null, null, null, null, null, null, null] });
      expect(row(result, 'requests', 'granted')).toMatchObject({ status: 'recovered', values: [40, 0, 0, 0, 0, 0, 40] });
    });

    test('the identities are bounded by the lost row: known outcomes above the total still fail', () => {
      const text = glueRequests(REQUESTS_2021, { ...values, granted: [90, 0, 0, 0, 0, 0, 90] }).replace('仍不明确0000000', '仍不明确000000');
      const result = recoverGluedTables(text);
      expect(result.messages.map((m) => m.code)).toContain('glued-identities-fail');
      expect(row(result, 'requests', 'unavailable_still_unclear').valuesLost).toBe(true);
    });

    test('a short row beside blank markers (the table prints its blanks as -)', () => {
      const text = glueRequests(REQUESTS_2021, { new_received: [5, 0, 0, 0, 0, 0, 5], granted: [5, 0, 0, 0, 0, 0, 5], total_processed: [5, 0, 0, 0, 0, 0, 5] })
        .replace('申请数量5000005', '申请数量5-----5')
        .replace('（一）予以公开5000005', '（一）予以公开5-----5')
        .replace('（七）总计5000005', '（七）总计55');
      const result = recoverGluedTables(text);
      expect(row(result, 'requests', 'total_processed')).toMatchObject({ raw: '55', valuesLost: true });
      expect(row(result, 'requests', 'granted')).toMatchObject({ status: 'recovered', values: [5, null, null, null, null, null, 5] });
    });
  });

  test('a row printing one dash for all its cells is not a table whose blanks vanished: the other rows are read', () => {
    const text = glueRequests(REQUESTS_2021, { new_received: [5, 0, 0, 0, 0, 0, 5], granted: [5, 0, 0, 0, 0, 0, 5], total_processed: [5, 0, 0, 0, 0, 0, 5] }).replace(
      /(（二）部分公开[^0-9]*)0000000/,
      '$1—',
    );
    expect(text).toContain('不计其他情形）—（三）不予公开');
    const result = recoverGluedTables(text);
    expect(table(result, 'requests').rows.some((r) => r.blanksVanished)).toBe(false);
    expect(row(result, 'requests', 'granted').values).toEqual([5, 0, 0, 0, 0, 0, 5]);
  });

  test('the 2019 layout, with one （六）其他处理 row, is recognised and solved', () => {
    const result = recoverGluedTables(
      glueRequests(REQUESTS_2019, {
        new_received: [5, 0, 0, 0, 0, 0, 5],
        granted: [3, 0, 0, 0, 0, 0, 3],
        other_handling: [2, 0, 0, 0, 0, 0, 2],
        total_processed: [5, 0, 0, 0, 0, 0, 5],
      }),
    );
    const requests = table(result, 'requests');
    expect(requests.layout).toBe('2019');
    expect(requests.rows.map((r) => r.rowId)).toContain('other_handling');
    expect(requests.rows).toHaveLength(23);
    expect(row(result, 'requests', 'other_handling').values).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(requests.rows.every((r) => r.status === 'recovered')).toBe(true);
  });

  test('a multi-digit value in the 商业企业 column is recovered', () => {
    const result = recoverGluedTables(
      glueRequests(REQUESTS_2021, {
        new_received: [5, 12, 0, 0, 0, 0, 17],
        granted: [5, 12, 0, 0, 0, 0, 17],
        total_processed: [5, 12, 0, 0, 0, 0, 17],
      }),
    );
    for (const id of ['new_received', 'granted', 'total_processed']) {
      expect(row(result, 'requests', id)).toMatchObject({ raw: '512000017', status: 'recovered', values: [5, 12, 0, 0, 0, 0, 17] });
    }
  });

  test('a mistyped label (2.其他法律行政止公开, as printed in a real report) is still found by its opening words', () => {
    const text = glueRequests(REQUESTS_2021, { denied_prohibited_by_law: [2, 0, 0, 0, 0, 0, 2], granted: [1, 0, 0, 0, 0, 0, 1], new_received: [3, 0, 0, 0, 0, 0, 3], total_processed: [3, 0, 0, 0, 0, 0, 3] }).replace(
      '其他法律行政法规禁止公开',
      '其他法律行政止公开',
    );
    const result = recoverGluedTables(text);
    expect(row(result, 'requests', 'denied_prohibited_by_law')).toMatchObject({ raw: '2000002', status: 'recovered', values: [2, 0, 0, 0, 0, 0, 2] });
  });

  test('labels broken by spaces and full-width digits are still matched', () => {
    const text = glueRequests(REQUESTS_2021, { new_received: [1, 0, 0, 0, 0, 0, 1], granted: [1, 0, 0, 0, 0, 0, 1], total_processed: [1, 0, 0, 0, 0, 0, 1] })
      .replace('一、本年新收政府信息公开申请数量1000001', '一、本年新收政府 信息公开申请数量　１０００００１')
      .replace('（一）予以公开', '(一) 予以 公开');
    const result = recoverGluedTables(text);
    expect(row(result, 'requests', 'new_received').values).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(result, 'requests', 'granted').values).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  test('the proactive table recovers only rows with a single cut, and a decimal fee amount', () => {
    const text =
      '规范发布规章、行政规范性文件等重要政府信息。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数' +
      '规章000行政规范性文件1010第二十条第（五）项信息内容本年处理决定数量行政许可7第二十条第（六）项信息内容本年处理决定数量行政处罚12' +
      '行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0.5三、收到和处理政府信息公开申请情况';
    const proactive = table(recoverGluedTables(text), 'proactive');
    expect(proactive.rows.map((r) => [r.rowId, r.status, r.values])).toEqual([
      ['rules', 'recovered', [0, 0, 0]],
      ['normative_documents', 'ambiguous', [null, null, null]],
      ['administrative_license', 'recovered', [7]],
      ['administrative_penalty', 'recovered', [12]],
      ['administrative_enforcement', 'recovered', [0]],
      ['administrative_fees', 'recovered', [0.5]],
    ]);
    expect(proactive.rows[1].readings).toEqual([
      [1, 0, 10],
      [10, 1, 0],
    ]);
  });

  test('the appeals run is split into three groups whose 总计 is the sum of the other four', () => {
    const text = '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉' +
      '结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计' + '10001' + '1200012' + '00000' + '五、存在的主要问题';
    const appeals = table(recoverGluedTables(text), 'appeals');
    expect(appeals.rows.map((r) => [r.rowId, r.status, r.values])).toEqual([
      ['review', 'recovered', [1, 0, 0, 0, 1]],
      ['litigation_direct', 'recovered', [12, 0, 0, 0, 12]],
      ['litigation_after_review', 'recovered', [0, 0, 0, 0, 0]],
    ]);
  });

  test('table 三 split over pages with its header printed again between two rows is read as one chain', () => {
    const truth = truthOf('pingtan-2024-glued');
    const text = readFileSync(`${CORPUS}pingtan-2024-glued.txt`, 'utf8');
    const header = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他三、本年度办理结果（三）不予公开';
    const at = text.indexOf('7.属于行政执法案卷');
    expect(at).toBeGreaterThan(0);
    const requests = table(recoverGluedTables(text.slice(0, at) + header + text.slice(at)), 'requests');
    const executed = requests.rows.find((r) => r.rowId === 'denied_enforcement_files')!;
    expect(executed.status).toBe('recovered');
    expect(executed.values).toEqual(['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person', 'total'].map((c) => truth.cells[`requests.denied_enforcement_files.${c}`]));
  });

  test('table 四 printed as one small table per group is read group by group, each cut by its own 总计', () => {
    const header = '结果维持结果纠正其他结果尚未审结总计';
    const text = '四、政府信息公开行政复议、行政诉讼情况 行政复议' + header + '1211620' + ' 行政诉讼 未经复议直接起诉' + header + '10001' +
      ' 行政诉讼 复议后起诉' + header + '00000' + ' 五、存在的主要问题';
    const appeals = table(recoverGluedTables(text), 'appeals');
    expect(appeals.rows.map((r) => [r.rowId, r.status, r.values])).toEqual([
      // 1211620 splits three ways (12,1,1,6,20 · 1,2,11,6,20 · 1,2,1,16,20): only the total is agreed.
      ['review', 'ambiguous', [null, null, null, null, 20]],
      ['litigation_direct', 'recovered', [1, 0, 0, 0, 1]],
      ['litigation_after_review', 'recovered', [0, 0, 0, 0, 0]],
    ]);
  });

  test('table 四 by group with one group short of a digit: that group lost values when the others print 0 beside a count', () => {
    const header = '结果维持结果纠正其他结果尚未审结总计';
    const text = (direct: string, review = '10001', afterReview = '20002') =>
      '四、政府信息公开行政复议、行政诉讼情况 行政复议' + header + review + ' 行政诉讼 未经复议直接起诉' + header + direct + ' 行政诉讼 复议后起诉' + header + afterReview + ' 五、存在的主要问题';
    const appeals = table(recoverGluedTables(text('0000')), 'appeals');
    // 0000 for five cells: wherever the lost cell stood, its group total makes it 0.
    expect(appeals.rows.map((r) => [r.rowId, r.status, r.values, r.valuesLost ?? false])).toEqual([
      ['review', 'recovered', [1, 0, 0, 0, 1], false],
      ['litigation_direct', 'impossible', [0, 0, 0, 0, 0], true],
      ['litigation_after_review', 'recovered', [2, 0, 0, 0, 2], false],
    ]);
    // Groups as 11 for 1 · · · 1 and a group of zeros short of one: nothing shows the table prints its blanks; not read.
    const vanished = table(recoverGluedTables(text('0000', '11', '22')), 'appeals');
    expect(vanished.rows.every((r) => r.blanksVanished && !r.valuesLost && r.values.every((v) => v === null))).toBe(true);
  });

  test('the 2019 proactive layout is recognised, with signed 本年增/减 changes and a decimal procurement amount', () => {
    const text = '规章123规范性文件4510行政许可5+27其他对外管理服务事项3-13行政处罚100行政强制000行政事业性收费20政府集中采购3120.5三、';
    const proactive = table(recoverGluedTables(text), 'proactive');
    expect(proactive.layout).toBe('2019');
    expect(proactive.rows.map((r) => [r.rowId, r.status, r.values])).toEqual([
      ['rules', 'recovered', [1, 2, 3]],
      ['normative_documents', 'ambiguous', [null, null, null]],
      ['administrative_license', 'recovered', [5, 2, 7]],
      ['other_admin_services', 'recovered', [3, -1, 3]],
      ['administrative_penalty', 'recovered', [1, 0, 0]],
      ['administrative_enforcement', 'recovered', [0, 0, 0]],
      ['administrative_fees', 'recovered', [2, 0]],
      ['government_procurement', 'ambiguous', [null, null]],
    ]);
    expect(proactive.rows[7].readings).toEqual([
      [3, 120.5],
      [31, 20.5],
      [312, 0.5],
    ]);
  });

  test('a whole table of long digit strings is settled quickly, and no row it recovers is wrong', () => {
    const truthRow = [1234567890, 11, 22, 33, 44, 55, 1234568055];
    const values = Object.fromEntries(REQUESTS_2021.rows.map((r) => [r.id, truthRow]));
    const result = recoverGluedTables(glueRequests(REQUESTS_2021, values));
    const rows = table(result, 'requests').rows;
    expect(rows).toHaveLength(25);
    for (const r of rows) {
      if (r.status === 'recovered') expect(r.values).toEqual(truthRow);
      else expect(r.values.every((v) => v === null)).toBe(true);
      if (r.status === 'ambiguous') expect(r.readings).toContainEqual(truthRow);
    }
  }, HANG_GUARD_MS);

  test('a long text full of false starts (labels followed by digits, no table) is searched in linear time', () => {
    const text = '规章1，'.repeat(150_000) + '一、本年新收政府信息公开申请数量1'.repeat(20_000) + '行政复议行政诉讼总计' + '1'.repeat(500_000);
    const result = recoverGluedTables(text);
    expect(result.tables).toEqual([]);
  }, HANG_GUARD_MS);

  test('text without glued tables yields no tables and says so', () => {
    const result = recoverGluedTables('一、总体情况 本机关2023年未收到政府信息公开申请。');
    expect(result.tables).toEqual([]);
    expect(result.messages.map((m) => m.code)).toEqual(['glued-table-not-found', 'glued-table-not-found', 'glued-table-not-found']);
  });

  test('a hostile run of hundreds of digits ends quickly as too-ambiguous or impossible, never hangs', () => {
    const result = recoverGluedTables(glueRequests(REQUESTS_2021, { new_received: [Number('1'.repeat(15))] }).replace('111111111111111', '1'.repeat(60)));
    const r = row(result, 'requests', 'new_received');
    expect(['too-ambiguous', 'impossible']).toContain(r.status);
    expect(r.values.every((v) => v === null)).toBe(true);
  }, HANG_GUARD_MS);
});

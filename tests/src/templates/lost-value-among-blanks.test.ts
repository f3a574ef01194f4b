import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../src/pipeline.js';

const CORPUS = '../shared/corpus/variety/shanghai-govoffice-2019';

/**
 * Shanghai 2019 prints its blanks as '/' (as the variety generator's combined axis renders them) and
 * its row totals blank; its row 2.没有现成信息需要另行制作 (44 · 3 · / / / / /) loses the 3, so it
 * prints 44 / / / / / ∅. The row keeps its own total with the empty cell taken for the lost total, as
 * it does with the value lost beside the 44 — only the column sums tell, and the 3's column was read
 * as a certain blank: 商业企业's outcome sum (32 against 35) came out a finding on basis printed that
 * blamed the report for our reading.
 */
function lostThree(): Buffer {
  const html = readFileSync(`${CORPUS}.html`, 'utf8');
  const start = html.indexOf('三、收到和处理政府信息公开申请情况');
  const end = html.indexOf('</table>', start);
  let table = html.slice(start, end).replaceAll('&nbsp;', '/');
  const row = /(2\.没有现成信息需要另行制作<\/p><\/td><td><p align="center">44<\/p><\/td>)<td><p align="center">3<\/p><\/td>((?:<td><p align="center">\/<\/p><\/td>){5})/;
  expect(table).toMatch(row);
  table = table.replace(row, '$1$2<td><p align="center"></p></td>');
  return Buffer.from(html.slice(0, start) + table + html.slice(end));
}

describe('a row of blank markers that lost its one count, its grid padded at the end', () => {
  it('leaves the columns the lost value may stand in unread rather than a certain blank, and blames no column on basis printed', async () => {
    const record = await extractBytes(lostThree(), 'shanghai-lost-three.html');
    const truth = JSON.parse(readFileSync(`${CORPUS}.truth.json`, 'utf8')) as { expected_findings: Array<{ rule: string; where: string }> };
    const expected = new Set(truth.expected_findings.map((f) => `${f.rule} ${f.where}`));
    // The identities' findings (completeness says which cells are blank, as they are here).
    const unearned = record.findings.filter((f) => f.rule !== 'completeness' && f.basis === 'printed' && !expected.has(`${f.rule} ${f.where}`));
    expect(unearned.map((f) => `${f.rule} ${f.where}`)).toEqual([]);
    expect(record.cells['requests.unavailable_needs_creation.commercial']).toBeNull();
    expect(record.cell_details['requests.unavailable_needs_creation.commercial'].doubt).not.toBeNull();
    // What every reading agrees on stands: the 44 where it was printed.
    expect(record.cells['requests.unavailable_needs_creation.natural_person']).toBe(44);
    expect(record.cell_details['requests.unavailable_needs_creation.natural_person'].doubt).toBeNull();
  });
});

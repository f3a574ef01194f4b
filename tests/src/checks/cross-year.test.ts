/**
 * Year-to-year rules on several years of one agency, made from the real Pingtan figures (2022 portal
 * page, 2023 portal page, 2024 DOCX of ../shared/corpus) and one deliberate break.
 */
import { describe, expect, it } from 'vitest';
import { runYearChecks } from '../../../src/checks/cross-year/index.js';
import { normaliseAgency as agencyKey } from '../../../src/structure/agency.js';
import { yearFacts } from '../../../src/checks/cross-year/facts.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { loadTruths } from '../../corpus/truth.js';

const truths = Object.fromEntries(loadTruths(['rendered', 'real']).map((t) => [t.id, t]));

function fromTruth(id: string, agency: string, override: Record<string, number | null> = {}): ReportRecord {
  const t = truths[id];
  return {
    report_id: id, source: t.file, sha256: id, format: t.format, status: 'ok', agency, year: t.year,
    layout: t.layout as ReportRecord['layout'], cells: { ...t.cells, ...override }, cell_details: {}, findings: [],
    sections: [], prose: {}, legacy_stats: [], messages: [],
  };
}

describe('year.carry and year.in_force', () => {
  const y2022 = fromTruth('pingtan-2022-portal', '平潭综合实验区管委会办公室');
  const y2023 = fromTruth('pingtan-2023-page', '平潭综合实验区');
  const y2024 = fromTruth('pingtan-2024-docx', '平潭综合实验区', { 'requests.carried_over.natural_person': 9 });
  const result = runYearChecks([y2024, y2022, y2023].map((r) => yearFacts(r, agencyKey)!));

  it('groups the drafting office with the body it reports for', () => {
    expect(agencyKey('平潭综合实验区管委会办公室')).toBe(agencyKey('平潭综合实验区'));
    expect(agencyKey('淮安市人民政府办公室')).toBe(agencyKey('淮安市人民政府'));
    expect(agencyKey('淮安市洪泽区人民政府')).not.toBe(agencyKey('淮安市人民政府'));
  });

  it('checks every column of the carry-over between consecutive years, cell by cell', () => {
    const carry = result.checks.filter((c) => c.rule === 'year.carry');
    expect(carry.map((c) => `${c.previous_year}>${c.year} ${c.where} ${c.expected}/${c.actual} ${c.status}`)).toEqual([
      ...['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person', 'total'].map((col) => {
        const e = truths['pingtan-2022-portal'].cells[`requests.carried_forward.${col}`];
        const a = truths['pingtan-2023-page'].cells[`requests.carried_over.${col}`];
        return `2022>2023 ${col} ${e}/${a} ${e === a ? 'passed' : 'failed'}`;
      }),
      ...['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person', 'total'].map((col) => {
        const e = truths['pingtan-2023-page'].cells[`requests.carried_forward.${col}`];
        const a = col === 'natural_person' ? 9 : truths['pingtan-2024-docx'].cells[`requests.carried_over.${col}`];
        return `2023>2024 ${col} ${e}/${a} ${e === a ? 'passed' : 'failed'}`;
      }),
    ]);
  });

  it('reports the deliberate break as a finding on the later report', () => {
    const findings = result.findings.get('pingtan-2024-docx') ?? [];
    const carry = findings.filter((f) => f.rule === 'year.carry');
    expect(carry).toHaveLength(1);
    expect(carry[0]).toMatchObject({ where: 'natural_person', expected: 0, actual: 9, cells: ['requests.carried_over.natural_person'] });
    expect(result.findings.get('pingtan-2022-portal')).toBeUndefined();
  });

  it('computes in_force from last year plus issued minus repealed', () => {
    const inForce = result.checks.filter((c) => c.rule === 'year.in_force');
    for (const c of inForce) {
      const prev = c.year === 2023 ? truths['pingtan-2022-portal'] : truths['pingtan-2023-page'];
      const cur = c.year === 2023 ? truths['pingtan-2023-page'] : truths['pingtan-2024-docx'];
      const e = prev.cells[`proactive.${c.where}.in_force`]! + cur.cells[`proactive.${c.where}.issued`]! - cur.cells[`proactive.${c.where}.repealed`]!;
      expect(c.expected).toBe(e);
      expect(c.actual).toBe(cur.cells[`proactive.${c.where}.in_force`]);
      expect(c.status).toBe(e === c.actual ? 'passed' : 'failed');
    }
    expect(inForce).toHaveLength(4);
  });

  it('skips a pair when a needed cell is blank', () => {
    const blank = fromTruth('pingtan-2023-page', '平潭综合实验区', { 'requests.carried_over.total': null });
    const r = runYearChecks([y2022, blank].map((x) => yearFacts(x, agencyKey)!));
    expect(r.checks.find((c) => c.rule === 'year.carry' && c.where === 'total')?.status).toBe('skipped');
  });
});

describe('several copies of one agency-year', () => {
  it('checks each pair of years once, on the copy read best, so year_checks grows with agency-years, not with copies squared', () => {
    const copies = (year: 'pingtan-2022-portal' | 'pingtan-2023-page', n: number, agency: string) =>
      Array.from({ length: n }, (_, i) => ({ ...fromTruth(year, agency), report_id: `${year}#${i}`, source: `${year}-${i}` }));
    const y2022 = copies('pingtan-2022-portal', 4, '平潭综合实验区管委会办公室');
    const y2023 = copies('pingtan-2023-page', 4, '平潭综合实验区');
    // The second 2023 copy is the only one whose carry-over cells were all read with certainty.
    for (const [i, r] of y2023.entries()) {
      if (i === 1) continue;
      r.cell_details = { 'requests.carried_over.total': { raw: '?', doubt: 'ocr-low-confidence' } as ReportRecord['cell_details'][string] };
    }
    const result = runYearChecks([...y2022, ...y2023].map((r) => yearFacts(r, agencyKey)!));
    const single = runYearChecks([y2022[0], y2023[1]].map((r) => yearFacts(r, agencyKey)!));
    expect(result.checks).toHaveLength(single.checks.length);
    expect(new Set(result.checks.map((c) => `${c.previous_source}>${c.source}`))).toEqual(new Set(['pingtan-2022-portal-0>pingtan-2023-page-1']));
  });
});

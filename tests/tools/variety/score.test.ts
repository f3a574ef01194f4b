import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../src/pipeline.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { AXES } from '../../../tools/variety/axes/index.js';
import { draftVariant, renderFast, variantTruth, type PlanItem } from '../../../tools/variety/generate.js';
import { scoreRecord } from '../../../tools/variety/score.js';
import { tally, verdict } from '../../../tools/variety/report.js';
import { loadTruths } from '../../../tools/variety/truths.js';

const truths = await loadTruths('../shared/corpus');
const hongze = truths.find((t) => t.id === 'hongze-2023')!;
const item: PlanItem = { axis: AXES.find((a) => a.id === 'plain')!, format: 'html', truth: hongze, index: 0 };
const draft = draftVariant(3, item);
const truth = variantTruth(3, item, draft);
const record = await extractBytes(Buffer.from(renderFast(draft)), truth.file);
const copy = (): ReportRecord => structuredClone(record);

describe('the accuracy scorer', () => {
  it('scores the plain HTML rendering of a real report as all exact, with its published errors found', () => {
    const score = scoreRecord(truth, record);
    expect(score).toMatchObject({ cells: 186, exact: 186, wrong: 0, missing: 0, blankOrDoubt: 0, agencyOk: true, yearOk: true, layoutOk: true });
    expect(score.unearned).toEqual([]);
    expect(score.missed).toEqual([]);
  });

  it('calls a different number with no doubt silently wrong, and the same number with a doubt blank-or-doubt', () => {
    const wrong = copy();
    wrong.cells['requests.granted.natural_person'] = 7;
    expect(scoreRecord(truth, wrong)).toMatchObject({ wrong: 1, exact: 185 });
    (wrong.cell_details['requests.granted.natural_person'] as { doubt: string | null }).doubt = 'extra-values';
    expect(scoreRecord(truth, wrong)).toMatchObject({ wrong: 0, blankOrDoubt: 1, exact: 185 });
  });

  it('tells an agency or year given wrong (silently wrong, failing the verdict) from one left blank', () => {
    const misread = copy();
    misread.agency = '淮安市洪漂区人民政府';
    const blank = copy();
    blank.agency = undefined;
    const wrongYear = copy();
    wrongYear.year = truth.year + 1;
    expect(scoreRecord(truth, misread)).toMatchObject({ agencyOk: false, metadataWrong: true });
    expect(scoreRecord(truth, blank)).toMatchObject({ agencyOk: false, metadataWrong: false });
    expect(scoreRecord(truth, wrongYear)).toMatchObject({ yearOk: false, metadataWrong: true });
    const { rows, total } = tally([scoreRecord(truth, record), scoreRecord(truth, blank)]);
    expect(total).toMatchObject({ metadataWrong: 0, metadataBlank: 1 });
    expect(verdict(rows, total)).toMatch(/^VERDICT: MET — .* 0 documents with a wrong agency or year/);
    const withWrong = tally([scoreRecord(truth, record), scoreRecord(truth, misread)]);
    expect(withWrong.total).toMatchObject({ metadataWrong: 1, metadataBlank: 0 });
    expect(verdict(withWrong.rows, withWrong.total)).toMatch(/^VERDICT: NOT MET — .* 1 documents with a wrong agency or year/);
  });

  it('calls a blank cell blank-or-doubt and an absent cell missing', () => {
    const r = copy();
    r.cells['requests.granted.natural_person'] = null;
    delete r.cells['appeals.review.total'];
    expect(scoreRecord(truth, r)).toMatchObject({ blankOrDoubt: 1, missing: 1, exact: 184 });
  });

  it('calls a cell the document does not print exact when read blank, blank-or-doubt with a doubt, and another number there wrong', () => {
    const faulted = { ...truth, not_printed: ['requests.granted.natural_person'] };
    const r = copy();
    r.cells['requests.granted.natural_person'] = null;
    expect(scoreRecord(faulted, r)).toMatchObject({ exact: 186, blankOrDoubt: 0, wrong: 0 });
    r.cells['requests.granted.natural_person'] = 3;
    r.cell_details = { ...r.cell_details, 'requests.granted.natural_person': { ...(r.cell_details?.['requests.granted.natural_person'] ?? {}), doubt: 'identity-resolved' } } as typeof r.cell_details;
    expect(scoreRecord(faulted, r)).toMatchObject({ blankOrDoubt: 1, wrong: 0 });
    r.cell_details = { ...r.cell_details, 'requests.granted.natural_person': { ...(r.cell_details?.['requests.granted.natural_person'] ?? {}), doubt: null } } as typeof r.cell_details;
    r.cells['requests.granted.natural_person'] = 3;
    expect(scoreRecord(faulted, r)).toMatchObject({ wrong: 1 });
  });

  it('counts an unexpected identity finding on basis printed (or with no basis) as unearned, and not one on basis doubtful', () => {
    const r = copy();
    const finding = { rule: 'requests.balance', severity: 'error' as const, cells: [], where: 'natural_person', expected: 1, actual: 2, message: 'made up' };
    r.findings.push({ ...finding, basis: 'printed' });
    expect(scoreRecord(truth, r).unearned.map((f) => f.where)).toEqual(['natural_person']);
    r.findings[r.findings.length - 1] = { ...finding, basis: 'doubtful' };
    expect(scoreRecord(truth, r).unearned).toEqual([]);
    const noBasis = copy();
    noBasis.findings.push(finding as unknown as ReportRecord['findings'][number]);
    expect(scoreRecord(truth, noBasis).unearned).toHaveLength(1);
  });

  it('lists a published error that is not found as missed, and one found only on basis doubtful as doubtful', () => {
    const r = copy();
    r.findings = r.findings.filter((f) => !(f.rule === 'appeals.group_total' && f.where === 'review'));
    for (const f of r.findings) if (f.rule === 'appeals.group_total') f.basis = 'doubtful';
    const score = scoreRecord(truth, r);
    expect(score.missed).toEqual([expect.objectContaining({ rule: 'appeals.group_total', where: 'review' })]);
    expect(score.expectedDoubtful).toEqual([expect.objectContaining({ rule: 'appeals.group_total', where: 'litigation_after_review' })]);
  });
});

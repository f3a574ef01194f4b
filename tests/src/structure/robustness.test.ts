import { describe, expect, it } from 'vitest';
import { analyseStructure } from '../../../src/structure/index.js';
import { docOf, paragraph, table } from './documents.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

describe('analyseStructure on hostile input', () => {
  it('returns an empty structure with messages for a document without text', () => {
    const s = analyseStructure(docOf([]));
    expect(s).toMatchObject({ sections: [], prose: {}, legacyStats: [] });
    expect(s.messages.map((m) => m.code)).toEqual(['structure-no-agency', 'structure-no-year']);
    expect(analyseStructure(docOf([table([['指标', '单位'], ['', '']])])).legacyStats).toEqual([]);
  });

  it('stays linear on a multi-megabyte paragraph full of numbering marks and figures', () => {
    const unit = '。一、二三（一）收到申请1件，占5%；1.2、行政复议3件（2）';
    const huge = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const s = analyseStructure(docOf([paragraph(huge), paragraph('1、'.repeat(200_000))]));
    expect(s.prose['appeals.review.total']!.value).toBe(3);
  }, HANG_GUARD_MS);

  it('handles a hundred thousand short blocks in one pass', () => {
    const blocks = Array.from({ length: 100_000 }, (_, i) => paragraph(i % 1000 === 0 ? `${'一二三四五六七八九'[i % 9]}、总体情况` : `第${i}段正文，内容较短`));
    const s = analyseStructure(docOf(blocks, {}, 'pdf'));
    expect(s.sections).toHaveLength(100);
  }, HANG_GUARD_MS);

  it('ignores control characters, full-width digits and stray markup', () => {
    const s = analyseStructure(
      docOf([
        paragraph('\u0000某某局２０２３年政府信息公开工作年度报告\u200b'),
        paragraph('<!--[if !supportLists]-->一、<!--[endif]-->总体情况'),
        paragraph('全年共收到政府信息公开申请１２件。'),
      ]),
    );
    expect(s).toMatchObject({ agency: '某某局', year: 2023 });
    expect(s.sections.map((x) => x.id)).toEqual(['overview']);
    expect(s.prose['requests.new_received.total']!.value).toBe(12);
  });
});

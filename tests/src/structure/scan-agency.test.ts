import { describe, expect, it } from 'vitest';
import { agencyOffScan } from '../../../src/structure/scan-agency.js';

describe('agencyOffScan', () => {
  it('does not count the tail of a longer name as a second reading (实验区 inside 平潭综合实验区: a wrong agency off a TIFF)', () => {
    const text = '实验区2024年政府信息公开工作年度报告 本报告由平潭综合实验区编制。 平潭综合实验区， 2025年1月20昌';
    expect(agencyOffScan('实验区', undefined, text).agency).toBeUndefined();
  });

  it('counts a name read twice after a year, 由, or at a line start', () => {
    const text = '平潭综合实验区2024年政府信息公开工作年度报告 本报告由平潭综合实验区编制。';
    expect(agencyOffScan('平潭综合实验区', undefined, text).agency).toBe('平潭综合实验区');
    expect(agencyOffScan('平潭综合实验区', undefined, '2024年平潭综合实验区政府信息公开工作年度报告 平潭综合实验区').agency).toBe('平潭综合实验区');
  });

  it('takes a name one character apart from the title only where the text reads it on its own, not as the tail of a longer name', () => {
    // Seed 1, legacy/scan-stamped (Pingtan 2022's 2012 report): the title read 平潭 as 有, the text reads 平潭综合实验区 twice;
    // 潭综合实验区 inside it had been taken for the name read twice: a wrong agency.
    const text = '有综合实验区2012年政府信息公开工作年度\n平潭综合实验区政府信息公开情况统计表(2012年度)\n平潭综合实验区';
    expect(agencyOffScan('有综合实验区', undefined, text).agency).toBeUndefined();
    // Read on its own twice (a line's start, after 由), it is taken.
    const own = '平谭综合实验区2012年政府信息公开工作年度\n本报告由平潭综合实验区编制。\n平潭综合实验区';
    expect(agencyOffScan('平谭综合实验区', undefined, own).agency).toBe('平潭综合实验区');
  });
});

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
});

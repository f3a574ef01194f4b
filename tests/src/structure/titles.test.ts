/**
 * Titles as real reports print them (the variety axis `titles`): 关于…的报告 and 情况报告 wordings, 年报 after a
 * 人民政府, portal breadcrumbs naming the publication year, last year's title left in a copied file, and a signature
 * that abbreviates the body the first sentence names. A wrong agency or year is silently wrong data: where the
 * report does not say for certain, the field stays blank.
 */
import { describe, expect, it } from 'vitest';
import { agencyFromTitle } from '../../../src/structure/agency.js';
import { analyseStructure } from '../../../src/structure/index.js';
import { docOf, paragraph } from './documents.js';

const period = (year: number) => paragraph(`本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`);

describe('the agency before the report\'s own words', () => {
  it('cuts 关于…的报告 and …工作情况报告 wordings off the name', () => {
    expect(agencyFromTitle('平潭综合实验区关于2024年度政府信息公开工作的报告')).toBe('平潭综合实验区');
    expect(agencyFromTitle('关于平潭综合实验区2024年政府信息公开工作情况的报告')).toBe('平潭综合实验区');
    expect(agencyFromTitle('平潭综合实验区2023年度政府信息公开工作情况报告')).toBe('平潭综合实验区');
    expect(agencyFromTitle('关于淮安市人民政府2024年度政府信息公开工作年度情况的报告')).toBe('淮安市人民政府');
    expect(agencyFromTitle('淮安市洪泽区人民政府2023年政府信息公开和政务公开工作年度报告')).toBe('淮安市洪泽区人民政府');
  });

  it('joins a 关于 title wrapped before 的报告, and cuts 关于 off a title cut short', () => {
    const doc = docOf([paragraph('平潭综合实验区关于2024年政府信息公开工作'), paragraph('的报告'), period(2024)], {}, 'pdf');
    expect(analyseStructure(doc)).toMatchObject({ title: '平潭综合实验区关于2024年政府信息公开工作的报告', agency: '平潭综合实验区', year: 2024 });
    expect(agencyFromTitle('平潭综合实验区关于2024年政府信息公开工作')).toBe('平潭综合实验区');
  });

  it('keeps 政府 in a 人民政府 before 信息公开年报', () => {
    expect(agencyFromTitle('淮安市洪泽区人民政府2023年信息公开年报')).toBe('淮安市洪泽区人民政府');
    expect(agencyFromTitle('淮安市人民政府信息公开工作年度报告（2024年度）')).toBe('淮安市人民政府');
  });

  it('keeps what it kept', () => {
    expect(agencyFromTitle('淮安市政务公开办公室2023年政府信息公开工作年度报告')).toBe('淮安市政务公开办公室');
    expect(agencyFromTitle('市中区工业和信息化局关于2023年度政府信息公开工作年度报告')).toBe('市中区工业和信息化局');
    expect(agencyFromTitle('2023年政府信息公开工作年度报告')).toBeUndefined();
    expect(agencyFromTitle('上海市人民政府办公厅2019年政务公开年报')).toBe('上海市人民政府办公厅');
  });
});

describe('a portal page around the title', () => {
  it('does not take a breadcrumb naming the publication year for the title', () => {
    for (const crumb of ['首页 >> 信息公开 >> 2024年 >> 年报', '首页 > 政府信息公开 > 2024年年报', '首页»信息公开»2024年度报告']) {
      const doc = docOf([
        paragraph(crumb),
        paragraph('平潭综合实验区政府信息公开工作年度报告（二〇二三年度）'),
        paragraph('发布时间：2024-01-12 来源：平潭综合实验区'),
        period(2023),
        paragraph('平潭综合实验区'),
        paragraph('2024年1月20日'),
      ]);
      const s = analyseStructure(doc);
      expect({ title: s.title, agency: s.agency, year: s.year }, crumb).toEqual({ title: '平潭综合实验区政府信息公开工作年度报告（二〇二三年度）', agency: '平潭综合实验区', year: 2023 });
    }
  });
});

describe('a file\'s own title from last year', () => {
  const body = () => [paragraph('平潭综合实验区政府信息公开工作年度报告'), period(2023), paragraph('平潭综合实验区'), paragraph('2024年1月20日')];

  it('takes the statistics period over a Word or PDF file\'s title property when the printed title has no year', () => {
    for (const format of ['docx', 'pdf'] as const) {
      const s = analyseStructure(docOf(body(), { title: '平潭综合实验区2022年政府信息公开工作年度报告' }, format));
      expect(s.year, format).toBe(2023);
      expect(s.messages.map((m) => m.code), format).toContain('structure-year-mismatch');
    }
  });

  it('leaves the year blank when a page\'s title and the statistics period disagree and the printed title has none', () => {
    const s = analyseStructure(docOf(body(), { title: '平潭综合实验区2022年政府信息公开工作年度报告' }, 'html'));
    expect(s.year).toBeUndefined();
    expect(s.messages.find((m) => m.code === 'structure-year-mismatch')?.message).toContain('left blank');
    // Agreeing, the page title's year stands.
    expect(analyseStructure(docOf(body(), { title: '平潭综合实验区2023年政府信息公开工作年度报告' }, 'html')).year).toBe(2023);
  });
});

describe('the agency when the title names none', () => {
  const doc = (first: string, signed: string) =>
    docOf([paragraph('2023年政府信息公开工作年度报告'), paragraph(`${first}本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。`), paragraph('一、总体情况'), paragraph(signed), paragraph('2024年1月20日')]);

  it('leaves it blank when the signature abbreviates the body the first sentence names', () => {
    const s = analyseStructure(doc('本报告由平潭综合实验区编制。', '平潭实验区'));
    expect(s.agency).toBeUndefined();
    expect(s.messages.map((m) => m.code)).toContain('structure-agency-uncertain');
    expect(analyseStructure(doc('本报告由淮安市人民政府根据《条例》要求编制。', '淮安市政府')).agency).toBeUndefined();
  });

  it('takes the signature when the first sentence names it or its office', () => {
    expect(analyseStructure(doc('本报告由平潭综合实验区编制。', '平潭综合实验区')).agency).toBe('平潭综合实验区');
    expect(analyseStructure(doc('本报告由淮安市人民政府办公室编制。', '淮安市人民政府')).agency).toBe('淮安市人民政府');
    expect(analyseStructure(doc('', '某某县自然资源局')).agency).toBe('某某县自然资源局');
    // Compiled by another body than the one that signs (a government's report compiled by its data bureau).
    expect(analyseStructure(doc('本报告由某某市大数据管理局编制。', '某某市人民政府')).agency).toBe('某某市人民政府');
  });
});

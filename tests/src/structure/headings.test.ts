import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSections, parseHeading, splitInlineHeadings } from '../../../src/structure/headings.js';
import { analyseStructure } from '../../../src/structure/index.js';
import { CORPUS, docOf, htmlDocument, paragraph, pdfTextDocument, seedDocument, table } from './documents.js';

const outline = (doc: ReturnType<typeof seedDocument>) =>
  analyseStructure(doc).sections.map((s) => `${s.level} ${s.number}${s.title}${s.id ? ` #${s.id}` : ''}`);

describe('parseHeading', () => {
  it('reads each numbering style as its level', () => {
    expect(parseHeading('一、总体情况')).toEqual({ level: 1, number: '一、', title: '总体情况', body: '' });
    expect(parseHeading('二.主动公开政府信息情况')).toMatchObject({ level: 1, number: '二.' });
    expect(parseHeading('第三部分收到和处理政府信息公开申请情况')).toMatchObject({ level: 1, number: '第三部分', title: '收到和处理政府信息公开申请情况' });
    expect(parseHeading('（一）主动公开')).toMatchObject({ level: 2, number: '（一）', title: '主动公开' });
    expect(parseHeading('(二)依申请公开')).toMatchObject({ level: 2, number: '(二)' });
    expect(parseHeading('1.门户网站')).toMatchObject({ level: 3, number: '1.', title: '门户网站' });
    expect(parseHeading('2、落实各项工作制度。落实联席会议制度')).toMatchObject({ level: 3, title: '落实各项工作制度', body: '落实联席会议制度' });
    expect(parseHeading('3．公众查阅点')).toMatchObject({ level: 3, number: '3．' });
    expect(parseHeading('（2）落实上级年度政务公开工作要点情况')).toMatchObject({ level: 4, number: '（2）' });
    expect(parseHeading('(4)本行政机关年度政务公开工作创新情况')).toMatchObject({ level: 4, number: '(4)' });
  });

  it('keeps 一是/二是 list items, decimals and dates as text', () => {
    expect(parseHeading('一是高度重视信息公开工作。构建分工明确的机制。')).toBeUndefined();
    expect(parseHeading('1.5万条信息已公开。')).toBeUndefined();
    expect(parseHeading('2023年，我局主动公开信息65条。')).toBeUndefined();
    expect(parseHeading('一、二季度共开展检查2次。')).toBeUndefined();
  });

  it('splits the body off a heading line at the first full stop', () => {
    expect(parseHeading('（一）主动公开情况。2024年，市政府网站主动公开各类政府信息5500余条。')).toEqual({
      level: 2,
      number: '（一）',
      title: '主动公开情况',
      body: '2024年，市政府网站主动公开各类政府信息5500余条。',
    });
  });

  it('splits a body glued to a known heading phrase without punctuation', () => {
    expect(parseHeading('（一）主动公开方面平潭综合实验区切实落实国务院办公厅关于政务公开工作有关要求')).toMatchObject({
      title: '主动公开方面',
      body: '平潭综合实验区切实落实国务院办公厅关于政务公开工作有关要求',
    });
    expect(parseHeading('一、总体情况2024年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导。')).toMatchObject({
      title: '总体情况',
      body: '2024年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导。',
    });
  });

  it('treats a long numbered sentence as a paragraph at levels 1–2 and as a short-titled item at level 3', () => {
    const sentence = '2023年，我局在扩大公众知情权、满足公众信息需求、规范信息公开工作流程方面取得了积极成效，获得上级肯定。';
    expect(parseHeading(`一、${sentence}`)).toBeUndefined();
    expect(parseHeading(`（一）${sentence}`)).toBeUndefined();
    expect(parseHeading('1.强化组织领导，成立政务公开工作领导小组，明确分管领导和具体工作人员，确保政务公开工作有序推进并取得实效。')).toMatchObject({
      level: 3,
      title: '强化组织领导',
      body: '成立政务公开工作领导小组，明确分管领导和具体工作人员，确保政务公开工作有序推进并取得实效。',
    });
  });
});

describe('splitInlineHeadings', () => {
  it('cuts a flattened paragraph before headings that follow a full stop or name a template section', () => {
    const text = '本报告所列数据统计期限为2024年1月1日至2024年12月31日。一、总体情况 2024年，平潭持续深化政务公开。（一）主动公开方面。有序推进基层政务公开。行政事业性收费18651.06三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）';
    expect(splitInlineHeadings(text)).toEqual([
      '本报告所列数据统计期限为2024年1月1日至2024年12月31日。',
      '一、总体情况 2024年，平潭持续深化政务公开。',
      '（一）主动公开方面。有序推进基层政务公开。行政事业性收费18651.06',
      '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）',
    ]);
  });

  it('leaves enumerations after a colon and table row labels alone', () => {
    const text = '具体要求：（一）及时公开；（二）准确公开。一、本年新收政府信息公开申请数量21710000218二、上年结转政府信息公开申请数量0000000';
    expect(splitInlineHeadings(text)).toEqual([text]);
  });
});

describe('buildSections', () => {
  it('outlines the seed report with the six template sections and their sub-headings', () => {
    expect(outline(seedDocument())).toEqual([
      '1 一、总体情况 #overview',
      '2 （一）主动公开',
      '2 （二）依申请公开',
      '2 （三）政府信息管理',
      '2 （四）政府信息公开平台建设',
      '2 （五）监督保障',
      '1 二、主动公开政府信息情况 #proactive',
      '1 三、收到和处理政府信息公开申请情况 #requests',
      '1 四、政府信息公开行政复议、行政诉讼情况 #appeals',
      '1 五、存在的主要问题及改进情况 #problems',
      '2 （一）2022年存在问题整改情况',
      '2 （二）2023年存在问题',
      '2 （三）改进措施',
      '1 六、其他需要报告的事项 #other',
      '2 （一）收取信息处理费的情况',
      '4 （2）落实上级年度政务公开工作要点情况',
      '4 （3）人大代表建议和政协委员提案办理情况',
      '4 （4）本行政机关年度政务公开工作创新情况',
    ]);
  });

  it('gives each section its body text up to the next heading, list items included and signature left out', () => {
    const sections = analyseStructure(seedDocument()).sections;
    const measures = sections.find((s) => s.title === '改进措施')!;
    expect(measures.text.split('\n')).toHaveLength(2);
    expect(measures.text).toMatch(/^一是提升政务公开工作水平。/);
    expect(measures.text).toContain('\n二是丰富政务公开内容。');
    expect(sections.at(-1)!.text).toMatch(/方便企业“一码”查询相关政策文件及解读。$/);
  });

  it('maps the pre-2019 headings of the 2016 Pingtan report to the same section ids', () => {
    const level1 = analyseStructure(htmlDocument('variety/pingtan-2016-legacy-page.html')).sections.filter((s) => s.level === 1);
    expect(level1.map((s) => [s.number, s.title, s.id])).toEqual([
      ['一、', '概述', 'overview'],
      ['二、', '主动公开政府信息情况', 'proactive'],
      ['三、', '政府信息依申请公开工作情况', 'requests'],
      ['四、', '政府信息公开的收费及减免情况', undefined],
      ['五、', '因政府信息公开申请行政复议、提起行政诉讼的情况', 'appeals'],
      ['六、', '主要问题和改进措施', 'problems'],
      ['七、', '平潭综合实验区政府信息公开情况统计表', undefined],
    ]);
  });

  it('reads Word list markers left as escaped conditional comments as numbering', () => {
    const sections = analyseStructure(htmlDocument('variety/pingtan-2016-legacy-page.html')).sections;
    expect(sections.find((s) => s.title === '公共监管信息公开情况')).toMatchObject({ level: 3, number: '7、' });
  });

  it('recognises reworded headings: 政府信息公开工作存在的主要问题及改进情况, 平台建设方面', () => {
    const sections = analyseStructure(htmlDocument('variety/shanghai-govoffice-2019.html')).sections;
    expect(sections.filter((s) => s.level === 1).map((s) => s.id)).toEqual(['overview', 'proactive', 'requests', 'appeals', 'problems', 'other']);
    expect(sections.filter((s) => s.level === 2).map((s) => s.title)).toEqual([
      '主动公开方面',
      '依申请公开方面',
      '政府信息管理方面',
      '平台建设方面',
      '监督保障方面',
      '主要问题',
      '改进措施',
    ]);
  });

  it('rejoins PDF lines wrapped mid-sentence and skips page numbers', () => {
    const sections = analyseStructure(pdfTextDocument('huaian-city-2024')).sections;
    expect(sections.map((s) => `${s.level} ${s.number}${s.title}`)).toEqual([
      '1 一、总体情况',
      '2 （一）主动公开情况',
      '2 （二）依申请公开情况',
      '2 （三）政府信息管理情况',
      '2 （四）政府信息公开平台建设情况',
      '2 （五）政府信息公开监督保障情况',
      '1 二、主动公开政府信息情况',
      '1 三、收到和处理政府信息公开申请情况',
      '1 四、政府信息公开行政复议、行政诉讼情况',
      '1 五、存在的主要问题及改进情况',
      '1 六、其他需要报告的事项',
    ]);
    const requests = sections[2]!;
    expect(requests.text).toContain('全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件');
    expect(requests.text).not.toContain('-');
    const overview = sections[1]!;
    expect(overview.text).toContain('组织召开了“春节前后服务企业用工和促进返乡人员就业创业专项活动”“建设‘四最’一流营商环境高质量推进产业发展”');
  });

  it('recognises template headings printed without numbering, and heading blocks naming a section', () => {
    const doc = docOf([
      { kind: 'heading', text: '某某局2023年政府信息公开工作年度报告', level: 1 },
      paragraph('总体情况'),
      paragraph('2023年，我局持续深化政务公开。'),
      { kind: 'heading', text: '主动公开政府信息', level: 2 },
      paragraph('主动公开政府信息'),
      paragraph('其他需要报告的事项'),
    ]);
    expect(buildSections(doc.blocks).map((s) => [s.level, s.number, s.title, s.id])).toEqual([
      [1, '', '总体情况', 'overview'],
      [1, '', '主动公开政府信息', 'proactive'],
      [1, '', '其他需要报告的事项', 'other'],
    ]);
  });

  it('gives section ids to the top level when a report numbers it （一）', () => {
    const doc = docOf([paragraph('（一）总体情况'), paragraph('1.主动公开'), paragraph('（二）存在的主要问题及改进情况')]);
    expect(buildSections(doc.blocks).map((s) => [s.level, s.title, s.id])).toEqual([
      [2, '总体情况', 'overview'],
      [3, '主动公开', undefined],
      [2, '存在的主要问题及改进情况', 'problems'],
    ]);
  });

  it('never takes a table row label for a heading', () => {
    const doc = docOf([
      paragraph('三、收到和处理政府信息公开申请情况'),
      table([
        ['一、本年新收政府信息公开申请数量', '0'],
        ['（一）予以公开', '0'],
      ]),
      paragraph('四、政府信息公开行政复议、行政诉讼情况'),
    ]);
    expect(buildSections(doc.blocks).map((s) => s.title)).toEqual(['收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况']);
  });

  it('outlines a crawler text whose whole body is one line', () => {
    const lines = readFileSync(`${CORPUS}variety/pingtan-2024-glued.txt`, 'utf8').split('\n');
    const body = lines.slice(lines.findIndex((l) => l.includes('正文')) + 1).filter((l) => l.trim());
    const sections = analyseStructure(docOf(body.map(paragraph))).sections;
    expect(sections.filter((s) => s.level === 1).map((s) => s.id)).toEqual(['overview', 'proactive', 'requests', 'appeals', 'problems', 'other']);
    expect(sections.filter((s) => s.level === 2).slice(0, 5).map((s) => s.title)).toEqual([
      '主动公开方面',
      '依申请公开方面',
      '政府信息管理方面',
      '信息公开平台建设方面',
      '监督保障方面',
    ]);
    expect(sections.find((s) => s.title === '依申请公开方面')!.text).toMatch(/全年办理政府信息公开申请218件。$/);
  });
});

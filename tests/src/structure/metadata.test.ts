import { describe, expect, it } from 'vitest';
import { agencyFromTitle, agencyReadByOcr, normaliseAgency, qualifyAgency } from '../../../src/structure/agency.js';
import { findDate } from '../../../src/structure/dates.js';
import { analyseStructure } from '../../../src/structure/index.js';
import { parseNumber } from '../../../src/structure/numerals.js';
import { docOf, htmlDocument, paragraph, pdfTextDocument, seedDocument } from './documents.js';
import { loadTruths } from '../../corpus/truth.js';
import type { Block } from '../../../extractors/model.js';

const metaOf = (doc: Parameters<typeof analyseStructure>[0]) => {
  const s = analyseStructure(doc);
  return { title: s.title, agency: s.agency, year: s.year, published: s.published, publisher: s.publisher };
};

describe('agency and year from the title', () => {
  it('takes the agency around the year and before 政府信息公开工作年度报告', () => {
    expect(agencyFromTitle('平潭综合实验区2023年度政府信息公开工作年度报告')).toBe('平潭综合实验区');
    expect(agencyFromTitle('2019年上海市人民政府办公厅政府信息公开工作年度报告')).toBe('上海市人民政府办公厅');
    expect(agencyFromTitle('【年报】南京市民政局2023年政府信息公开工作年度报告')).toBe('南京市民政局');
    expect(agencyFromTitle('市中区工业和信息化局关于2023年度政府信息公开工作年度报告')).toBe('市中区工业和信息化局');
    expect(agencyFromTitle('淮安市人民政府政府信息公开工作年度报告（2024年）')).toBe('淮安市人民政府');
    expect(agencyFromTitle('2023年政府信息公开工作年度报告')).toBeUndefined();
  });

  it('qualifies a bare district with the city the report itself names, and nothing else', () => {
    const body = '本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制。如有疑问，请与淮安市洪泽区人民政府办公室联系。';
    expect(qualifyAgency('洪泽区人民政府', body)).toBe('淮安市洪泽区人民政府');
    expect(qualifyAgency('洪泽区人民政府', '洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导')).toBe('洪泽区人民政府');
    expect(qualifyAgency('淮安市人民政府', '本报告由淮安市人民政府办公室编制')).toBe('淮安市人民政府');
    expect(qualifyAgency('市中区工业和信息化局', '如对本报告有疑问，可与市中区工业和信息化局联系')).toBe('市中区工业和信息化局');
  });
});

describe('analyseStructure metadata on the corpus', () => {
  it('joins the seed title from its agency line and its year line and dates it by the signature', () => {
    expect(metaOf(seedDocument())).toEqual({
      title: '市中区工业和信息化局2023年政府信息公开工作年度报告',
      agency: '市中区工业和信息化局',
      year: 2023,
      published: '2024-01-11',
      publisher: undefined,
    });
  });

  it('joins a PDF title wrapped mid-word', () => {
    expect(metaOf(pdfTextDocument('seed-pdf'))).toMatchObject({ title: '市中区工业和信息化局2023年政府信息公开工作年度报告', published: '2024-01-11' });
    expect(metaOf(pdfTextDocument('pingtan-2023-pdf'))).toMatchObject({
      title: '平潭综合实验区2023年政府信息公开工作年度报告',
      agency: '平潭综合实验区',
      year: 2023,
      published: '2024-01-19',
    });
  });

  it('names hongze 淮安市洪泽区人民政府 as the report names its compiling office, and huaian 淮安市人民政府 without a date', () => {
    expect(metaOf(pdfTextDocument('hongze-2023'))).toMatchObject({ agency: '淮安市洪泽区人民政府', year: 2023, published: undefined });
    expect(metaOf(pdfTextDocument('huaian-city-2024'))).toMatchObject({ agency: '淮安市人民政府', year: 2024, published: undefined });
  });

  it('reads the Shanghai title with the year first and the portal date line in the body', () => {
    expect(metaOf(htmlDocument('variety/shanghai-govoffice-2019.html'))).toEqual({
      title: '2019年上海市人民政府办公厅政府信息公开工作年度报告',
      agency: '上海市人民政府办公厅',
      year: 2019,
      published: '2020-01-31',
      publisher: undefined,
    });
  });

  it('uses the portal page date and publisher when the report is not signed', () => {
    const doc = htmlDocument('real/pingtan-2023-page.html', { published: '2024-03-08 10:12', publisher: '平潭综合实验区管委会办公室' });
    expect(metaOf(doc)).toEqual({
      title: '平潭综合实验区2023年度政府信息公开工作年度报告',
      agency: '平潭综合实验区',
      year: 2023,
      published: '2024-03-08',
      publisher: '平潭综合实验区管委会办公室',
    });
  });

  it('takes the pre-2019 title from two lines', () => {
    expect(metaOf(htmlDocument('variety/pingtan-2016-legacy-page.html'))).toMatchObject({
      title: '平潭综合实验区2016年度政府信息公开工作年度报告',
      agency: '平潭综合实验区',
      year: 2016,
    });
  });

  it('ignores a PDF or DOCX file date: it is not a publication date', () => {
    const doc = pdfTextDocument('huaian-city-2024');
    doc.meta.published = '2025-02-03';
    expect(analyseStructure(doc).published).toBeUndefined();
  });
});

describe('fallbacks', () => {
  it('takes the agency from the signature when the title names none, and reads Chinese-numeral dates', () => {
    const doc = docOf([
      paragraph('2023年政府信息公开工作年度报告'),
      paragraph('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。'),
      paragraph('一、总体情况'),
      paragraph('2023年，我局持续深化政务公开。'),
      paragraph('某某县自然资源局'),
      paragraph('二〇二四年一月十一日'),
    ]);
    expect(metaOf(doc)).toMatchObject({ agency: '某某县自然资源局', year: 2023, published: '2024-01-11' });
  });

  it('takes the year from the statistics period when the title has none, and warns when they disagree', () => {
    const period = paragraph('本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。');
    expect(analyseStructure(docOf([paragraph('某某局政府信息公开工作年度报告'), period])).year).toBe(2022);
    const mismatch = analyseStructure(docOf([paragraph('某某局2023年政府信息公开工作年度报告'), period]));
    expect(mismatch.year).toBe(2023);
    expect(mismatch.messages.map((m) => m.code)).toContain('structure-year-mismatch');
  });

  it('cleans the portal suffix off the container title when the body has none', () => {
    const doc = docOf([paragraph('本报告根据《条例》要求编制。')], { title: '平潭综合实验区2024年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会' });
    expect(metaOf(doc)).toMatchObject({ title: '平潭综合实验区2024年度政府信息公开工作年度报告', agency: '平潭综合实验区', year: 2024 });
  });

  it('reports missing agency and year instead of guessing', () => {
    const s = analyseStructure(docOf([paragraph('关于做好政务公开工作的通知')]));
    expect(s.agency).toBeUndefined();
    expect(s.year).toBeUndefined();
    expect(s.messages.map((m) => m.code)).toEqual(['structure-no-agency', 'structure-no-year']);
  });
});

describe('normaliseAgency', () => {
  it('folds width and spaces and drops the compiling office suffix, keeping 办公厅', () => {
    expect(normaliseAgency('平潭综合实验区管委会办公室')).toBe('平潭综合实验区');
    expect(normaliseAgency('平潭综合实验区管理委员会')).toBe('平潭综合实验区');
    expect(normaliseAgency('淮安市人民政府办公室')).toBe('淮安市人民政府');
    expect(normaliseAgency('上海市人民政府办公厅')).toBe('上海市人民政府办公厅');
    expect(normaliseAgency(' 市中区 工业和信息化局（ＸＸ） ')).toBe('市中区工业和信息化局(XX)');
  });
});

describe('numbers and dates', () => {
  it('parses Arabic, grouped and Chinese numerals', () => {
    expect(parseNumber('3,119')).toBe(3119);
    expect(parseNumber('18651.06')).toBe(18651.06);
    expect(parseNumber('十二')).toBe(12);
    expect(parseNumber('一百零五')).toBe(105);
    expect(parseNumber('两千三百')).toBe(2300);
    expect(parseNumber('三万五千')).toBe(35000);
    expect(parseNumber('二〇二四')).toBe(2024);
    expect(parseNumber('12.3%')).toBeUndefined();
  });

  it('finds dates in every printed form', () => {
    expect(findDate('2024 年 1 月 11 日')).toBe('2024-01-11');
    expect(findDate('二〇二四年一月十一日')).toBe('2024-01-11');
    expect(findDate('二〇二三年十二月三十一日')).toBe('2023-12-31');
    expect(findDate('发布时间: 2025-03-10 15:35')).toBe('2025-03-10');
    expect(findDate('2024年13月1日')).toBeUndefined();
  });
});

describe('agency and year from a title as a scan\'s OCR reads it', () => {
  /** The corpus truths whose agency the title names (a signature-only agency is another matter). */
  const truths = loadTruths().filter((t) => agencyFromTitle(`${t.agency}${t.year}年政府信息公开工作年度报告`) === t.agency);
  const body = (t: { year: number }) => paragraph(`本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`);

  it.each(truths.map((t) => [t.id, t] as const))('%s: the title line ending 工作年度 over a 报告 OCR garbled into letters', (_, t) => {
    for (const garbled of ['Ri', 'her', 'NRE']) {
      const doc = docOf([paragraph(`${t.agency}${t.year}年政府信息公开工作年度`), paragraph(garbled), body(t)], {}, 'pdf');
      expect(metaOf(doc), garbled).toMatchObject({ title: `${t.agency}${t.year}年政府信息公开工作年度`, agency: t.agency, year: t.year });
    }
    // The line wrapped with 报告 read right joins it, as before.
    expect(metaOf(docOf([paragraph(`${t.agency}${t.year}年政府信息公开工作年度`), paragraph('报告'), body(t)], {}, 'pdf')).title).toBe(`${t.agency}${t.year}年政府信息公开工作年度报告`);
    // Cut earlier inside the last words (…公开工 / 作年度报告 garbled): the line read so far is the title.
    for (const cut of ['工作', '工']) {
      const doc = docOf([paragraph(`${t.agency}${t.year}年政府信息公开${cut}`), paragraph('TRE'), body(t)], {}, 'pdf');
      expect(metaOf(doc), cut).toMatchObject({ title: `${t.agency}${t.year}年政府信息公开${cut}`, agency: t.agency, year: t.year });
      const wrapped = docOf([paragraph(`${t.agency}${t.year}年政府信息公开${cut}`), paragraph(`${'工作年度报告'.slice(cut.length)}`), body(t)], {}, 'pdf');
      expect(metaOf(wrapped).title, cut).toBe(`${t.agency}${t.year}年政府信息公开工作年度报告`);
    }
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: a title line cut inside its last words over a line going on with them but cut short itself (…公开工 / 作年度报)', (_, t) => {
    // The 告 of 报告 lost to OCR on the second line: the two lines are the title as read.
    for (const [cut, rest] of [['工', '作年度报'], ['工作', '年度报'], ['工作年', '度报']] as const) {
      const doc = docOf([paragraph(`${t.year}年${t.agency}政府信息公开${cut}`), paragraph(rest), body(t)], {}, 'pdf');
      expect(metaOf(doc), cut + rest).toMatchObject({ title: `${t.year}年${t.agency}政府信息公开工作年度报`, agency: t.agency, year: t.year });
    }
    // A scan: the title's name misread in its last character (办公厅 → 办公打), the signature read right; the title,
    // found, is the second reading that agrees but for that character.
    const scanned = (text: string): Block => ({ kind: 'paragraph', text, prov: { page: 1, origin: 'ocr' } });
    const misread = `${t.agency.slice(0, -1)}打`;
    const doc = docOf([scanned(`${t.year}年${misread}政府信息公开工`), scanned('作年度报'), scanned(`本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`), scanned(t.agency), scanned(`${t.year + 1}年1月20日`)], {}, 'pdf');
    expect(metaOf(doc)).toMatchObject({ agency: t.agency, year: t.year });
    // A next line that is no part of the title's words (a heading, a sentence) leaves the cut line the title, as before.
    const then = docOf([paragraph(`${t.year}年${t.agency}政府信息公开工作年度`), paragraph('作年度报告的说明，如下'), body(t)], {}, 'pdf');
    expect(metaOf(then).title).toBe(`${t.year}年${t.agency}政府信息公开工作年度`);
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: off a scan, the signature over a date line OCR garbled is a reading of the name', (_, t) => {
    const scanned = (text: string): Block => ({ kind: 'paragraph', text, prov: { page: 1, origin: 'ocr' } });
    const misread = `${t.agency.slice(0, -1)}打`;
    const doc = (title: string, signed: string, dateLine: string) =>
      docOf([scanned(`${title}${t.year}年政府信息公开工作年度报告`), scanned(`本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`), scanned(signed), scanned(dateLine)], {}, 'pdf');
    // 2020年1月20日 read 2020481A20H, 2024年1月20 (日 lost), 2023年1月208: the line above is still the signature.
    for (const garbled of [`${t.year + 1}481A20H`, `${t.year + 1}年1月20`, `${t.year + 1}年1月208`]) {
      // The title read right, the signature misread in a character no name ends with: the title's name, read twice.
      const s = analyseStructure(doc(t.agency, misread, garbled));
      expect(s.agency, garbled).toBe(t.agency);
      // No publication date out of a garbled line.
      expect(s.published, garbled).toBeUndefined();
      // Both read right: taken.
      expect(analyseStructure(doc(t.agency, t.agency, garbled)).agency, garbled).toBe(t.agency);
      // The signature naming another body: no agency, as with a clean date line.
      const other = `${t.agency.slice(0, 1) === '沽' ? '河' : '沽'}${t.agency.slice(1)}`;
      expect(analyseStructure(doc(t.agency, other, garbled)).agency, garbled).toBeUndefined();
    }
    // A line of words or a number is no date line, garbled or not: the name read once stays blank.
    for (const notDate of [`${t.year + 1}年度工作要点`, `${t.year + 1} Brig eal`, '2024', '下载时间:2024-03-0110: 21: 35']) {
      expect(analyseStructure(doc(t.agency, misread, notDate)).agency, notDate).toBeUndefined();
    }
    // A text layer's garbled line is not taken for a date line: nothing changes there (a title naming no body, no signature).
    const typed = doc('', t.agency, `${t.year + 1}481A20H`);
    for (const b of typed.blocks) if (b.prov) b.prov.origin = 'text';
    expect(analyseStructure(typed).agency).toBeUndefined();
    expect(analyseStructure(doc('', t.agency, `${t.year + 1}481A20H`)).agency).toBeUndefined();
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: a 年 OCR read before the title\'s year is no part of the name', (_, t) => {
    // 年2022年平潭综合实验区政府信息公开工作年度报告: the stray 年 left by cutting the year would start the name.
    expect(agencyFromTitle(`年${t.year}年${t.agency}政府信息公开工作年度报告`)).toBe(t.agency);
    expect(agencyFromTitle(`年度${t.year}年${t.agency}政府信息公开工作年度报告`)).toBe(t.agency);
    // A name that goes on after its year keeps what it reads: 年 is cut only right before the year.
    expect(agencyFromTitle(`${t.year}年${t.agency}政府信息公开工作年度报告`)).toBe(t.agency);
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: off a scan, a mark OCR read inside the title\'s name (办公\\厅) and 报告 read 报全', (_, t) => {
    const scanned = (text: string): Block => ({ kind: 'paragraph', text, prov: { page: 1, origin: 'ocr' } });
    const marked = `${t.agency.slice(0, -1)}\\${t.agency.slice(-1)}`;
    const doc = (...closing: string[]) =>
      docOf([scanned(`${marked}${t.year}年政府信息公开工`), scanned('作年度报全'), scanned(`本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`), ...closing.map(scanned)], {}, 'pdf');
    const signed = analyseStructure(doc(t.agency, `${t.year + 1}年1月20日`));
    expect(signed.title).toBe(`${marked}${t.year}年政府信息公开工作年度报全`);
    expect(signed.agency).toBe(t.agency);
    // Read once (no signature): still no agency.
    expect(analyseStructure(doc('全年共收到政府信息公开申请21件。')).agency).toBeUndefined();
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: a year OCR read with a mark among its digits (201.2年, 2015，年) is no part of the name', (_, t) => {
    const y = String(t.year);
    expect(agencyFromTitle(`${t.agency}${y.slice(0, 3)}.${y.slice(3)}年政府信息公开工作年aa报告`)).toBe(t.agency);
    expect(agencyFromTitle(`${t.agency}${y}，年政府信息公开工作年度报告`)).toBe(t.agency);
    expect(agencyFromTitle(`${y}.年${t.agency}政府信息公开工作年度报告`)).toBe(t.agency);
    // The comma so read does not end the title's run of lines (a title line never carries a sentence's comma).
    const doc = docOf([paragraph(`${t.agency}${y}，年政府信息公开工作年度`), paragraph('报告'), body(t)], {}, 'pdf');
    expect(metaOf(doc)).toMatchObject({ title: `${t.agency}${y}，年政府信息公开工作年度报告`, agency: t.agency, year: t.year });
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: a title whose 年度 OCR read as 年) still gives the agency alone', (_, t) => {
    expect(agencyFromTitle(`${t.agency}${t.year}年政府信息公开工作年)报告`)).toBe(t.agency);
    expect(agencyFromTitle(`${t.year}年${t.agency}政务公开工作年)报告`)).toBe(t.agency);
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: a scan whose title and signature name different bodies gives no agency, and says why', (_, t) => {
    const scanned = (text: string): Block => ({ kind: 'paragraph', text, prov: { page: 1, origin: 'ocr' } });
    // The title's first character misread as another (平潭 → 沽潭), the signature read right.
    const misread = String.fromCodePoint(t.agency.codePointAt(0)! === 0x6cbd ? 0x6cb3 : 0x6cbd) + t.agency.slice(1);
    const doc = (titleAgency: string, signed: string) =>
      docOf([scanned(`${titleAgency}${t.year}年政府信息公开工作年度报告`), scanned(`本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`), scanned(signed), scanned(`${t.year + 1}年1月20日`)], {}, 'pdf');
    const s = analyseStructure(doc(misread, t.agency));
    expect(s.agency).toBeUndefined();
    expect(s.messages.map((m) => m.code)).toContain('structure-agency-uncertain');
    // Agreeing, or the signature naming the body's office: the title's agency stands.
    expect(analyseStructure(doc(t.agency, t.agency)).agency).toBe(t.agency);
    expect(analyseStructure(doc(t.agency, `${t.agency}办公室`)).agency).toBe(t.agency);
    // The same disagreement in a document with a text layer is the publisher's to explain: the title stands.
    const typed = doc(misread, t.agency);
    for (const b of typed.blocks) if (b.prov) b.prov.origin = 'text';
    expect(analyseStructure(typed).agency).toBe(misread);
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: a name read off a scan alike twice, that the file\'s own title contradicts, is not taken', (_, t) => {
    const scanned = (text: string): Block => ({ kind: 'paragraph', text, prov: { page: 1, origin: 'ocr' } });
    // The same glyph misread the same way in the title and the signature (洪泽 → 洪译): two readings that agree.
    const chars = [...t.agency];
    chars[1] = chars[1] === '译' ? '泽' : '译';
    const misread = chars.join('');
    const doc = (info: string | undefined) =>
      docOf([scanned(`${misread}${t.year}年政府信息公开工作年度报告`), scanned(`本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`), scanned(misread), scanned(`${t.year + 1}年1月20日`)], info ? { title: info } : {}, 'pdf');
    const contradicted = analyseStructure(doc(`${t.agency}${t.year}年政府信息公开工作年度报告`));
    expect(contradicted.agency).toBeUndefined();
    expect(contradicted.messages.map((m) => m.message)).toContain(`read by OCR as ${misread}, while the file's own title names ${t.agency}; agency left blank`);
    // No title of its own, or one naming no body: the two readings stand.
    expect(analyseStructure(doc(undefined)).agency).toBe(misread);
    expect(analyseStructure(doc('Microsoft Word - 年度报告.docx')).agency).toBe(misread);
    // The file's title agreeing: taken.
    expect(analyseStructure(doc(`${misread}${t.year}年政府信息公开工作年度报告`)).agency).toBe(misread);
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: a name read off a scan that does not end as a body\'s name does is not taken', (_, t) => {
    const scanned = (text: string): Block => ({ kind: 'paragraph', text, prov: { page: 1, origin: 'ocr' } });
    const doc = (titleAgency: string, signed: string) =>
      docOf([scanned(`${titleAgency}${t.year}年政府信息公开工作年度报告`), scanned(`本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`), scanned(signed), scanned(`${t.year + 1}年1月20日`)], {}, 'pdf');
    // The name's last character misread as one no name ends with (办公厅 → 办公打).
    const misread = `${t.agency.slice(0, -1)}打`;
    expect(agencyReadByOcr(t.agency)).toBe(t.agency);
    expect(agencyReadByOcr(misread)).toBeUndefined();
    const both = analyseStructure(doc(misread, misread));
    expect(both.agency).toBeUndefined();
    expect(both.messages.map((m) => m.code)).toContain('structure-agency-uncertain');
    // The signature read right stands in for the title.
    expect(analyseStructure(doc(misread, t.agency)).agency).toBe(t.agency);
    // The signature cut short (上海市人民政府办公厅 → 上海市人民政府办), the title misread past it: the short name is
    // found again inside the title's reading, which is no second reading of it.
    const cut = [...t.agency].slice(0, -2).join('');
    if (agencyReadByOcr(cut) === cut) {
      const short = analyseStructure(doc(misread, cut));
      expect(short.agency).toBeUndefined();
      expect(short.messages.map((m) => m.code)).toContain('structure-agency-uncertain');
      // The same with the title line cut inside its last words by OCR (…办公打2019年政府信息公开工 over garbled letters).
      const garbled = analyseStructure(docOf([scanned(`${misread}${t.year}年政府信息公开工`), scanned('TRE'), scanned(`本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`), scanned(cut), scanned(`${t.year + 1}年1月20日`)], {}, 'pdf'));
      expect(garbled.agency).toBeUndefined();
      expect(garbled.messages.map((m) => m.code)).toContain('structure-agency-uncertain');
    }
    // The title's first characters lost (上海市人民政府办公厅 → 办公厅), the signature read whole: the title's tail is found
    // again inside the signature, no second reading of a name of its own.
    const tail = [...t.agency].map((_, i) => [...t.agency].slice(i).join('')).find((end, i) => i > 0 && [...end].length >= 2 && agencyReadByOcr(end) === end);
    if (tail) {
      const headless = analyseStructure(doc(tail, t.agency));
      expect(headless.agency, tail).toBeUndefined();
      expect(headless.messages.map((m) => m.code)).toContain('structure-agency-uncertain');
      const signedTwice = analyseStructure(docOf([scanned(`${tail}${t.year}年政府信息公开工作年度报告`), scanned(`${t.agency}认真贯彻落实《条例》。`), scanned(t.agency), scanned(`${t.year + 1}年1月20日`)], {}, 'pdf'));
      expect(signedTwice.agency, tail).toBe(t.agency);
    }
    // The report's own words after the name, garbled so that the title pattern misses them, are cut.
    expect(agencyReadByOcr(`${t.agency}政府信息公作`)).toBe(t.agency);
    expect(analyseStructure(docOf([scanned(`${t.year}年${t.agency}政府信息公作年度报告`), scanned(`${t.agency}`), scanned(`${t.year + 1}年1月20日`)], {}, 'pdf')).agency).toBe(t.agency);
    // A text layer is the publisher's own spelling: taken as printed.
    const typed = doc(misread, misread);
    for (const b of typed.blocks) if (b.prov) b.prov.origin = 'text';
    expect(analyseStructure(typed).agency).toBe(misread);
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: a name off a scan is taken only when the text reads it twice', (_, t) => {
    const scanned = (text: string): Block => ({ kind: 'paragraph', text, prov: { page: 1, origin: 'ocr' } });
    // One character of the title misread (平潭 → 平漂: the second character, so the name still ends as a name does).
    const chars = [...t.agency];
    chars[1] = chars[1] === '漂' ? '瀑' : '漂';
    const misread = chars.join('');
    // No signature (its date line lost to OCR, as on a scan whose date went over a page break).
    const doc = (titleAgency: string, ...body: string[]) =>
      docOf([scanned(`${t.year}年${titleAgency}政府信息公开工作年度报告`), scanned(`本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`), ...body.map(scanned)], {}, 'pdf');
    const codes = (s: ReturnType<typeof analyseStructure>) => s.messages.map((m) => m.code);

    // Read once and nowhere else: no agency, and the message says why.
    const once = analyseStructure(doc(misread, '全年共收到政府信息公开申请21件。'));
    expect(once.agency).toBeUndefined();
    expect(codes(once)).toContain('structure-agency-uncertain');
    expect(codes(once)).not.toContain('structure-no-agency');
    // The same title read right is no better on its own: one reading cannot vouch for itself.
    expect(analyseStructure(doc(t.agency, '全年共收到政府信息公开申请21件。')).agency).toBeUndefined();
    // Read again in the body: taken.
    expect(analyseStructure(doc(t.agency, `${t.agency}认真贯彻落实《条例》。`)).agency).toBe(t.agency);
    // The title misread, the body reading the right name twice: the name read twice is taken, and said so.
    const reread = analyseStructure(doc(misread, `${t.agency}认真贯彻落实《条例》。`, `${t.agency}`));
    expect(reread.agency).toBe(t.agency);
    expect(reread.messages.find((m) => m.code === 'structure-agency-uncertain')?.message).toContain(misread);
    // Read right only once in the body against the misread title: two readings, one each, no agency.
    expect(analyseStructure(doc(misread, `${t.agency}认真贯彻落实《条例》。`)).agency).toBeUndefined();
    // A text layer is the publisher's own spelling: taken as printed, even once.
    const typed = doc(misread, '全年共收到政府信息公开申请21件。');
    for (const b of typed.blocks) if (b.prov) b.prov.origin = 'text';
    expect(analyseStructure(typed).agency).toBe(misread);
  });

  it.each(truths.map((t) => [t.id, t] as const))('%s: off a scan, of a title year and a period year that differ, only the one read far more often is taken', (_, t) => {
    const scanned = (text: string): Block => ({ kind: 'paragraph', text, prov: { page: 1, origin: 'ocr' } });
    const misread = t.year - 3;
    const doc = (titleYear: number, period: string, ...body: string[]) =>
      docOf([scanned(`${t.agency}${titleYear}年政府信息公开工作年度报告`), scanned(`本报告中所列数据的统计期限自${period}止。`), ...body.map(scanned), scanned(t.agency), scanned(`${t.year + 1}年1月20日`)], {}, 'pdf');
    const wholeYear = (y: number, end = y) => `${y}年1月1日起至${end}年12月31日`;
    // The title's year misread once, the period read right twice: the period's.
    expect(analyseStructure(doc(misread, wholeYear(t.year))).year).toBe(t.year);
    // The period's first year misread (its second read right), the body reading the year again: the title's.
    expect(analyseStructure(doc(t.year, wholeYear(misread, t.year), `${t.year}年，本机关认真贯彻落实《条例》。`)).year).toBe(t.year);
    // One reading each way (a period that names its year once): no year, and the message says why.
    const even = analyseStructure(doc(misread, `${t.year}年1月1日起至12月31日`));
    expect(even.year).toBeUndefined();
    expect(even.messages.find((m) => m.code === 'structure-year-mismatch')?.message).toContain('left blank');
    expect(even.messages.map((m) => m.code)).not.toContain('structure-year-from-published');
    expect(even.messages.map((m) => m.code)).not.toContain('structure-no-year');
    // A text layer: the title's year, as before.
    const typed = doc(misread, `${t.year}年1月1日起至12月31日`);
    for (const b of typed.blocks) if (b.prov) b.prov.origin = 'text';
    expect(analyseStructure(typed).year).toBe(misread);
  });

  it('keeps 政务公开 inside a body\'s own name', () => {
    expect(agencyFromTitle('淮安市政务公开办公室2023年政府信息公开工作年度报告')).toBe('淮安市政务公开办公室');
  });
});

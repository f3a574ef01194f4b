/**
 * What the report says about itself: title, agency, year covered, publication date, publisher.
 */
import type { DocumentModel, Message } from '../../extractors/model.js';
import { agencyFromTitle, qualifyAgency, signature } from './agency.js';
import { agencyOffScan } from './scan-agency.js';
import { findDate } from './dates.js';
import { parseNumber } from './numerals.js';
import { cleanText, timesRead } from './text.js';
import { cleanMetaTitle, titleFromBlocks } from './title.js';

export interface Metadata {
  title?: string;
  agency?: string;
  year?: number;
  published?: string;
  publisher?: string;
  /** The closing agency and date lines, as printed, when the report is signed. */
  signatureLines: string[];
  messages: Message[];
}

/** A mark OCR reads between two ideographs: a speck or a stroke read apart. */
const OCR_MARK_IN_WORD = /(?<=[\u4e00-\u9fff])[\\|/_~`'"]+(?=[\u4e00-\u9fff])/g;

/** How many opening blocks tell whether the title was read off a scan. */
const LEADING_BLOCKS = 6;

/**
 * Formats whose container dates are file timestamps (PDF CreationDate, DOCX dcterms:created), not the
 * day the report was published: only a portal page or crawl header states a publication date.
 */
const CONTAINER_DATE_IS_PUBLICATION = new Set(['html', 'txt']);

export function analyseMetadata(doc: DocumentModel): Metadata {
  const messages: Message[] = [];
  const bodyTitle = titleFromBlocks(doc.blocks);
  const metaTitle = cleanMetaTitle(doc.meta.title);
  const title = bodyTitle ?? metaTitle;
  const bodyText = doc.blocks.map((b) => (b.kind === 'table' ? '' : cleanText(b.text))).join('\n');
  const scanned = doc.blocks.slice(0, LEADING_BLOCKS).some((b) => b.kind !== 'table' && b.prov?.origin === 'ocr');
  const sig = signature(doc.blocks, { ocr: scanned });
  // Off a scan, a mark OCR read between two characters of the title (上海市人民政府办公\厅) is no part of the name.
  const read = (t: string) => agencyFromTitle(scanned ? t.replace(OCR_MARK_IN_WORD, '') : t);
  const readTitleAgency = (bodyTitle && read(bodyTitle)) ?? (metaTitle && agencyFromTitle(metaTitle));
  let agency: string | undefined;
  if (scanned) {
    const offScan = agencyOffScan(readTitleAgency, sig.agency, bodyText.replace(OCR_MARK_IN_WORD, ''));
    messages.push(...offScan.messages);
    agency = offScan.agency;
    // The PDF's own title (its document info) is no OCR reading. The same glyphs read by the same OCR misread
    // the same way (洪泽 as 洪译 in the title and the signature alike), so two readings off the page can agree
    // on a misreading; a name the file's own title contradicts is left blank.
    const own = metaTitle && agencyFromTitle(metaTitle);
    if (agency && own && !agency.includes(own) && !own.includes(agency)) {
      messages.push({ code: 'structure-agency-uncertain', message: `read by OCR as ${agency}, while the file's own title names ${own}; agency left blank` });
      agency = undefined;
    }
  } else if (readTitleAgency) agency = readTitleAgency;
  else if (sig.agency) {
    // The signature alone names the body. The report's sentence on who compiled it (本报告由…编制) naming a longer
    // name the signature's characters are picked from (平潭实验区 of 平潭综合实验区, 淮安市政府 of 淮安市人民政府) says
    // the signature is a short form: the body's name is not printed whole where it is the agency.
    const compiler = compilerIn(bodyText);
    if (compiler && !compiler.includes(sig.agency) && isShortFormOf(sig.agency, compiler)) {
      messages.push({ code: 'structure-agency-uncertain', message: `the title names no body; the signature names ${sig.agency}, the report says it was compiled by ${compiler}; agency left blank` });
    } else agency = sig.agency;
  }
  if (agency) agency = qualifyAgency(agency, bodyText);
  else if (!messages.some((m) => m.code === 'structure-agency-uncertain'))
    messages.push({ code: 'structure-no-agency', message: 'no agency found in the title or the signature' });

  const printedYear = yearIn(bodyTitle);
  const titleYear = printedYear ?? yearIn(metaTitle);
  const periodYear = statisticsPeriodYear(bodyText);
  // In a text layer the title is the publisher's own word; off a scan either year may be OCR's misreading,
  // and only the year the text reads far more often is taken.
  let yearCovered = titleYear ?? periodYear;
  if (titleYear && periodYear && titleYear !== periodYear) {
    let kept: string;
    if (scanned) {
      yearCovered = yearReadMoreOften(bodyText, titleYear, periodYear);
      kept = yearCovered ? `took ${yearCovered}, read far more often in the text` : 'neither is read far more often in the text: year left blank';
    } else if (printedYear === undefined && !CONTAINER_DATE_IS_PUBLICATION.has(doc.format)) {
      // The year only in the file's own title (a Word or PDF document property), which a file copied from last
      // year's report keeps: the report's own statement of its statistics period is the year it covers.
      yearCovered = periodYear;
      kept = "took the statistics period's: the year is not printed in the title, only in the file's own title";
    } else if (printedYear === undefined) {
      // A page's title against the report's statistics period, the printed title naming no year: neither outweighs the other.
      yearCovered = undefined;
      kept = "the printed title names no year, the page's title and the statistics period disagree: year left blank";
    } else kept = "kept the title's year";
    messages.push({ code: 'structure-year-mismatch', message: `the title names ${titleYear} but the statistics period is ${periodYear}; ${kept}` });
  }
  const published =
    (sig.dateLine && findDate(sig.dateLine)) ??
    (CONTAINER_DATE_IS_PUBLICATION.has(doc.format) && doc.meta.published ? findDate(doc.meta.published) : undefined) ??
    portalDateLine(doc);
  let year = yearCovered;
  if (!year && published && !(titleYear && periodYear)) {
    // Reports are published early in the year after the one they cover.
    year = Number(published.slice(0, 4)) - 1;
    messages.push({ code: 'structure-year-from-published', message: `year covered taken as the year before publication (${published})` });
  }
  if (!year && !(titleYear && periodYear)) messages.push({ code: 'structure-no-year', message: 'no year covered found in the title or the statistics period' });

  const signatureLines = [sig.agency, sig.dateLine].filter((t): t is string => Boolean(t));
  return { title, agency, year, published, publisher: doc.meta.publisher?.trim() || undefined, signatureLines, messages };
}

/** The body the report says compiled it: 本报告由平潭综合实验区编制 / 本报告由淮安市人民政府办公室根据《条例》要求编制. */
function compilerIn(text: string): string | undefined {
  return /本报告由([\u4e00-\u9fff（）()]{2,40}?)(?:根据|依据|按照|依照|负责|编制)/.exec(text.replace(/\s+/g, ''))?.[1];
}

/** Are the characters of `short` those of `long` in order, some left out (平潭实验区 of 平潭综合实验区)? */
function isShortFormOf(short: string, long: string): boolean {
  const chars = [...long];
  let at = 0;
  for (const c of short) {
    while (at < chars.length && chars[at] !== c) at++;
    if (at++ >= chars.length) return false;
  }
  return short.length < chars.length;
}

/** Of two years read by OCR, the one the text reads at least twice as often (each 2024年 a reading of its own). */
function yearReadMoreOften(text: string, a: number, b: number): number | undefined {
  const [ta, tb] = [timesRead(text, `${a}年`), timesRead(text, `${b}年`)];
  return ta >= 2 * tb && ta >= 2 ? a : tb >= 2 * ta && tb >= 2 ? b : undefined;
}

function yearIn(title: string | undefined): number | undefined {
  const m = title && /(\d{4}|[〇○零一二三四五六七八九]{4})\s*年/.exec(cleanText(title));
  const y = m ? parseNumber(m[1]!) : undefined;
  return y && y >= 1990 && y <= 2100 ? y : undefined;
}

/** 统计期限自2023年1月1日起至2023年12月31日止 / 从2019年1月1日到12月31日止. */
function statisticsPeriodYear(text: string): number | undefined {
  const m = /(\d{4})年1月1日(?:起)?(?:至|到|—|-|~)/.exec(text) ?? /统计(?:期限|时限|时间|区间)[^。]{0,12}?(\d{4})年/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** A portal's 发布日期：2020-01-31 kept in the body near the top. */
function portalDateLine(doc: DocumentModel): string | undefined {
  for (const b of doc.blocks.slice(0, 8)) {
    if (b.kind === 'table') continue;
    const m = /(?:发布日期|发布时间|成文日期)\s*[:：]\s*(\S{8,12})/.exec(cleanText(b.text));
    const date = m && findDate(m[1]!);
    if (date) return date;
  }
  return undefined;
}

/**
 * The reporting body: from the title (平潭综合实验区2023年度政府信息公开工作年度报告 → 平潭综合实验区),
 * qualified with its city when the title gives a bare district or county name and the report itself
 * spells it out (洪泽区人民政府 + 本报告由淮安市洪泽区人民政府办公室… → 淮安市洪泽区人民政府), else from the
 * signature (agency line above the closing date).
 */
import type { Block } from '../../extractors/model.js';
import { findDate, isDateLine } from './dates.js';
import { blockTexts, cleanText } from './text.js';

/** A year as printed, or as OCR reads it with a mark among or after its digits (201.2年, 2015，年). */
const YEAR = /(?:(?:\d[.,，·]?){3}\d[.,，·]?|[〇○零一二三四五六七八九]{4})\s*年度?/;
const BRACKETED_YEAR = new RegExp(`[（(]${YEAR.source}[）)]`);
const REPORT_TAIL = /(?:的)?(?:政府信息公开|政务公开|信息公开|政府信息与政务公开)(?:工作)?(?:年度)?(?:报告|年报|工作报告).*$|(?:的)?(?:政府信息公开|政务公开|信息公开)(?:工作)?年度$|(?:年度)?(?:工作)?(?:报告|年报)$/;

export function agencyFromTitle(title: string): string | undefined {
  const bare = cleanText(title)
    .replace(/[《》“”"\s]/g, '')
    // A portal's tag before the title (【年报】, [公开]) is not part of the name.
    .replace(/^(?:【[^】]{0,10}】|\[[^\]]{0,10}\])+/, '')
    // A 年 or 年度 OCR read before the year (年2022年平潭…: a stroke of the big title characters read twice) would
    // start the name once the year is cut.
    .replace(new RegExp(`^[年度]+(?=${YEAR.source})`), '')
    .replace(BRACKETED_YEAR, '')
    .replace(YEAR, '');
  const name = cutReportWords(bare)
    .replace(REPORT_TAIL, '')
    .replace(/^(?:关于)/, '')
    .replace(/(?:关于|的|度)$/, '')
    // A tail the pattern above missed (工作年)报告 in a scan's OCR, a title line cut after 公开工作 or 公开工) is cut
    // where the report's own words start.
    .replace(/(?:的)?(?:政府信息公开|政务公开|政府信息与政务公开)(?:(?:工作)?(?:年|报告).*|工作?)$/, '')
    // …关于 left before the words cut off just above (平潭综合实验区关于2024年政府信息公开工作, the line cut before 的报告).
    .replace(/关于$/, '');
  return /^[\u4e00-\u9fff（）()]{2,40}$/.test(name) ? name : undefined;
}

/**
 * The report's own words at the end of a title, however worded: 政府信息公开工作年度报告, 关于…工作情况的报告,
 * 政府信息公开和政务公开工作年度报告, 信息公开年报. They start with what the report is about and end with 报告 or 年报.
 */
const REPORT_WORDS = /^(?:关于)?(?:的)?(?:政府信息与政务公开|政府信息公开|政务公开|信息公开)(?:政府信息公开|政务公开|信息公开|政府信息|工作|年度|情况|的|和|与|及|暨)*(?:报告|年报)$/;

/**
 * The title without its report words, cut where they start first; a body's own name that holds such words
 * (淮安市政务公开办公室) is kept, the words after it not being the report's alone. …人民政府信息公开年报 reads as
 * 政府信息公开 after 人民, which no name ends with: the 政府 is the name's (人民政府), the words 信息公开年报.
 */
function cutReportWords(title: string): string {
  for (let at = 0; at < title.length; at++) {
    if (!REPORT_WORDS.test(title.slice(at))) continue;
    const name = title.slice(0, at);
    return /人民$/.test(name) && title.startsWith('政府', at) && REPORT_WORDS.test(title.slice(at + 2)) ? title.slice(0, at + 2) : name;
  }
  return title;
}

/**
 * How the name of a reporting body ends. OCR misreads a title's last character now and then (办公打 for
 * 办公厅) or garbles the words after the name (…办公厅政府信息公作): a name read off a scan that does not
 * end so is no name we can vouch for.
 */
const AGENCY_END = /(?:厅|局|委|会|政府|办公室|办|室|中心|院|署|部|处|所|站|队|区|县|市|省|镇|乡|街道|办事处|馆|台|社|团|校|行|旗|州|盟|场|司|组)$/;

/**
 * A name read by OCR as an agency, or undefined when it does not read as one. A tail of the report's own
 * words that the title pattern missed because OCR garbled them is cut first.
 */
export function agencyReadByOcr(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (AGENCY_END.test(name)) return name;
  const cut = /^(.{2,}?)(?:的)?(?:政府信息|政务公开|信息公开)/.exec(name)?.[1];
  return cut && AGENCY_END.test(cut) ? cut : undefined;
}

/** A county-level name at the start (洪泽区…, 市中区…), not already led by its city (上海市浦东新区…). */
const BARE_COUNTY = /^[\u4e00-\u9fff]{1,6}?(?:区|县|旗)/;
/** Characters that end the words before a place name (本报告由|请与|根据…). */
const BOUNDARY = new Set([...'由与向请对据经在和及是为将于从被给、，。：；（）“”《》 ']);
/** Function words that never sit inside a place name. */
const NOT_IN_NAME = new Set([...'由与向请对据经在于从被给']);
const CITY_END = /(?:省|市|自治区|自治州|州|盟|地区)$/;

export function qualifyAgency(agency: string, bodyText: string): string {
  const county = BARE_COUNTY.exec(agency)?.[0];
  if (!county || /[省市州]/.test(county.slice(1, -1))) return agency;
  for (let at = bodyText.indexOf(agency); at >= 0; at = bodyText.indexOf(agency, at + 1)) {
    const prefix = cityBefore(bodyText, at);
    if (prefix) return prefix + agency;
  }
  return agency;
}

function cityBefore(text: string, at: number): string | undefined {
  let best: string | undefined;
  for (let len = 2; len <= 10 && len <= at; len++) {
    const candidate = text.slice(at - len, at);
    if (!/^[\u4e00-\u9fff]+$/.test(candidate)) break;
    const before = at - len > 0 ? text[at - len - 1]! : ' ';
    const atBoundary = BOUNDARY.has(before) || !/[\u4e00-\u9fff]/.test(before);
    if (atBoundary && ![...candidate].some((c) => NOT_IN_NAME.has(c)) && CITY_END.test(candidate)) best = candidate;
  }
  return best;
}

/** How many closing blocks may hold the signature. */
const SIGNATURE_WINDOW = 6;

/**
 * A closing date line as OCR garbles it (2020年1月20日 read 2020481A20H, 2024年1月20 with 日 lost): a year, then
 * only digits, 年月日 and Latin letters — no space, no other word — with a digit among them.
 */
const GARBLED_DATE_LINE = /^(?:19|20)\d{2}(?=[^\d]*\d)[0-9年月日A-Za-z]{2,10}$/;

/**
 * The signature: an agency line directly above the closing date line (or both on one line). Off a scan
 * (`ocr`), where no date line is read whole, the line above a date line OCR garbled is the signature too;
 * its date is not taken.
 */
export function signature(blocks: Block[], options: { ocr?: boolean } = {}): { agency?: string; dateLine?: string } {
  const texts = blockTexts(blocks).slice(-SIGNATURE_WINDOW);
  const signed = signatureIn(texts);
  if (signed.dateLine || !options.ocr) return signed;
  for (let i = texts.length - 1; i >= 1; i--) {
    if (GARBLED_DATE_LINE.test(texts[i]!) && !findDate(texts[i]!)) return isAgencyLine(texts[i - 1]!) ? { agency: texts[i - 1] } : {};
  }
  return signed;
}

function signatureIn(texts: string[]): { agency?: string; dateLine?: string } {
  for (let i = texts.length - 1; i >= 0; i--) {
    const t = texts[i]!;
    if (isDateLine(t)) {
      const above = texts[i - 1];
      const agency = above && isAgencyLine(above) ? above : undefined;
      return { agency, dateLine: t };
    }
    const oneLine = /^(\S{2,30}?)\s*((?:\d{4}|[〇○零一二三四五六七八九]{4})年\S{1,8}月\S{1,8}日)$/.exec(t.replace(/\s+/g, ' '));
    if (oneLine && isAgencyLine(oneLine[1]!) && isDateLine(oneLine[2]!)) return { agency: oneLine[1], dateLine: oneLine[2] };
  }
  return {};
}

function isAgencyLine(text: string): boolean {
  return text.length >= 2 && text.length <= 30 && !/[。；！？：:，,\d]/.test(text);
}

/**
 * The key that groups one agency across years: width-folded, no spaces, without the office suffix the
 * compiling office adds (平潭综合实验区管委会办公室 and 平潭综合实验区管委会 → 平潭综合实验区, 淮安市人民政府办公室 →
 * 淮安市人民政府). src/checks/cross-year/agency-key.ts groups the same way.
 * 办公厅 stays: a government's 办公厅 reports as an agency of its own.
 */
export function normaliseAgency(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(?:党工委)?(?:管委会|管理委员会)(?:办公室)?$/, '')
    .replace(/(人民政府|政府)办公室$/, '$1');
}

/** Dates as reports print them: 2024年1月11日, 二〇二四年一月十一日, 2024-01-11, 2024.1.11. */
import { parseNumber } from './numerals.js';
import { cleanText } from './text.js';

const CN = '零〇○Ｏ一二两三四五六七八九十';
const DATE_CN = new RegExp(`(\\d{4}|[${CN}]{4})年(\\d{1,2}|[${CN}]{1,3})月(\\d{1,2}|[${CN}]{1,3})日`);
const DATE_ISO = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
/** The whole text a date: compiled once, not per line. */
const ONLY_DATE_CN = new RegExp(`^${DATE_CN.source}$`);
const ONLY_DATE_ISO = new RegExp(`^${DATE_ISO.source}$`);

/** The first date in the text as YYYY-MM-DD, or undefined. */
export function findDate(text: string): string | undefined {
  const t = cleanText(text);
  const m = DATE_CN.exec(t) ?? DATE_ISO.exec(t);
  if (!m) return undefined;
  return isoDate(parseNumber(m[1]!), parseNumber(m[2]!), parseNumber(m[3]!));
}

/** True when the text is nothing but a date (a signature line). */
export function isDateLine(text: string): boolean {
  const t = cleanText(text);
  return (
    ONLY_DATE_CN.test(t) || ONLY_DATE_ISO.test(t)
  ) && findDate(t) !== undefined;
}

function isoDate(y?: number, m?: number, d?: number): string | undefined {
  if (y === undefined || m === undefined || d === undefined) return undefined;
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

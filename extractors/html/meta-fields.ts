/**
 * Portal field values in text: dates in the forms portals print them, and the 发布时间：/来源：/发布机构：
 * fields of an article's info line.
 */

/** yyyy-mm-dd from 2024-03-08, 2024/3/8, 2024.03.08 or 2024年3月8日, or undefined if not a real date. */
export function isoDate(text: string): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const STRONG_DATE_LABEL = /(?:发布|发表|公开|发文|上传)(?:时间|日期)\s*[:：]\s*([0-9０-９][^\n]{0,30})/;
const WEAK_DATE_LABEL = /(?<![成印生])(?:时间|日期)\s*[:：]\s*([0-9][^\n]{0,30})/;
const PUBLISHER_LABELS = [
  /(?:发布机构|发布单位|发文机关|发文单位|发布部门)\s*[:：]\s*([^\s|｜:：]{2,40})/,
  /(?:信息来源|文章来源|来源)\s*[:：]\s*([^\s|｜:：]{2,40})/,
];
// A value runs into the next label when spans sit side by side without a space.
const NEXT_LABEL = /(?:发布|时间|日期|作者|浏览|点击|阅读|字号|索引号|【).*$/;

export function labelledDate(lines: string[]): string | undefined {
  for (const pattern of [STRONG_DATE_LABEL, WEAK_DATE_LABEL]) {
    for (const line of lines) {
      const m = pattern.exec(line);
      const date = m ? isoDate(m[1]) : undefined;
      if (date) return date;
    }
  }
  return undefined;
}

export function labelledPublisher(lines: string[]): string | undefined {
  for (const pattern of PUBLISHER_LABELS) {
    for (const line of lines) {
      const value = pattern.exec(line)?.[1]?.replace(NEXT_LABEL, '');
      if (value && value.length >= 2 && /[\u4e00-\u9fff]/.test(value)) return value;
    }
  }
  return undefined;
}

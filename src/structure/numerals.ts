/**
 * Numbers as Chinese reports print them: Arabic with thousands separators, or Chinese numerals
 * (三、十二、一百零五、二〇二四 digit by digit in dates).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '零〇○Ｏ一二两三四五六七八九十百千万';
/** An Arabic number (optionally 1,234 grouped, optionally decimal) or a run of Chinese numerals. */
export const NUMBER_PATTERN = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+)`;

/** Compiled once, not per call: parseNumber runs for every cell of every document. */
const ONLY_CHINESE_NUMERALS = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+$`);

/** Parses an Arabic or Chinese number; undefined when the text is not one. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  const n = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(t) ? Number(t.replace(/,/g, '')) : ONLY_CHINESE_NUMERALS.test(t) ? parseChineseNumber(t) : undefined;
  // A run of digits no report counts to (spaced digits of a damaged page joined up) is no figure: as a
  // number it would be huge, or Infinity past 308 digits.
  return n !== undefined && n < LARGEST_FIGURE ? n : undefined;
}

/** 10¹⁵: every integer below it is exact in a double, and no count or amount of a report comes near it. */
const LARGEST_FIGURE = 1e15;

export function parseChineseNumber(text: string): number | undefined {
  // Digit-by-digit form (二〇二四): no unit characters.
  if (!/[十百千万]/.test(text)) {
    let n = 0;
    for (const ch of text) {
      const d = DIGITS[ch];
      if (d === undefined) return undefined;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      // 十二 means 12: a unit without a digit before it counts once.
      section += (digit ?? 1) * UNITS[ch]!;
      digit = undefined;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * Word list numbers as text: the numFmt values government documents use (Chinese counting 一、二、,
 * circled ①, full-width, letters, roman), so an auto-numbered heading reads "一、总体情况" as printed.
 */
const CHINESE_DIGITS = '〇一二三四五六七八九';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : CHINESE_DIGITS[d]) + unit;
  });
  return out;
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: 27 → AA, 28 → BB.
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  const text = letter.repeat(Math.floor((n - 1) / 26) + 1);
  return upper ? text : text.toLowerCase();
}

function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, symbol] of table) while (n >= value) { out += symbol; n -= value; }
  return upper ? out : out.toLowerCase();
}

function cycle(chars: string, n: number): string {
  return n > 0 ? chars[(n - 1) % chars.length] : String(n);
}

/** The text of number `n` in Word number format `format`; undefined for bullets and "none". */
export function formatNumber(n: number, format: string): string | undefined {
  switch (format) {
    case 'bullet':
    case 'none':
      return undefined;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'ideographTraditional':
      return cycle(HEAVENLY_STEMS, n);
    case 'ideographZodiac':
      return cycle(EARTHLY_BRANCHES, n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n, true);
    case 'lowerRoman':
      return roman(n, false);
    default:
      return String(n);
  }
}

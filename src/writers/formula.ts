/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): Excel, WPS and LibreOffice run a cell that
 * begins with = + - @ (or a tab or carriage return before one) as a formula. Crawled titles and file
 * names are attacker-controlled, so every text field written to a CSV or workbook goes through here.
 * Numbers are written as numbers and never pass through: -3 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** The text with a leading apostrophe when a spreadsheet would read it as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

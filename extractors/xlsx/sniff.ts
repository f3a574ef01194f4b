/**
 * Is this an XLSX? Zip magic and a spreadsheet part (xl/…) among the entry names visible in the first
 * bytes, nothing is inflated. When the head names no Office part at all (a large first entry), the
 * extension decides and the reader checks the parts.
 */
import { visibleEntryNames, ZIP_MAGIC } from '../docx/zip.js';

const SPREADSHEET_PART = /^xl\//;
const OTHER_OFFICE_PART = /^(word|ppt)\/|^mimetype$|^content\.xml$|^META-INF\//;

export function looksLikeXlsx(head: Buffer, name: string | undefined): boolean {
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) return false;
  const names = visibleEntryNames(head);
  if (names.some((n) => SPREADSHEET_PART.test(n))) return true;
  if (names.some((n) => OTHER_OFFICE_PART.test(n))) return false;
  return /\.(xlsx|xlsm)$/i.test(name ?? '');
}

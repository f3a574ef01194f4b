/**
 * Is this a DOCX? Zip magic, and a Word part among the entry names visible in the first bytes. Other zips (XLSX, PPTX, ODT, EPUB) name their own parts there and are refused; OLE2 files
 * (legacy .doc/.wps) do not start with the zip magic at all.
 */
import { visibleEntryNames, ZIP_MAGIC } from './zip.js';

const WORD_PART = /^word\//;
const OTHER_OFFICE_PART = /^(xl|ppt)\/|^mimetype$|^content\.xml$|^META-INF\//;

export function looksLikeDocx(head: Buffer, name: string | undefined): boolean {
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) return false;
  const names = visibleEntryNames(head);
  if (names.some((n) => WORD_PART.test(n))) return true;
  if (names.some((n) => OTHER_OFFICE_PART.test(n))) return false;
  // Word's first parts are small, so word/ shows up early; when the head says nothing either way
  // (a large first entry), the extension decides and read() checks the parts.
  return /\.docx$/i.test(name ?? '');
}

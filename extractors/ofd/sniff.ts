/**
 * Is this an OFD (GB/T 33190, China's fixed-layout document format)? Zip magic, and its root file
 * `OFD.xml` among the entry names visible in the first bytes (nothing is inflated). A zip of reports
 * that holds .ofd files stored uncompressed shows their own OFD.xml in its head too: a visible name
 * ending in .ofd makes it an archive, not one document. When the head names nothing (a large first
 * entry, a picture stored first), the extension decides and the reader checks the parts.
 */
import { visibleEntryNames, ZIP_MAGIC } from '../docx/zip.js';

export const OFD_ROOT = 'OFD.xml';
/** Parts of the other zip formats (Office Open XML, OpenDocument, EPUB). */
const OTHER_PACKAGE_PART = /^(word|xl|ppt)\/|^\[Content_Types\]\.xml$|^mimetype$|^content\.xml$|^META-INF\//;

export function looksLikeOfd(head: Buffer, name: string | undefined): boolean {
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) return false;
  const names = visibleEntryNames(head);
  if (names.some((n) => /\.ofd$/i.test(n))) return false;
  if (names.includes(OFD_ROOT)) return true;
  if (names.some((n) => OTHER_PACKAGE_PART.test(n))) return false;
  return /\.ofd$/i.test(name ?? '');
}

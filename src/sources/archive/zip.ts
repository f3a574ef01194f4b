/** Zip archives, read in-process with the DOCX reader's zip code (its caps are checked before anything is inflated). */
import { extname } from 'node:path';
import { detectReader } from '../../../extractors/detect.js';
import { openZip, ZIP_MAGIC } from '../../../extractors/docx/zip.js';
import type { ArchiveKind } from './kind.js';

/** Formats that are zips themselves, read by their own readers. */
const ZIP_FORMATS = new Set(['docx', 'xlsx', 'ofd']);

export const zipArchive: ArchiveKind = {
  id: 'zip',
  magics: [ZIP_MAGIC],
  sniff(head, reportExtensions, path) {
    if (!head.subarray(0, 4).equals(ZIP_MAGIC)) return false;
    // A first entry that is a report or a folder makes an archive, whatever the readers' sniffers see in
    // a stored (uncompressed) zip's head: a member PDF's header, or a member DOCX's word/ parts.
    const first = firstEntryName(head);
    const format = detectReader(head, path)?.format ?? '';
    // An OFD may start with its document folder (Doc_0/): with OFD.xml in the head, it is one document.
    if (format === 'ofd' && first !== undefined && /^Doc_\d+\/$/i.test(first)) return false;
    if (first !== undefined && (first.endsWith('/') || reportExtensions.includes(extname(first).slice(1).toLowerCase()))) return true;
    return !ZIP_FORMATS.has(format);
  },
  async open(_path, bytes, limits) {
    const zip = await openZip(bytes, limits, 'zip');
    // An Office Open XML package or an OFD the sniffers did not claim is no archive of reports: its reader says what it is.
    if (zip.parts.has('[Content_Types].xml') || zip.parts.has('OFD.xml')) {
      zip.close();
      return undefined;
    }
    return {
      names: [...zip.parts.keys()],
      read: async (name) => (await zip.read(name)) ?? Buffer.alloc(0),
      close: () => zip.close(),
    };
  },
};

/** The name in the zip's first local header (as bytes read as Latin-1: only its ending is looked at). */
function firstEntryName(head: Buffer): string | undefined {
  if (head.length < 30) return undefined;
  const length = head.readUInt16LE(26);
  return head.length >= 30 + length ? head.subarray(30, 30 + length).toString('latin1') : undefined;
}

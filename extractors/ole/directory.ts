/**
 * What an OLE2 compound file holds, from its directory: Word (.doc, WPS .wps) keeps a `WordDocument`
 * stream, Excel (.xls) and WPS Spreadsheets (.et) a `Workbook` (BIFF8) or `Book` (BIFF5) stream. The
 * container is the same, so only these names tell a report from a statistics workbook. Reads only the
 * bytes it is given (a sniffer sees the first 64 KiB): a directory that lies beyond them is partly
 * listed, and the caller falls back to the file name.
 */

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const HEADER_BYTES = 512;
const END_OF_CHAIN = 0xfffffffe;
/** Sector ids at or above this are markers (free, end of chain, FAT, DIFAT), never data. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const ENTRY_BYTES = 128;
const HEADER_DIFAT_ENTRIES = 109;
/** A directory chain longer than this is a loop or a hostile file: real ones have a handful of sectors. */
const MAX_DIRECTORY_SECTORS = 1024;

export type OleContent = 'word' | 'workbook';

export function isOle2(head: Buffer): boolean {
  return head.length >= 8 && head.subarray(0, 8).equals(OLE2_MAGIC);
}

/** The stream and storage names of the directory, as far as it lies within `bytes` (and its FAT chain can be followed). */
export function oleStreamNames(bytes: Buffer): string[] {
  const names: string[] = [];
  if (bytes.length < HEADER_BYTES) return names;
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return names;
  const sectorBytes = 1 << shift;
  const idsPerFatSector = sectorBytes / 4;
  const sectorOffset = (sid: number) => (sid + 1) * sectorBytes;
  const nextSector = (sid: number): number | undefined => {
    const fatIndex = Math.floor(sid / idsPerFatSector);
    if (fatIndex >= HEADER_DIFAT_ENTRIES) return undefined;
    const fatSector = bytes.readUInt32LE(0x4c + fatIndex * 4);
    if (fatSector >= MAX_REGULAR_SECTOR) return undefined;
    const at = sectorOffset(fatSector) + (sid % idsPerFatSector) * 4;
    return at + 4 <= bytes.length ? bytes.readUInt32LE(at) : undefined;
  };

  let sid = bytes.readUInt32LE(0x30);
  for (let visited = 0; sid !== END_OF_CHAIN; visited++) {
    const start = sectorOffset(sid);
    if (sid >= MAX_REGULAR_SECTOR || visited >= MAX_DIRECTORY_SECTORS || start + sectorBytes > bytes.length) return names;
    for (let at = start; at < start + sectorBytes; at += ENTRY_BYTES) {
      const nameBytes = bytes.readUInt16LE(at + 64);
      const type = bytes[at + 66];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue; // an unused slot
      names.push(bytes.toString('utf16le', at, at + nameBytes - 2));
    }
    const next = nextSector(sid);
    if (next === undefined) return names;
    sid = next;
  }
  return names;
}

const WORKBOOK_EXTENSION = /\.(?:xls|xlt|et|ett)$/i;

/** Word or workbook as the stream names say, or undefined when they say neither (not all visible, or an unusual producer). */
export function oleContentByStreams(bytes: Buffer): OleContent | undefined {
  const names = oleStreamNames(bytes);
  if (names.includes('WordDocument')) return 'word';
  if (names.includes('Workbook') || names.includes('Book')) return 'workbook';
  return undefined;
}

/**
 * Word or workbook, from the stream names, else from the file name: .xls/.xlt/.et/.ett are workbooks,
 * anything else is left to the Word path as before.
 */
export function oleContent(bytes: Buffer, name: string | undefined): OleContent {
  return oleContentByStreams(bytes) ?? (WORKBOOK_EXTENSION.test(name ?? '') ? 'workbook' : 'word');
}

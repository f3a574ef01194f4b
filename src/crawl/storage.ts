/**
 * Content-addressed storage: <out>/files/<sha256><ext>. The extension comes from the bytes first and
 * the Content-Type second, never from the URL (download.jsp?id=3 says nothing; a .pdf link may serve
 * an HTML error page). Identical content is written once; writes are temp file + rename so a killed
 * crawl never leaves half a file under a final name.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite, isTempName } from '../util/atomic.js';
import { oleContentByStreams } from '../../extractors/ole/directory.js';

export interface StoredFile {
  sha256: string;
  /** Relative to the crawl directory, with forward slashes. */
  path: string;
  extension: string;
}

const CONTENT_TYPE_EXTENSIONS: Array<[RegExp, string]> = [
  [/pdf/, '.pdf'],
  [/wordprocessingml/, '.docx'],
  [/spreadsheetml/, '.xlsx'],
  [/msword/, '.doc'],
  [/ms-excel|kset/, '.xls'],
  [/kswps|wps-office|vnd\.ms-works/, '.wps'],
  [/zip/, '.zip'],
  [/rar/, '.rar'],
  [/7z/, '.7z'],
  [/html/, '.html'],
  [/json/, '.json'],
  [/xml/, '.xml'],
  [/text\/plain/, '.txt'],
  [/image\/png/, '.png'],
  [/image\/jpe?g/, '.jpg'],
  [/image\/tiff/, '.tif'],
  [/image\/(x-ms-)?bmp/, '.bmp'],
  [/image\/webp/, '.webp'],
  [/image\/gif/, '.gif'],
];

/** Pictures by their first bytes (a portal serves them as octet-stream often enough). */
const IMAGE_MAGIC: Array<[string, string]> = [
  ['89504e470d0a1a0a', '.png'],
  ['ffd8ff', '.jpg'],
  ['49492a00', '.tif'],
  ['4d4d002a', '.tif'],
  ['474946383', '.gif'],
];

/** Archives other than zip by their first bytes (read through bsdtar: src/sources/archive/). */
const ARCHIVE_MAGIC: Array<[string, string]> = [
  ['526172211a07', '.rar'],
  ['377abcaf271c', '.7z'],
];

export function extensionFor(body: Buffer, contentType: string | undefined): string {
  const type = (contentType ?? '').toLowerCase();
  const sniffed = sniffExtension(body, type);
  if (sniffed) return sniffed;
  for (const [pattern, extension] of CONTENT_TYPE_EXTENSIONS) if (pattern.test(type)) return extension;
  return '.bin';
}

function sniffExtension(body: Buffer, type: string): string | undefined {
  const head = body.subarray(0, 8);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return '.pdf';
  const hex = head.toString('hex');
  for (const [magic, extension] of [...IMAGE_MAGIC, ...ARCHIVE_MAGIC]) if (hex.startsWith(magic)) return extension;
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && body.subarray(8, 12).toString('latin1') === 'WEBP') return '.webp';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return zipFlavour(body);
  if (head.toString('hex') === 'd0cf11e0a1b11ae1') {
    // Word, Excel and WPS (.wps, .et) all use the OLE container: its stream names tell a workbook from
    // a document, else the declared type does.
    const content = oleContentByStreams(body);
    if (content === 'workbook' || (!content && /excel|spreadsheet|kset/.test(type))) return '.xls';
    if (/wps/.test(type)) return '.wps';
    return '.doc';
  }
  const text = body.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  if ((text.startsWith('{') || text.startsWith('[')) && /json/.test(type)) return '.json';
  // An XML prolog may open XHTML too; only an <html> element makes it a page (RSS has <title> as well).
  const isXml = text.startsWith('<?xml');
  if (text.startsWith('<!doctype html') || /<html[\s>]/.test(text) || (!isXml && /<(head|body|meta|title)[\s>]/.test(text.slice(0, 512)))) return '.html';
  if (isXml) return '.xml';
  return undefined;
}

/** DOCX, XLSX and OFD are zips whose first entries name word/ or xl/ parts, or OFD.xml (and no .ofd members: a zip of OFD reports). */
function zipFlavour(body: Buffer): string {
  const names = body.subarray(0, 64 * 1024).toString('latin1');
  if (names.includes('OFD.xml') && !/\.ofd/i.test(names)) return '.ofd';
  if (names.includes('word/')) return '.docx';
  if (names.includes('xl/')) return '.xlsx';
  return '.zip';
}

export function sha256Of(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * A path as storeContent writes it. The crawl database is read back on resume, and a 304 answer reads
 * the earlier file: anything else in its path column (`../`, absolute) is not ours and is not read.
 */
export function isStoredPath(path: string): boolean {
  return /^files\/[0-9a-f]{64}\.[a-z0-9]{1,8}$/.test(path);
}

export async function storeContent(crawlDir: string, body: Buffer, contentType: string | undefined): Promise<StoredFile> {
  const sha256 = sha256Of(body);
  const extension = extensionFor(body, contentType);
  const relative = `files/${sha256}${extension}`;
  const absolutePath = join(crawlDir, relative);
  if (!(await exists(absolutePath))) {
    await mkdir(join(crawlDir, 'files'), { recursive: true });
    await atomicWrite(absolutePath, body);
  }
  return { sha256, path: relative, extension };
}

/** Temp files (files/ and the manifest) of a crawl killed mid-write: never referenced by the store, safe to delete. */
export async function removeStaleTempFiles(crawlDir: string): Promise<number> {
  let removed = 0;
  for (const dir of [crawlDir, join(crawlDir, 'files')]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const stale = names.filter(isTempName);
    await Promise.all(stale.map((name) => unlink(join(dir, name)).catch(() => undefined)));
    removed += stale.length;
  }
  return removed;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

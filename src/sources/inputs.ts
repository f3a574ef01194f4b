/**
 * What the user named on the command line (files, folders, globs) as the list of documents to read.
 * Files named explicitly are always read, whatever their extension; folders contribute the files that
 * look like reports (walk.ts: no symlink loops, nothing outside the folder, names kept as bytes); a
 * crawl folder (with manifest.ndjson) contributes its downloaded files with URLs.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import fg from 'fast-glob';
import { displayPath, filePathFromBytes, isWithin, joinPath, pathBytes, type FilePath } from './file-path.js';
import { walkReportFiles } from './walk.js';

/** Facts known from outside a file (a crawl manifest), carried into its record. */
export interface KnownFacts {
  sourceUrl?: string;
  published?: string;
  publisher?: string;
  parentUrl?: string;
  /** The pictures a crawl stored for this page: picture URL → the stored file (read for the page's <img>). */
  pictures?: Record<string, string>;
}

export interface InputItem {
  /** Path to read: a Buffer when the name is not valid UTF-8. */
  path: FilePath;
  /** The input as the user gave it (or the crawl's URL), for the `source` column; bytes that are not UTF-8 shown as \xNN. */
  source: string;
  /**
   * Where the source's bytes can be read back when the source names no local file: a crawl's stored
   * file for its URL, `archive.zip!/member` for a report read out of an archive (the audit's evidence).
   */
  origin?: string;
  known?: KnownFacts;
  /** The sha256 a crawl manifest recorded: bytes that differ are refused, not read as that report. */
  expectedSha256?: string;
  /** Set when the input must not be read at all (a manifest path outside its crawl folder): the failed record's reason. */
  refusal?: string;
}

export const REPORT_EXTENSIONS = ['pdf', 'ofd', 'docx', 'doc', 'wps', 'xlsx', 'xls', 'et', 'html', 'htm', 'shtml', 'xhtml', 'txt', 'md', 'text'];

/**
 * Pictures (a report scanned to .jpg or .tif is read as one: extractors/image) a folder walk does not
 * take: a folder of saved pages and downloads holds logos, banners and the pages' own pictures, each of
 * which would cost an OCR pass to be refused. They are counted, so the run can say how to read them.
 */
export const PICTURE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'tif', 'tiff', 'bmp', 'webp'];

/** Archives a folder walk also takes: their reports are read (archives.ts). */
export const ARCHIVE_EXTENSIONS = ['zip', 'rar', '7z'];

/** Reads a crawl folder's manifest; provided by the crawler module when present. */
export type ManifestLoader = (dir: string) => Promise<InputItem[] | undefined>;

export interface ExpandResult {
  items: InputItem[];
  /** Inputs that matched nothing: reported, never silently dropped. */
  missing: string[];
  /** Picture files in the folders walked, not taken (PICTURE_EXTENSIONS), those of a saved page (NAME_files/) aside. */
  pictures: number;
}

export async function expandInputs(inputs: string[], manifestLoader?: ManifestLoader): Promise<ExpandResult> {
  const items: InputItem[] = [];
  const missing: string[] = [];
  let pictures = 0;
  const seen = new Set<string>();
  const add = (item: InputItem) => {
    const key = typeof item.path === 'string' ? resolve(item.path) : pathBytes(item.path).toString('latin1');
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isFile()) {
      add({ path: input, source: input });
    } else if (info?.isDirectory()) {
      const fromManifest = manifestLoader ? await manifestLoader(input) : undefined;
      if (fromManifest) {
        fromManifest.forEach(add);
        continue;
      }
      for (const file of await walkReportFiles(input, [...REPORT_EXTENSIONS, ...ARCHIVE_EXTENSIONS, ...PICTURE_EXTENSIONS])) {
        if (!PICTURE.test(file.relative)) add({ path: file.path, source: displayPath(file.path) });
        else if (!SAVED_PAGE_FOLDER.test(file.relative)) pictures++;
      }
    } else if (fg.isDynamicPattern(input)) {
      const files = await globFiles(input);
      if (!files.length) missing.push(input);
      for (const f of files) add({ path: f, source: displayPath(f) });
    } else {
      missing.push(input);
    }
  }
  return { items, missing, pictures };
}

const PICTURE = new RegExp(`\\.(?:${PICTURE_EXTENSIONS.join('|')})$`, 'i');

/** A folder a browser's "save page as" writes a page's pictures to: NAME_files or NAME.files. */
const SAVED_PAGE_FOLDER = /(?:^|\/)[^/]+[_.]files\//;

/**
 * A glob's files. Symbolic links to folders are not descended (no loops); a link to a file is kept
 * only when it stays inside the pattern's fixed leading folders.
 */
async function globFiles(pattern: string): Promise<FilePath[]> {
  const matches = await fg(pattern, { onlyFiles: false, markDirectories: true, followSymbolicLinks: false, dot: false });
  const base = await realpath(staticBase(pattern), { encoding: 'buffer' }).catch(() => undefined);
  const files: FilePath[] = [];
  for (const match of matches.sort()) {
    if (match.endsWith('/')) continue;
    for (const path of match.includes('\ufffd') ? await byteNames(match) : [match]) {
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) continue;
      const real = await realpath(path, { encoding: 'buffer' }).catch(() => undefined);
      if (!real || !base || !isWithin(real, base)) continue;
      files.push(path);
    }
  }
  return files;
}

/**
 * fast-glob decodes names as UTF-8, so a name that is not comes back with U+FFFD and names no file.
 * The folder's names as bytes that decode to the same text are the files it matched (several names
 * may collapse into one such text: each is its own file).
 */
async function byteNames(match: string): Promise<FilePath[]> {
  const names = await readdir(dirname(match), { encoding: 'buffer' }).catch(() => [] as Buffer[]);
  const wanted = basename(match);
  return names.filter((name) => name.toString('utf8') === wanted).map((name) => joinPath(dirname(match), filePathFromBytes(name)));
}

/** The folders of a pattern before its first wildcard: `reports/2023/**` → `reports/2023`. */
function staticBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (part !== '' && fg.isDynamicPattern(part)) break;
    fixed.push(part);
  }
  if (fixed.length === 0) return '.';
  return fixed.join('/') || '/';
}


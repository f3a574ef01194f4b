/**
 * The pictures of a page's article: portals post the statistics tables as <img> screenshots. Each <img>
 * src is loaded from where the page itself holds it — a `data:` URI, or a file beside a saved page (a
 * browser's `NAME_files/` folder, a crawl folder), never from the network and never from outside the
 * page's folder (local-file.ts). What cannot be loaded keeps the reason, for the messages.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Limits } from '../limits.js';
import type { PlacedPicture } from '../image/placed-pictures.js';
import { resolvePageLocalFile } from './local-file.js';

const DATA_URI = /^data:([^,;]*)((?:;[^,;]*)*),/i;

/** Where a page's pictures may be found. */
export interface PictureHomes {
  /** The page's own file: relative srcs are looked up in its folder. */
  localPath?: string;
  /** Pictures fetched with the page (a crawl): URL → file, relative srcs resolved against baseUrl. */
  linked?: { baseUrl: string; files: Record<string, string> };
}

/** Where one <img> may be loaded from, most likely first (picture-sources.ts). */
export type PictureSources = readonly string[];

/** The pictures of `sources`, in order, each from the first of its addresses that loads; the bytes read over all of them stay under maxFileBytes. */
export function loadPagePictures(sources: readonly PictureSources[], homes: PictureHomes, limits: Limits): PlacedPicture[] {
  let budget = limits.maxFileBytes;
  return sources.map((addresses, index) => {
    let first: PlacedPicture | undefined;
    for (const src of addresses) {
      const data = DATA_URI.exec(src);
      const loaded = loadOne(src, data, homes, budget);
      const picture = { name: pictureName(src, data, index), ...loaded };
      if ('bytes' in loaded) {
        budget -= loaded.bytes.length;
        return picture;
      }
      first ??= picture;
    }
    return first ?? { name: `picture ${index + 1}`, unresolved: 'no address' };
  });
}

/** A name for messages and provenance: the src itself, or for a data: URI its type and place. */
function pictureName(src: string, data: RegExpExecArray | null, index: number): string {
  if (data) return `data:${data[1] || 'unknown'} picture ${index + 1}`;
  return src.length > 200 ? `${src.slice(0, 200)}…` : src;
}

function loadOne(src: string, data: RegExpExecArray | null, homes: PictureHomes, budget: number): { bytes: Buffer } | { unresolved: string } {
  if (data) {
    if (!/;base64$/i.test(data[2])) return { unresolved: 'a data: URI that is not base64' };
    // base64 is 4 characters per 3 bytes: the size is known before decoding.
    const size = Math.floor(((src.length - data[0].length) * 3) / 4);
    if (size > budget) return { unresolved: `${size} bytes, over what is left of maxFileBytes for the page's pictures` };
    return { bytes: Buffer.from(src.slice(data[0].length), 'base64') };
  }
  if (homes.linked) {
    const url = absoluteUrl(src, homes.linked.baseUrl);
    const stored = url && homes.linked.files[url];
    if (stored) return readCapped(stored, budget);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(src.trim()) || src.trim().startsWith('//')) {
    return { unresolved: `on the network: not fetched when reading${homes.linked ? ' (the crawl did not store it)' : ' (a crawl stores the pictures of a report page beside it)'}` };
  }
  if (!homes.localPath) return { unresolved: 'a file beside the page, but the page was not read from a folder' };
  const file = resolvePageLocalFile(homes.localPath, src);
  if (!file.ok) return { unresolved: file.reason };
  return readCapped(file.path, budget);
}

function absoluteUrl(src: string, base: string): string | undefined {
  try {
    const url = new URL(src, base);
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function readCapped(path: string, budget: number): { bytes: Buffer } | { unresolved: string } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    return { unresolved: `cannot be read: ${(error as Error).message}` };
  }
  if (size > budget) return { unresolved: `${size} bytes, over what is left of maxFileBytes for the page's pictures` };
  try {
    return { bytes: readFileSync(path) };
  } catch (error) {
    return { unresolved: `cannot be read: ${(error as Error).message}` };
  }
}

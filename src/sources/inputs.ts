/**
 * What the user named on the command line (files, folders, globs) as the list of documents to read.
 * Files named explicitly are always read, whatever their extension; folders contribute the files that
 * look like reports; a crawl folder (with manifest.ndjson) contributes its downloaded files with URLs.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fg from 'fast-glob';

export interface InputItem {
  /** Path to read. */
  path: string;
  /** The input as the user gave it (or the crawl's URL), for the `source` column. */
  source: string;
  known?: { sourceUrl?: string; published?: string; publisher?: string; parentUrl?: string };
}

export const REPORT_EXTENSIONS = ['pdf', 'docx', 'doc', 'wps', 'xlsx', 'xls', 'et', 'html', 'htm', 'shtml', 'xhtml', 'txt', 'md', 'text'];

/** Reads a crawl folder's manifest; provided by the crawler module when present. */
export type ManifestLoader = (dir: string) => Promise<InputItem[] | undefined>;

export interface ExpandResult {
  items: InputItem[];
  /** Inputs that matched nothing: reported, never silently dropped. */
  missing: string[];
}

export async function expandInputs(inputs: string[], manifestLoader?: ManifestLoader): Promise<ExpandResult> {
  const items: InputItem[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (item: InputItem) => {
    const key = resolve(item.path);
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
      const files = await fg(`**/*.{${REPORT_EXTENSIONS.join(',')}}`, {
        cwd: input,
        caseSensitiveMatch: false,
        onlyFiles: true,
        dot: false,
      });
      files.sort();
      for (const f of files) add({ path: join(input, f), source: join(input, f) });
    } else if (fg.isDynamicPattern(input)) {
      const files = (await fg(input, { onlyFiles: true, dot: false })).sort();
      if (!files.length) missing.push(input);
      for (const f of files) add({ path: f, source: f });
    } else {
      missing.push(input);
    }
  }
  return { items, missing };
}

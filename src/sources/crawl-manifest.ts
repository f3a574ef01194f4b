/**
 * A crawl folder as extract inputs: every report page and attachment the crawl downloaded, with the URL
 * it came from, the date and publisher its page states, and (for an attachment) the page that links it.
 * The manifest is input like any other: a row's path must stay inside the crawl folder (after symbolic
 * links), and its bytes must be the sha256 the row records; otherwise the row is a failed record.
 */
import { access, realpath } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { MANIFEST_FILE, readManifest, type ManifestEntry } from '../crawl/manifest.js';
import { withoutCredentials } from '../util/url-credentials.js';
import { isWithin } from './file-path.js';
import type { InputItem } from './inputs.js';

export async function loadManifestInputs(dir: string): Promise<InputItem[] | undefined> {
  try {
    await access(join(dir, MANIFEST_FILE));
  } catch {
    return undefined;
  }
  const entries = await readManifest(dir);
  const root = await realpath(dir);
  const items: InputItem[] = [];
  const seen = new Set<string>();
  const pictures = await storedPictures(entries, root, dir);
  for (const e of entries) {
    if (e.kind === 'list' || e.kind === 'image' || !e.path || !e.sha256) continue;
    if (!(e.status >= 200 && e.status < 300) && e.status !== 304) continue;
    const url = withoutCredentials(e.final_url ?? e.url);
    if (seen.has(url)) continue;
    seen.add(url);
    const item: InputItem = {
      path: join(dir, e.path),
      source: url,
      origin: join(dir, e.path),
      known: {
        sourceUrl: url,
        published: e.published_at ?? undefined,
        publisher: e.publisher ?? undefined,
        parentUrl: e.kind === 'attachment' ? (withoutCredentials(e.parent_url) ?? undefined) : undefined,
        ...(pictures.has(url) ? { pictures: pictures.get(url) } : {}),
      },
      expectedSha256: e.sha256,
    };
    const outside = await outsideCrawlFolder(root, dir, e.path);
    if (outside) item.refusal = `manifest-path-outside: ${JSON.stringify(e.path)} ${outside}; not read`;
    items.push(item);
  }
  return items;
}

/**
 * The pictures the crawl stored for each report page (kind `image`, by parent_url): picture URL → file.
 * A row whose file would leave the crawl folder is left out: the page then says the picture is missing.
 */
async function storedPictures(entries: ManifestEntry[], root: string, dir: string): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  for (const e of entries) {
    if (e.kind !== 'image' || !e.path || !e.parent_url || !(e.status >= 200 && e.status < 300 || e.status === 304)) continue;
    if (await outsideCrawlFolder(root, dir, e.path)) continue;
    const page = withoutCredentials(e.parent_url)!;
    const files = out.get(page) ?? {};
    files[withoutCredentials(e.url)!] = join(dir, e.path);
    if (e.final_url && e.final_url !== e.url) files[withoutCredentials(e.final_url)!] = join(dir, e.path);
    out.set(page, files);
  }
  return out;
}

/** Why the path leaves the crawl folder, or undefined when it stays inside. */
async function outsideCrawlFolder(root: string, dir: string, path: string): Promise<string | undefined> {
  if (isAbsolute(path) || /^[a-zA-Z]:[\\/]/.test(path)) return 'is absolute';
  if (path.includes('\0')) return 'contains a NUL byte';
  const lexical = normalize(path);
  if (lexical === '..' || lexical.startsWith(`..${sep}`) || lexical.startsWith('../')) return 'leads out of the crawl folder';
  // A symbolic link inside files/ may lead anywhere: judge where it really ends. A missing file is not
  // outside; reading it fails with its own reason.
  const real = await realpath(join(dir, path)).catch(() => undefined);
  if (real === undefined) return undefined;
  return real !== root && isWithin(real, root) ? undefined : `resolves to ${real}, outside the crawl folder`;
}

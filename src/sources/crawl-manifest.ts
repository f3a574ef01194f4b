/**
 * A crawl folder as extract inputs: every report page and attachment the crawl downloaded, with the URL
 * it came from, the date and publisher its page states, and (for an attachment) the page that links it.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, readManifest } from '../crawl/manifest.js';
import type { InputItem } from './inputs.js';

export async function loadManifestInputs(dir: string): Promise<InputItem[] | undefined> {
  try {
    await access(join(dir, MANIFEST_FILE));
  } catch {
    return undefined;
  }
  const entries = await readManifest(dir);
  const items: InputItem[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'list' || !e.path || !e.sha256) continue;
    if (!(e.status >= 200 && e.status < 300) && e.status !== 304) continue;
    const url = e.final_url ?? e.url;
    if (seen.has(url)) continue;
    seen.add(url);
    items.push({
      path: join(dir, e.path),
      source: url,
      known: {
        sourceUrl: url,
        published: e.published_at ?? undefined,
        publisher: e.publisher ?? undefined,
        parentUrl: e.kind === 'attachment' ? (e.parent_url ?? undefined) : undefined,
      },
    });
  }
  return items;
}

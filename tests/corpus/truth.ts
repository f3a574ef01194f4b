/** The shared corpus and its truth files, for end-to-end tests. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS = resolve(process.cwd(), '../shared/corpus');

export interface Truth {
  id: string;
  file: string;
  format: string;
  agency: string;
  year: number;
  layout: { proactive: string; requests: string; appeals: string };
  cells: Record<string, number | null>;
  expected_findings: Array<{ rule: string; where: string; left: number; right: number }>;
  published?: string | null;
  prose?: Record<string, number>;
  legacy_stats?: Array<[string, string, number]>;
  legacy_stats_cumulative?: Array<[string, string, number]>;
  notes: string;
  /** Folder under the corpus. */
  group: string;
  path: string;
}

export function loadTruths(groups = ['seed', 'rendered', 'real', 'variety']): Truth[] {
  const out: Truth[] = [];
  for (const group of groups) {
    const dir = join(CORPUS, group);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.truth.json')) continue;
      const t = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Truth;
      out.push({ ...t, group, path: join(dir, t.file) });
    }
  }
  return out;
}

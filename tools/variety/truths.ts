/**
 * The truth files of ../shared/corpus (`<id>.truth.json`): the cells, layout and published errors of
 * a real report, from which variants are rendered.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayoutId, TableId } from '../../src/templates/ids.js';

export interface ExpectedFinding {
  rule: string;
  where: string;
  left?: number;
  right?: number;
}

export interface Truth {
  id: string;
  agency: string;
  year: number;
  layout: Record<TableId, LayoutId>;
  cells: Record<string, number | null>;
  expected_findings: ExpectedFinding[];
}

/** Every truth under `corpusDir` whose tables follow a template (pre-2019 pages have none to render), by id. */
export async function loadTruths(corpusDir: string): Promise<Truth[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const path = join(dir, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else if (name.endsWith('.truth.json')) files.push(path);
    }
  };
  await walk(corpusDir);
  const truths: Truth[] = [];
  for (const file of files) {
    const raw = JSON.parse(await readFile(file, 'utf8')) as Truth;
    if (raw.layout.requests === 'none' || raw.layout.proactive === 'none' || raw.layout.appeals === 'none') continue;
    truths.push({ id: raw.id, agency: raw.agency, year: raw.year, layout: raw.layout, cells: raw.cells, expected_findings: raw.expected_findings ?? [] });
  }
  return truths.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The benchmark corpus: the real documents of ../shared/corpus copied round-robin into a temporary
 * folder, each copy a content variant (tools/vary.ts) so every file hashes differently.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { variant } from '../tools/vary.js';

export type BenchFormat = 'HTML' | 'DOCX' | 'PDF' | 'TXT';

const FORMAT_BY_EXTENSION: Record<string, BenchFormat> = { '.html': 'HTML', '.htm': 'HTML', '.docx': 'DOCX', '.pdf': 'PDF', '.txt': 'TXT' };

export async function sourceDocuments(corpusDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const path = join(dir, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else if (FORMAT_BY_EXTENSION[extname(name).toLowerCase()]) found.push(path);
    }
  };
  await walk(corpusDir);
  return found;
}

/**
 * Writes, per format, `counts[format]` documents into `dir` (that format's real documents in turn,
 * each copy a content variant); returns their paths grouped by format.
 */
export async function buildCorpus(corpusDir: string, dir: string, counts: Partial<Record<BenchFormat, number>>): Promise<Map<BenchFormat, string[]>> {
  const sources = await sourceDocuments(corpusDir);
  if (sources.length === 0) throw new Error(`no documents in ${corpusDir}`);
  await mkdir(dir, { recursive: true });
  const byFormat = new Map<BenchFormat, string[]>();
  let serial = 0;
  for (const [format, count] of Object.entries(counts) as [BenchFormat, number][]) {
    const own = sources.filter((path) => FORMAT_BY_EXTENSION[extname(path).toLowerCase()] === format);
    if (own.length === 0) continue;
    const contents = await Promise.all(own.map((path) => readFile(path)));
    const paths: string[] = [];
    for (let i = 0; i < count; i++) {
      const at = i % own.length;
      const path = join(dir, `${String(serial++).padStart(5, '0')}-${basename(own[at])}`);
      await writeFile(path, variant(contents[at], own[at], Math.floor(i / own.length)));
      paths.push(path);
    }
    byFormat.set(format, paths);
  }
  return byFormat;
}

/**
 * The benchmark corpus: the real documents of ../shared/corpus copied round-robin into a temporary
 * folder, each copy a content variant (bench/vary.ts) so every file hashes differently.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { variant } from './vary.js';

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

/** Writes `total` documents into `dir`; returns their paths grouped by format. */
export async function buildCorpus(corpusDir: string, dir: string, total: number): Promise<Map<BenchFormat, string[]>> {
  const sources = await sourceDocuments(corpusDir);
  if (sources.length === 0) throw new Error(`no documents in ${corpusDir}`);
  const contents = await Promise.all(sources.map((path) => readFile(path)));
  await mkdir(dir, { recursive: true });
  const byFormat = new Map<BenchFormat, string[]>();
  for (let i = 0; i < total; i++) {
    const at = i % sources.length;
    const n = Math.floor(i / sources.length);
    const path = join(dir, `${String(i).padStart(5, '0')}-${basename(sources[at])}`);
    await writeFile(path, variant(contents[at], sources[at], n));
    const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
    byFormat.set(format, [...(byFormat.get(format) ?? []), path]);
  }
  return byFormat;
}

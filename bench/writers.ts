/**
 * `npm run bench:writers`: what each dataset writer costs per document, every writer of the registry
 * fed the same records (the corpus extracted once, each record repeated under a new source), so the
 * price of nianbao.sqlite and parquet/ stands beside the CSVs. A measurement, not a test.
 *
 *   node dist/bench/writers.js [--docs N] [--corpus ../shared/corpus]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WRITERS } from '../src/writers/index.js';
import { extractFile } from '../src/index.js';
import { expandInputs } from '../src/sources/inputs.js';
import type { ReportRecord } from '../src/schemas/record.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const docs = Number(arg('--docs') ?? 5000);
const corpus = resolve(arg('--corpus') ?? '../shared/corpus');

const { items } = await expandInputs([corpus]);
const records: ReportRecord[] = [];
for (const item of items) records.push(await extractFile(item.path));
const dir = await mkdtemp(join(tmpdir(), 'nianbao-bench-writers-'));
console.log(`${docs} documents (${records.length} corpus records repeated), ms per document:`);
for (const make of WRITERS) {
  const writer = make();
  await writer.open(dir);
  const started = performance.now();
  for (let i = 0; i < docs; i++) {
    const r = records[i % records.length];
    await writer.write({ ...r, report_id: `${r.report_id}-${i}`, source: `${r.source}#${i}` });
  }
  await writer.close({ yearChecks: [] });
  console.log(`${writer.file.padEnd(16)} ${((performance.now() - started) / docs).toFixed(3)}`);
}
await rm(dir, { recursive: true, force: true });

/**
 * The errors an auditor's pipeline stops on (`extract --fail-on printed-error`): findings of severity
 * error on basis `printed` (the report itself is inconsistent) that no reviewer has decided yet.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Finding } from '../schemas/record.js';
import { isUnreviewed, readReviews, reviewKey } from './store.js';

export async function unreviewedPrintedErrors(outDir: string): Promise<number> {
  const reviews = await readReviews(outDir);
  const lines = createInterface({ input: createReadStream(join(outDir, 'reports.ndjson'), 'utf8'), crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { sha256: string; findings: Finding[] };
    for (const f of r.findings) {
      if (f.severity === 'error' && f.basis === 'printed' && isUnreviewed(reviews.get(reviewKey(r.sha256, f.rule, f.cells)))) count++;
    }
  }
  return count;
}

#!/usr/bin/env node
/**
 * Scores an extract run against the shared corpus's truth files: for every record whose source has a
 * *.truth.json beside it, the truth cells matched, agency/year/layout/status, and whether the findings
 * include each expected finding (on basis printed) and no other failed identity; a pre-2019 report's
 * statistics rows (legacy_stats) exactly.
 *   node scripts/check-truth.mjs OUT_DIR
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const IDENTITY = new Set(['requests.balance', 'requests.outcome_sum', 'requests.row_total', 'appeals.group_total']);
const out = process.argv[2];
const records = readFileSync(join(out, 'reports.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
/** The record's legacy rows against the truth's [indicator, unit, value] rows (no truth rows: none expected). */
const sameStats = (read, truth) => JSON.stringify((read ?? []).map((s) => [s.indicator, s.unit, s.value])) === JSON.stringify(truth ?? []);
let allOk = true;
let scored = 0;
for (const r of records) {
  const truthPath = join(dirname(r.source), basename(r.source).replace(/\.[^.]+$/, '') + '.truth.json');
  if (!existsSync(truthPath)) continue;
  scored++;
  const t = JSON.parse(readFileSync(truthPath, 'utf8'));
  const keys = Object.keys(t.cells);
  const right = keys.filter((k) => k in r.cells && r.cells[k] === t.cells[k]).length;
  const want = (t.expected_findings ?? []).map((f) => `${f.rule}|${f.where}|${f.left}|${f.right}`).sort();
  const got = r.findings.filter((f) => IDENTITY.has(f.rule)).map((f) => `${f.rule}|${f.where}|${f.left}|${f.right}`).sort();
  const legacy = t.layout.requests === 'none';
  const checks = {
    cells: right === keys.length,
    agency: r.agency === t.agency,
    year: r.year === t.year,
    layout: JSON.stringify(r.layout) === JSON.stringify(t.layout),
    status: r.status === (legacy ? 'partial' : 'ok'),
    findings: JSON.stringify(want) === JSON.stringify(got),
    // Every expected finding on basis printed: the report's own error, read with certainty.
    basis: r.findings.filter((f) => IDENTITY.has(f.rule)).every((f) => f.basis === 'printed'),
    // A pre-2019 report's statistics table, row by row.
    legacy_stats: sameStats(r.legacy_stats, t.legacy_stats),
    legacy_stats_cumulative: sameStats(r.legacy_stats_cumulative, t.legacy_stats_cumulative),
  };
  const ok = Object.values(checks).every(Boolean);
  allOk &&= ok;
  const bad = Object.entries(checks).filter(([, v]) => !v).map(([k]) => k);
  console.log(`${ok ? 'OK  ' : 'FAIL'} ${r.source}: ${right}/${keys.length} cells, ${r.agency} ${r.year}, ${r.status}, findings ${got.length}/${want.length} expected${bad.length ? ` — wrong: ${bad.join(', ')}` : ''}`);
}
console.log(`${scored} documents with truth files: ${allOk ? 'all match' : 'some differ'}`);
process.exitCode = allOk ? 0 : 1;

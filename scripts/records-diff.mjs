#!/usr/bin/env node
/**
 * Speed work must not change a single record. This script makes that checkable:
 *
 *   node scripts/records-diff.mjs make DIR [--formats txt,md,html,html-word,docx,pdf]
 *       extracts ../shared/corpus into DIR/corpus and the variety generator's variants into DIR/acc
 *       with the code built in dist/ (run `npm run build` first)
 *   node scripts/records-diff.mjs compare BEFORE AFTER
 *       compares every record file of BEFORE/{corpus,acc/records} with AFTER's, ignoring timing fields;
 *       exits 1 and prints the first differences when anything differs
 *
 * Make a baseline at the branch point, change the code, make again, compare. Records are compared as
 * sets of lines (sorted): the order in which a pool finishes documents is not part of a record.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Files that hold records; summary.json and the journal hold run timings and are left out. */
const RECORD_FILES = ['reports.ndjson', 'reports.csv', 'cells.csv', 'findings.csv', 'wide.csv', 'legacy_stats.csv', 'year_checks.csv'];
/** Keys that hold how long something took or when, not what was read. */
const TIMING_KEY = /(^|_)(elapsed|duration|seconds|ms|timing|timings|started|finished|extracted_at)(_|$)/i;

function withoutTimings(value) {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) if (!TIMING_KEY.test(k)) out[k] = withoutTimings(v);
    return out;
  }
  return value;
}

function lines(path, file) {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let rows = text.split('\n').filter((l) => l.length > 0);
  if (file.endsWith('.ndjson')) rows = rows.map((l) => JSON.stringify(withoutTimings(JSON.parse(l))));
  // The header stays first; data rows are a set.
  const [head, ...rest] = file.endsWith('.csv') ? rows : ['', ...rows];
  return [head, ...rest.sort()];
}

function compareDir(before, after) {
  let differences = 0;
  for (const file of RECORD_FILES) {
    const a = lines(join(before, file), file);
    const b = lines(join(after, file), file);
    if (a === undefined && b === undefined) continue;
    if (a === undefined || b === undefined) {
      console.log(`${file}: present in only one of ${before} and ${after}`);
      differences++;
      continue;
    }
    const setB = new Set(b);
    const setA = new Set(a);
    const onlyA = a.filter((l) => !setB.has(l));
    const onlyB = b.filter((l) => !setA.has(l));
    if (a.length !== b.length || onlyA.length || onlyB.length) {
      differences++;
      console.log(`${join(after, file)}: ${a.length} vs ${b.length} lines, ${onlyA.length} only before, ${onlyB.length} only after`);
      for (const l of onlyA.slice(0, 3)) console.log(`  - ${l.slice(0, 400)}`);
      for (const l of onlyB.slice(0, 3)) console.log(`  + ${l.slice(0, 400)}`);
    } else console.log(`${join(after, file)}: ${a.length} lines identical`);
  }
  return differences;
}

function make(dir, formats) {
  const out = resolve(dir);
  const run = (args) => execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  console.error(`extracting ../shared/corpus into ${out}/corpus …`);
  run(['bin/nianbao.js', 'extract', '../shared/corpus', '--out', join(out, 'corpus')]);
  console.error(`extracting the variety generator's ${formats} variants into ${out}/acc …`);
  run(['dist/tools/variety/accuracy.js', '--formats', formats, '--out', join(out, 'acc')]);
}

const [mode, a, b, ...rest] = process.argv.slice(2);
if (mode === 'make' && a) {
  const at = rest.indexOf('--formats');
  make(a, at === -1 ? (b === '--formats' ? rest[0] : 'txt,md,html,html-word,docx,pdf') : rest[at + 1]);
} else if (mode === 'compare' && a && b) {
  let differences = 0;
  for (const sub of ['corpus', join('acc', 'records')]) {
    if (!existsSync(join(a, sub)) && !existsSync(join(b, sub))) continue;
    differences += compareDir(join(a, sub), join(b, sub));
  }
  if (!readdirSync(a).length) throw new Error(`${a} is empty`);
  console.log(differences ? `RECORDS DIFFER in ${differences} file(s)` : 'records identical (timings aside)');
  process.exitCode = differences ? 1 : 0;
} else {
  console.error('usage: records-diff.mjs make DIR [--formats LIST] | compare BEFORE AFTER');
  process.exitCode = 2;
}

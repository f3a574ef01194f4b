/**
 * The accuracy figures: per axis × format sums of variant scores, the printed table, the failure
 * examples and the one-line verdict against issue 10's bars.
 */
import type { VariantScore } from './score.js';
import type { FormatId } from './axes/index.js';
import { OCR_FORMATS, SLOW_FORMATS } from './formats/index.js';

export interface Tally {
  axis: string;
  format: string;
  documents: number;
  failedDocuments: number;
  cells: number;
  exact: number;
  blankOrDoubt: number;
  wrong: number;
  missing: number;
  unearned: number;
  missed: number;
  expectedDoubtful: number;
  metadataWrong: number;
  metadataBlank: number;
}

function empty(axis: string, format: string): Tally {
  return { axis, format, documents: 0, failedDocuments: 0, cells: 0, exact: 0, blankOrDoubt: 0, wrong: 0, missing: 0, unearned: 0, missed: 0, expectedDoubtful: 0, metadataWrong: 0, metadataBlank: 0 };
}

function add(t: Tally, s: VariantScore): void {
  t.documents++;
  if (s.status === 'failed' || s.status === 'no record') t.failedDocuments++;
  t.cells += s.cells;
  t.exact += s.exact;
  t.blankOrDoubt += s.blankOrDoubt;
  t.wrong += s.wrong;
  t.missing += s.missing;
  t.unearned += s.unearned.length;
  t.missed += s.missed.length;
  t.expectedDoubtful += s.expectedDoubtful.length;
  if (s.metadataWrong) t.metadataWrong++;
  else if (!s.agencyOk || !s.yearOk) t.metadataBlank++;
}

/** One tally per axis × format present (in the order the scores came), per axis, per format, and in all. */
export function tally(scores: VariantScore[]): { rows: Tally[]; byAxis: Tally[]; byFormat: Tally[]; total: Tally } {
  const rows = new Map<string, Tally>();
  const byAxis = new Map<string, Tally>();
  const byFormat = new Map<string, Tally>();
  const total = empty('all', 'all');
  const into = (map: Map<string, Tally>, key: string, axis: string, format: string, s: VariantScore): void => {
    if (!map.has(key)) map.set(key, empty(axis, format));
    add(map.get(key) as Tally, s);
  };
  for (const s of scores) {
    into(rows, `${s.axis}\t${s.format}`, s.axis, s.format, s);
    into(byAxis, s.axis, s.axis, 'all', s);
    into(byFormat, s.format, 'all', s.format, s);
    add(total, s);
  }
  return { rows: [...rows.values()], byAxis: [...byAxis.values()], byFormat: [...byFormat.values()], total };
}

const percent = (part: number, whole: number): string => (whole ? `${((100 * part) / whole).toFixed(2)}%` : '–');

const COLUMNS: [string, (t: Tally) => string][] = [
  ['axis', (t) => t.axis],
  ['format', (t) => t.format],
  ['docs', (t) => String(t.documents)],
  ['failed docs', (t) => String(t.failedDocuments)],
  ['cells', (t) => String(t.cells)],
  ['exact', (t) => String(t.exact)],
  ['exact %', (t) => percent(t.exact, t.cells)],
  ['blank/doubt', (t) => String(t.blankOrDoubt)],
  ['SILENTLY WRONG', (t) => String(t.wrong)],
  ['missing', (t) => String(t.missing)],
  ['UNEARNED printed', (t) => String(t.unearned)],
  ['expected missed', (t) => String(t.missed)],
  ['expected doubtful', (t) => String(t.expectedDoubtful)],
  ['agency/year WRONG', (t) => String(t.metadataWrong)],
  ['agency/year blank', (t) => String(t.metadataBlank)],
];

export function formatTable(rows: Tally[]): string {
  const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]): string => `| ${row.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w, i) => (i < 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

/** Issue 10's bars: no silent wrong cell, no unearned printed finding, ≥ 99.5% exact (≥ 98% for what only OCR reads: scans and pictures, issue 16). */
export function verdict(rows: Tally[], total: Tally): string {
  const short = rows.filter((r) => r.cells && r.exact / r.cells < (OCR_FORMATS.includes(r.format as FormatId) ? 0.98 : 0.995));
  const met = total.wrong === 0 && total.unearned === 0 && total.metadataWrong === 0 && short.length === 0;
  return (
    `VERDICT: ${met ? 'MET' : 'NOT MET'} — ${total.wrong} cells silently wrong, ${total.unearned} unearned printed findings, ` +
    `${total.metadataWrong} documents with a wrong agency or year, ` +
    `${percent(total.exact, total.cells)} of ${total.cells} cells exact, ${short.length} of ${rows.length} axis×format rows below the exact bar ` +
    `(bars: 0, 0, ≥99.5% per row, ≥98% for scans and pictures); ${total.missed} expected findings missed`
  );
}

/** The worst variants of each axis: silent wrong numbers and unearned findings first. */
export function failureExamples(scores: VariantScore[], perAxis: number, dir: string | undefined, seed: number, cellsPerVariant = 6): string {
  const out: string[] = [
    `\nTo regenerate a variant <axis>-<format>-<NN>-<truth>: npm run accuracy -- --seed ${seed} --axes <axis> --formats <format> --count <NN+1> --out DIR`,
    `(--slow-count for ${SLOW_FORMATS.filter((f) => !OCR_FORMATS.includes(f)).join(', ')}; --scan-count for the formats read by OCR: ${OCR_FORMATS.join(', ')}); to read it alone: npx nianbao extract DIR/variants/<file> --out OUT`,
  ];
  const axes = [...new Set(scores.map((s) => s.axis))];
  for (const axis of axes) {
    const bad = scores
      .filter((s) => s.axis === axis && (s.wrong || s.unearned.length || s.missing || s.blankOrDoubt || s.missed.length))
      .sort((a, b) => b.wrong * 100 + b.unearned.length * 50 + b.missing - (a.wrong * 100 + a.unearned.length * 50 + a.missing));
    if (!bad.length) continue;
    out.push(`\n## ${axis}: ${bad.length} variants with misses`);
    for (const s of bad.slice(0, perAxis)) {
      const where = dir ? `${dir}/${s.file}` : s.file;
      out.push(`- ${where} [${s.status}${s.error ? `: ${s.error}` : ''}] wrong ${s.wrong}, missing ${s.missing}, blank/doubt ${s.blankOrDoubt}, unearned ${s.unearned.length}, missed ${s.missed.length}`);
      const cells = [...s.misses].sort((a, b) => rank(a.verdict) - rank(b.verdict)).slice(0, cellsPerVariant);
      for (const c of cells) {
        out.push(`    ${c.verdict.padEnd(14)} ${c.key}: truth ${c.truth}${c.notPrinted ? ' (not printed)' : ''}, got ${c.got === undefined ? '—' : c.got}${c.raw !== undefined ? ` raw '${c.raw}'` : ''}, doubt ${c.doubt}`);
      }
      if (s.misses.length > cells.length) out.push(`    … ${s.misses.length - cells.length} more cells`);
      for (const f of s.unearned.slice(0, 3)) out.push(`    unearned ${f.rule} ${f.where ?? ''}: ${f.message}`);
      for (const m of s.missed.slice(0, 3)) out.push(`    missed expected ${m.rule} ${m.where}`);
    }
  }
  return out.join('\n');
}

const rank = (v: string): number => ({ wrong: 0, missing: 1, 'blank-or-doubt': 2, exact: 3 })[v] ?? 4;

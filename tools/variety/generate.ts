/**
 * Variants of every truth along every axis and format: the plan (which truth, axis, format and seed),
 * the rendered files, and beside each file its truth (`<name>.truth.json`: the source cells, the cells
 * the document does not print, the published errors still expected). DOCX, PDF and scans go through
 * LibreOffice and pdftoppm in batches and are cached by content, so a second run costs nothing.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile, access, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AXES, type Axis, type Draft, type FormatId, type LegacyStatRow } from './axes/index.js';
import { buildReport } from './build.js';
import { expectedFindings } from './expected.js';
import { markAmbiguousGlued } from './glued-ambiguity.js';
import { Random } from './random.js';
import { FORMAT_SPECS, FORMATS, OCR_FORMATS, SLOW_FORMATS } from './formats/index.js';
import type { OfficeTarget } from './formats/spec.js';
import { renderHtml } from './render/html.js';
import { convertWithOffice } from './render/office.js';
import { hideMarkedText, type WordHiding } from './render/docx-hidden.js';
import { printWithChromium } from './render/chrome-pdf.js';
import { drawScanParams, type ScanParams } from './render/scan.js';
import { docxWithTableShots, htmlWithTableShots, tableOnlyHtml, tableScreenshots } from './render/pictures.js';
import { docxForPdfWithTableShots, exportDocxToPdf } from './render/pdf-pictures.js';
import { tableBlocks } from './model.js';
import type { ExpectedFinding, Truth } from './truths.js';

/** Bump when a change to the generator changes what a seed renders (it keys the cache). */
export const GENERATOR_VERSION = 6;

export { FORMATS, OCR_FORMATS, SLOW_FORMATS };
/** What `npm run accuracy` runs without --formats: every format. */
export const DEFAULT_FORMATS: FormatId[] = [...FORMATS];
/** Every target LibreOffice is asked for, in the order the batches run (scans and derived formats start from the PDF). */
const OFFICE_TARGETS: readonly OfficeTarget[] = ['docx', 'pdf', 'xlsx', 'doc', 'xls', 'csv'];
/** Screenshot resolutions of docx-img (and pdf-img, html-img) tables: a screen at 100% and at 125%. */
const SCREEN_DPIS = [96, 120];

export interface VariantTruth {
  id: string;
  file: string;
  axis: string;
  format: FormatId;
  source: string;
  seed: string;
  agency: string;
  year: number;
  layout: Truth['layout'];
  /** The source truth's cells, exactly. */
  cells: Record<string, number | null>;
  /** Cells the document does not print as a number (dropped or replaced by text): blank or doubt expected. */
  not_printed: string[];
  expected_findings: ExpectedFinding[];
  notes: string[];
  /** Scans, TIFF and JPEG pictures: how the pages were scanned or photographed. */
  scan?: ScanParams;
  /** docx-img, pdf-img, html-img: the resolution the table screenshots were taken at. */
  screenDpi?: number;
  /** A pre-2019 report (axis legacy): its statistics table's rows, as the record's legacy_stats. */
  legacy_stats?: LegacyStatRow[];
  legacy_stats_cumulative?: LegacyStatRow[];
}

export interface PlanItem {
  axis: Axis;
  format: FormatId;
  truth: Truth;
  index: number;
}

export interface PlanOptions {
  seed: number;
  /** Variants per axis and fast format (TXT, Markdown, HTML). */
  count: number;
  /** Variants per axis for DOCX and PDF. */
  slowCount: number;
  /** Variants per axis for scans. */
  scanCount: number;
  formats: FormatId[];
  axes: string[];
}

/** Truths with the same figures (the seed report in five formats) render the same variants: keep one. */
export function distinctTruths(truths: Truth[]): Truth[] {
  const seen = new Set<string>();
  return truths.filter((t) => {
    const key = JSON.stringify([t.agency, t.year, t.layout, t.cells]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function plan(truths: Truth[], options: PlanOptions): PlanItem[] {
  const pool = distinctTruths(truths);
  const start = new Random(options.seed).int(0, pool.length - 1);
  const items: PlanItem[] = [];
  for (const [a, axis] of AXES.entries()) {
    if (!options.axes.includes(axis.id)) continue;
    for (const format of options.formats.filter((f) => !axis.formats || axis.formats.includes(f))) {
      const cost = FORMAT_SPECS[format].cost;
      const count = cost === 'ocr' ? options.scanCount : cost === 'slow' ? options.slowCount : options.count;
      // Each axis starts one truth further on: with fewer variants per axis than truths (slow formats,
      // scans), the axes together still cover every truth in every format.
      for (let i = 0; i < count; i++) items.push({ axis, format, truth: pool[(start + a + i) % pool.length], index: i });
    }
  }
  return items;
}

export function variantSeed(seed: number, item: PlanItem): string {
  return `${seed}:${item.axis.id}:${item.format}:${item.index}:${item.truth.id}`;
}

/** The report model of one planned variant, with what its axis did: deterministic for a seed. */
/** Does the variant print its tables as glued text (crawler text, or a page's tables flattened into text)? */
export function printsGluedText(draft: Draft): boolean {
  return (draft.format === 'txt' || !!draft.model.flattened) && draft.separator === 'glued';
}

export function draftVariant(seed: number, item: PlanItem): Draft {
  const random = new Random(variantSeed(seed, item));
  const draft: Draft = { model: buildReport(item.truth, random.fork('build')), format: item.format, index: item.index, separator: 'tabs', notPrinted: new Set(), notes: [] };
  item.axis.apply(draft, random.fork(item.axis.id));
  if (printsGluedText(draft)) markAmbiguousGlued(draft);
  return draft;
}

export function variantTruth(seed: number, item: PlanItem, draft: Draft): VariantTruth {
  const id = `${item.axis.id}-${item.format}-${String(item.index).padStart(2, '0')}-${item.truth.id}`;
  const named = { id, file: `${id}.${FORMAT_SPECS[item.format].extension}`, axis: item.axis.id, format: item.format, source: item.truth.id, seed: variantSeed(seed, item), agency: item.truth.agency, notes: draft.notes };
  // A pre-2019 report prints no template table: its truth is its statistics rows.
  const legacy = draft.legacy;
  if (legacy) {
    return {
      ...named,
      year: legacy.year,
      layout: { proactive: 'none', requests: 'none', appeals: 'none' },
      cells: {},
      not_printed: [],
      expected_findings: [],
      legacy_stats: legacy.stats,
      ...(legacy.cumulative ? { legacy_stats_cumulative: legacy.cumulative } : {}),
    };
  }
  return {
    ...named,
    year: item.truth.year,
    layout: item.truth.layout,
    cells: { ...item.truth.cells, ...Object.fromEntries([...(draft.emptied ?? [])].map((k) => [k, null])) },
    not_printed: [...draft.notPrinted].sort(),
    expected_findings: expectedFindings(item.truth, draft.notPrinted, draft.emptied),
  };
}

/** The document bytes of a fast format. */
export function renderFast(draft: Draft): string {
  const making = FORMAT_SPECS[draft.format].making;
  if (making.by !== 'text') throw new Error(`${draft.format} is not rendered directly`);
  return making.render(draft);
}

export interface GenerateOptions extends PlanOptions {
  outDir: string;
  cacheDir: string;
  log?: (line: string) => void;
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

let partCount = 0;
/**
 * A file made for the cache under a private name, then renamed into place: runs sharing a cache
 * (several at once on one machine) never read a file another run is still writing.
 */
async function intoCache(cached: string, make: (to: string) => Promise<unknown>): Promise<void> {
  const part = join(dirname(cached), `.part-${process.pid}-${++partCount}-${basename(cached)}`);
  try {
    await make(part);
    await rename(part, cached);
  } finally {
    await rm(part, { force: true });
  }
}
const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** Renders every planned variant into `outDir`; returns their truths (file names relative to outDir). */
export async function generate(truths: Truth[], options: GenerateOptions): Promise<VariantTruth[]> {
  const { outDir, cacheDir, seed } = options;
  await mkdir(outDir, { recursive: true });
  await mkdir(cacheDir, { recursive: true });
  const results: VariantTruth[] = [];
  // Slow formats: the portal HTML keyed by content; converted once per key, then copied out.
  const pendingOffice = new Map<string, { html: string; targets: Set<OfficeTarget> }>();
  const toPrint: { html: string; pdf: string }[] = [];
  const pendingCopies: {
    cached: string;
    out: string;
    scan?: { params: ScanParams; make: (sourcePdf: string, target: string, params: ScanParams) => Promise<void>; label: string };
    derive?: (sourcePdf: string, target: string) => Promise<void>;
    pdfKey?: string;
    tableShots?: { model: Draft['model']; keys: string[]; dpi: number; into: 'docx' | 'html' | 'pdf' };
    /** A Word document whose marked text is to be hidden once copied, and how (axis invisible). */
    hideMarked?: WordHiding;
  }[] = [];
  const addOffice = (html: string, target: OfficeTarget): string => {
    const key = sha(`${GENERATOR_VERSION}\n${html}`);
    const entry = pendingOffice.get(key) ?? { html, targets: new Set() };
    entry.targets.add(target);
    pendingOffice.set(key, entry);
    return key;
  };
  for (const item of plan(truths, options)) {
    const draft = draftVariant(seed, item);
    const truth = variantTruth(seed, item, draft);
    const out = join(outDir, truth.file);
    const making = FORMAT_SPECS[item.format].making;
    if (making.by === 'text') {
      await writeFile(out, making.render(draft));
    } else if (making.by === 'chromium') {
      const html = renderHtml(draft.model, 'portal');
      const cached = join(cacheDir, `${sha(`${GENERATOR_VERSION}\n${html}`)}.chrome.pdf`);
      if (!(await exists(cached)) && !toPrint.some((job) => job.pdf === cached)) {
        await writeFile(cached.replace(/\.pdf$/, '.html'), html);
        toPrint.push({ html: cached.replace(/\.pdf$/, '.html'), pdf: cached });
      }
      pendingCopies.push({ cached, out });
    } else {
      const target = making.by === 'office' ? making.target : 'pdf';
      const key = addOffice(renderHtml(draft.model, 'portal'), target);
      if (making.by === 'office') {
        pendingCopies.push({ cached: join(cacheDir, `${key}.${target}`), out, hideMarked: target === 'docx' ? (draft.model.wordHiding ?? 'vanish') : undefined });
      } else if (making.by === 'derived') {
        const { derive, choices } = making;
        const choice = choices && new Random(`${truth.seed}:${choices.seed}`).pick(choices.among);
        if (choice && choices) truth.notes = [...truth.notes, choices.note(choice)];
        pendingCopies.push({ cached: join(cacheDir, `${key}.${making.suffix.replace('{choice}', choice ?? '')}`), out, derive: (from, to) => derive(from, to, choice), pdfKey: key });
      } else if (making.by === 'scanned') {
        truth.scan = drawScanParams(new Random(`${truth.seed}:scan`));
        pendingCopies.push({ cached: join(cacheDir, `${key}-${sha(JSON.stringify(truth.scan))}.${making.suffix}`), out, scan: { params: truth.scan, make: making.scan, label: item.format }, pdfKey: key });
      } else {
        truth.screenDpi = new Random(`${truth.seed}:screen`).pick(SCREEN_DPIS);
        const keys = tableBlocks(draft.model).map((block) => addOffice(tableOnlyHtml(draft.model, block), 'pdf'));
        const suffix = { docx: 'img.docx', html: 'img.html', pdf: 'pdfimg.pdf' }[making.into];
        pendingCopies.push({ cached: join(cacheDir, `${key}-${sha(`${truth.screenDpi}:${keys.join(',')}`)}.${suffix}`), out, tableShots: { model: draft.model, keys, dpi: truth.screenDpi, into: making.into } });
      }
    }
    await writeFile(join(outDir, `${truth.id}.truth.json`), JSON.stringify(truth, null, 1) + '\n');
    results.push(truth);
  }
  for (const target of OFFICE_TARGETS) {
    const missing: string[] = [];
    for (const [key, entry] of pendingOffice) {
      if (!entry.targets.has(target) || (await exists(join(cacheDir, `${key}.${target}`)))) continue;
      const html = join(cacheDir, `${key}.html`);
      await writeFile(html, entry.html);
      missing.push(html);
    }
    if (missing.length) {
      options.log?.(`LibreOffice: ${missing.length} HTML → ${target.toUpperCase()} …`);
      // A crash of one batch loses only the files it did not write: those variants are left out below.
      await convertWithOffice(missing, target, cacheDir).catch((err: Error) => options.log?.(`LibreOffice failed: ${err.message.split('\n')[0]}`));
    }
  }
  if (toPrint.length) {
    options.log?.(`Chromium: ${toPrint.length} HTML → PDF …`);
    // Without a browser the variants are left out below (their cached PDF does not exist).
    await printWithChromium(toPrint).catch((err: Error) => options.log?.(`Chromium failed: ${err.message.split('\n')[0]}`));
  }
  const scans = pendingCopies.filter((c) => c.scan);
  const lost = new Set<string>();
  // pdf-img: the Word documents are written first, then exported to PDF together (one LibreOffice start).
  const toExport: string[] = [];
  for (const copy of pendingCopies) {
    if (copy.tableShots?.into !== 'pdf' || (await exists(copy.cached))) continue;
    try {
      const shots: Buffer[][] = [];
      for (const key of copy.tableShots.keys) shots.push(await tableScreenshots(join(cacheDir, `${key}.pdf`), copy.tableShots.dpi));
      const docx = copy.cached.replace(/\.pdf$/, '.docx');
      await writeFile(docx, docxForPdfWithTableShots(copy.tableShots.model, shots));
      if (!toExport.includes(docx)) toExport.push(docx);
    } catch (err) {
      options.log?.(`left out ${copy.out}: ${(err as Error).message.split('\n')[0]}`);
      lost.add(copy.out);
    }
  }
  if (toExport.length) {
    options.log?.(`LibreOffice: ${toExport.length} DOCX with table pictures → PDF …`);
    await exportDocxToPdf(toExport).catch((err: Error) => options.log?.(`LibreOffice failed: ${err.message.split('\n')[0]}`));
  }
  for (const copy of pendingCopies) {
    if (lost.has(copy.out)) continue;
    try {
      if (copy.scan && !(await exists(copy.cached))) {
        const { params, make, label } = copy.scan;
        options.log?.(`${label} ${scans.indexOf(copy) + 1}/${scans.length} at ${params.dpi} dpi, ${params.degrees}° …`);
        const source = join(cacheDir, `${copy.pdfKey}.pdf`);
        await intoCache(copy.cached, (to) => make(source, to, params));
      }
      if (copy.tableShots?.into === 'html') {
        // The page and its _files/ folder are written out directly: the screenshots take a second.
        const shots: Buffer[][] = [];
        for (const key of copy.tableShots.keys) shots.push(await tableScreenshots(join(cacheDir, `${key}.pdf`), copy.tableShots.dpi));
        const folder = `${basename(copy.out).replace(/\.html$/, '')}_files`;
        const page = htmlWithTableShots(copy.tableShots.model, shots, folder);
        await mkdir(join(dirname(copy.out), folder), { recursive: true });
        for (const file of page.files) await writeFile(join(dirname(copy.out), folder, file.name), file.data);
        await writeFile(copy.out, page.html);
        continue;
      }
      if (copy.tableShots?.into === 'docx' && !(await exists(copy.cached))) {
        const shots: Buffer[][] = [];
        for (const key of copy.tableShots.keys) shots.push(await tableScreenshots(join(cacheDir, `${key}.pdf`), copy.tableShots.dpi));
        const docx = docxWithTableShots(copy.tableShots.model, shots);
        await intoCache(copy.cached, (to) => writeFile(to, docx));
      }
      const derive = copy.derive;
      if (derive && !(await exists(copy.cached))) await intoCache(copy.cached, (to) => derive(join(cacheDir, `${copy.pdfKey}.pdf`), to));
      await copyFile(copy.cached, copy.out);
      if (copy.hideMarked) await writeFile(copy.out, await hideMarkedText(await readFile(copy.out), copy.hideMarked));
    } catch (err) {
      options.log?.(`left out ${copy.out}: ${(err as Error).message.split('\n')[0]}`);
      lost.add(copy.out);
    }
  }
  return results.filter((r) => !lost.has(join(outDir, r.file)));
}

export async function readVariantTruth(path: string): Promise<VariantTruth> {
  return JSON.parse(await readFile(path, 'utf8')) as VariantTruth;
}

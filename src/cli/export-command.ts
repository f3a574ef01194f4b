import { InvalidArgumentError, type Command } from 'commander';
import { join } from 'node:path';
import { atomicWrite } from '../util/atomic.js';
import { PRESET_BY_ID, PRESETS, PresetOptionError } from '../export/presets.js';
import { writeExportCsv } from '../export/csv.js';
import { TooManyRowsError, writeExportXlsx } from '../export/xlsx.js';
import { EXCEL_MAX_ROWS } from '../limits.js';
import { CHART_BY_ID, CHARTS, ChartOptionError, renderPng, renderSvg } from '../export/charts.js';
import { NoReportsError } from '../export/agency-years.js';
import type { ExportTable, Lang } from '../export/table.js';

interface ExportOptions {
  preset: string[];
  lang: Lang;
  format: 'csv' | 'xlsx';
  to?: string;
  agency?: string;
  city?: string;
  year?: number;
  chart?: string;
  png?: boolean;
}

const oneOf = (allowed: string[]) => (value: string) => {
  if (!allowed.includes(value)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
  return value;
};

const presetList = (value: string) =>
  value.split(',').map((p) => {
    if (!PRESET_BY_ID.has(p.trim())) throw new InvalidArgumentError(`unknown preset ${p}; expected ${PRESETS.map((x) => x.id).join(', ')}`);
    return p.trim();
  });

function parseYear(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1990 || n > 2100) throw new InvalidArgumentError('expected a year such as 2023');
  return n;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('tables and charts for people who work in a spreadsheet, from an extract output folder')
    .argument('<out>', 'the output folder of nianbao extract (its reports.ndjson)')
    .option('-p, --preset <names>', `comma-separated presets: ${PRESETS.map((p) => `${p.id} (${p.description})`).join('; ')}`, presetList, ['counts'])
    .option('-l, --lang <lang>', 'headers and definitions in Chinese (zh) or English (en)', oneOf(['zh', 'en']), 'zh')
    .option('--headers <lang>', 'the same as --lang (e.g. --preset wide --headers zh)', oneOf(['zh', 'en']))
    .option('-f, --format <format>', 'csv (one file per preset, definitions beside it) or xlsx (one workbook, a sheet per preset)', oneOf(['csv', 'xlsx']), 'csv')
    .option('--to <dir>', 'where to write (default: <out>/exports)')
    .option('--agency <name>', 'the agency of the agency preset and chart, as in reports.csv')
    .option('--city <name>', 'the city of the city preset and chart: the start of its agencies’ names (淮安市)')
    .option('--year <year>', 'the year of the city preset and chart (default: the latest)', parseYear)
    .option('--chart <name>', `render a chart instead of tables: ${CHARTS.map((c) => `${c.id} (${c.description})`).join('; ')}`, oneOf(CHARTS.map((c) => c.id)))
    .option('--png', 'with --chart: a PNG beside the SVG')
    .action(async (out: string, opts: ExportOptions & { headers?: Lang }) => {
      const lang = opts.headers ?? opts.lang;
      const dir = opts.to ?? join(out, 'exports');
      try {
        const written = opts.chart ? await chart(out, dir, lang, opts) : await tables(out, dir, lang, opts);
        for (const f of written) process.stdout.write(`${f}\n`);
      } catch (err) {
        if (err instanceof PresetOptionError || err instanceof ChartOptionError || err instanceof NoReportsError || err instanceof TooManyRowsError) {
          process.stderr.write(`nianbao export: ${err.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw err;
      }
    });
}

async function tables(out: string, dir: string, lang: Lang, opts: ExportOptions): Promise<string[]> {
  const made: ExportTable[] = [];
  for (const id of opts.preset) made.push(await PRESET_BY_ID.get(id)!.make({ outDir: out, agency: opts.agency, city: opts.city, year: opts.year }));
  if (opts.format === 'xlsx') {
    const path = join(dir, `${opts.preset.join('-')}.${lang}.xlsx`);
    await writeExportXlsx(made, lang, path, { outDir: out, generatedAt: new Date().toISOString() });
    return [path];
  }
  const written: string[] = [];
  for (const t of made) {
    const path = join(dir, `${t.preset}.${lang}.csv`);
    const defs = join(dir, `${t.preset}.definitions.${lang}.csv`);
    await writeExportCsv(t, lang, path, defs);
    if (t.rows.length + 1 > EXCEL_MAX_ROWS) {
      process.stderr.write(`nianbao export: ${path} has ${t.rows.length} rows; Excel and WPS show only the first ${EXCEL_MAX_ROWS - 1}: use nianbao.sqlite or parquet/ for the whole table\n`);
    }
    written.push(path, defs);
  }
  return written;
}

async function chart(out: string, dir: string, lang: Lang, opts: ExportOptions): Promise<string[]> {
  const { name, option, height } = await CHART_BY_ID.get(opts.chart!)!.make({ outDir: out, lang, agency: opts.agency, city: opts.city, year: opts.year });
  const svg = await renderSvg(option, 900, height);
  const path = join(dir, `${name}.${lang}.svg`);
  await atomicWrite(path, svg);
  if (!opts.png) return [path];
  const png = join(dir, `${name}.${lang}.png`);
  await atomicWrite(png, await renderPng(svg));
  return [path, png];
}

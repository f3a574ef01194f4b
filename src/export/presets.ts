/**
 * The export presets of `nianbao export`: each turns a run's reports into one table for people who
 * work in a spreadsheet. A new preset is one entry here.
 */
import { FIGURES } from '../datasets/headline.js';
import { ALL_CELLS } from '../templates/ids.js';
import { columnMeaning } from '../datasets/columns.js';
import { agencyYears, readReports, type AgencyYear } from './agency-years.js';
import type { ExportColumn, ExportTable, ExportValue } from './table.js';

export interface PresetOptions {
  outDir: string;
  agency?: string;
  city?: string;
  year?: number;
}

export interface Preset {
  id: string;
  description: string;
  make(options: PresetOptions): Promise<ExportTable>;
}

export class PresetOptionError extends Error {}

const idColumn = (id: string, kind: ExportColumn['kind'], zh: string, en: string, definition_zh: string, definition_en: string): ExportColumn =>
  ({ id, kind, zh, en, definition_zh, definition_en });

const meaning = (table: string, id: string, kind: ExportColumn['kind'], zh: string, en: string): ExportColumn => {
  const m = columnMeaning(table, id);
  return idColumn(id, kind, zh, en, m.zh, m.en);
};

const AGENCY_YEAR_COLUMNS: ExportColumn[] = [
  meaning('reports', 'agency', 'text', '机关', 'agency'),
  meaning('reports', 'year', 'integer', '年度', 'year'),
  ...FIGURES.map((f) => idColumn(f.id, f.kind, f.zh, f.en, f.definition_zh, f.definition_en)),
  idColumn('reports', 'integer', '同年报告数', 'reports that year', '本次运行中该机关该年度的报告数（如网页与其 PDF 附件）；数字取自“来源文件”一份', "reports of this agency and year in the run (a page and its PDF, say); the figures are the source file's"),
  meaning('reports', 'status', 'text', '状态', 'status'),
  meaning('reports', 'source', 'text', '来源文件', 'source file'),
  meaning('reports', 'report_id', 'text', '报告编号', 'report id'),
];

function agencyYearRow(a: AgencyYear): ExportValue[] {
  return [a.agency, a.year, ...FIGURES.map((f) => a.figures[f.id]), a.reports, a.record.status, a.record.source, a.record.report_id];
}

const counts: Preset = {
  id: 'counts',
  description: 'one row per agency and year: headline figures and rates',
  async make({ outDir }) {
    const rows = (await agencyYears(outDir)).map(agencyYearRow);
    return { preset: 'counts', title_zh: '各机关各年度主要数字', title_en: 'Headline figures by agency and year', columns: AGENCY_YEAR_COLUMNS, rows };
  },
};

const agency: Preset = {
  id: 'agency',
  description: 'one agency over the years (--agency NAME)',
  async make({ outDir, agency: name }) {
    if (!name) throw new PresetOptionError('the agency preset needs --agency NAME (as in reports.csv)');
    const rows = (await agencyYears(outDir)).filter((a) => a.agency === name).sort((a, b) => a.year - b.year).map(agencyYearRow);
    if (!rows.length) throw new PresetOptionError(`no report of ${name} in ${outDir}/reports.ndjson (the agency as reports.csv names it)`);
    return { preset: 'agency', title_zh: `${name}历年主要数字`, title_en: `${name} over the years`, columns: AGENCY_YEAR_COLUMNS, rows };
  },
};

/** The departments of a city (agencies whose name begins with it) in one year, most requests first. */
export async function cityDepartments(outDir: string, city: string, year?: number): Promise<{ year: number | undefined; rows: AgencyYear[] }> {
  const all = (await agencyYears(outDir)).filter((a) => a.agency.startsWith(city));
  const chosenYear = year ?? Math.max(...all.map((a) => a.year));
  const rows = all
    .filter((a) => a.year === chosenYear)
    .sort((a, b) => (b.figures.new_requests ?? -1) - (a.figures.new_requests ?? -1) || a.agency.localeCompare(b.agency, 'zh'));
  return { year: all.length ? chosenYear : year, rows };
}

const city: Preset = {
  id: 'city',
  description: "a city's departments side by side in one year (--city NAME [--year YEAR], default the latest)",
  async make({ outDir, city: name, year }) {
    if (!name) throw new PresetOptionError('the city preset needs --city NAME (the start of the agencies’ names, e.g. 淮安市)');
    const found = await cityDepartments(outDir, name, year);
    if (!found.rows.length) throw new PresetOptionError(`no report of an agency named ${name}… in ${outDir}/reports.ndjson${year ? ` for ${year}` : ''}`);
    return {
      preset: 'city',
      title_zh: `${name}${found.year ?? ''}年度各部门`,
      title_en: `${name}: departments in ${found.year ?? '(no year)'}`,
      columns: AGENCY_YEAR_COLUMNS,
      rows: found.rows.map(agencyYearRow),
    };
  },
};

const wide: Preset = {
  id: 'wide',
  description: 'wide.csv with Chinese (--lang zh) or key headers: one row per report, one column per cell',
  async make({ outDir }) {
    const columns: ExportColumn[] = [
      meaning('wide', 'report_id', 'text', '报告编号', 'report_id'),
      meaning('wide', 'source', 'text', '来源文件', 'source'),
      meaning('wide', 'agency', 'text', '机关', 'agency'),
      meaning('wide', 'year', 'integer', '年度', 'year'),
      ...ALL_CELLS.map((c) =>
        idColumn(c.key, c.column.kind === 'amount' ? 'amount' : 'count', `${c.row.label} · ${c.column.label}`, c.key, `${c.row.label} · ${c.column.label}`, `${c.table} table, row ${c.row.id}, column ${c.column.id}`),
      ),
    ];
    const rows: ExportValue[][] = [];
    for await (const r of readReports(outDir)) rows.push([r.report_id, r.source, r.agency ?? null, r.year ?? null, ...ALL_CELLS.map((c) => r.cells[c.key] ?? null)]);
    return { preset: 'wide', title_zh: '每份报告的全部单元格', title_en: 'Every cell of every report', columns, rows };
  },
};

export const PRESETS: Preset[] = [counts, agency, city, wide];
export const PRESET_BY_ID = new Map(PRESETS.map((p) => [p.id, p]));

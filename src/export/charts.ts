/**
 * Charts for a story, rendered on the server without a browser: ECharts' server-side SVG renderer,
 * and PNG from that SVG with resvg (both from the npm registry, prebuilt; loaded only when asked).
 */
import { FIGURE_BY_ID } from '../datasets/headline.js';
import { agencyYears, type AgencyYear } from './agency-years.js';
import { cityDepartments } from './presets.js';
import type { Lang } from './table.js';

export interface ChartOptions {
  outDir: string;
  lang: Lang;
  agency?: string;
  city?: string;
  year?: number;
}

export interface Chart {
  id: string;
  description: string;
  /** The ECharts option, and a file name stem. */
  make(options: ChartOptions): Promise<{ name: string; option: Record<string, unknown>; height: number }>;
}

export class ChartOptionError extends Error {}

// Unquoted: ECharts writes the family into an SVG attribute without escaping quotes.
const FONT = 'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif';
const SERIES = ['new_requests', 'granted_or_partly', 'denied'] as const;
const label = (id: string, lang: Lang) => (lang === 'zh' ? FIGURE_BY_ID.get(id)!.zh : FIGURE_BY_ID.get(id)!.en);
const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');

function bars(title: string, categories: string[], rows: AgencyYear[], lang: Lang, horizontal: boolean): Record<string, unknown> {
  const categoryAxis = { type: 'category', data: categories, axisLabel: { interval: 0 } };
  const valueAxis = { type: 'value' };
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT },
    title: { text: title, left: 'center', textStyle: { fontFamily: FONT, fontSize: 16 } },
    legend: { top: 40, data: SERIES.map((s) => label(s, lang)) },
    grid: { top: 80, left: horizontal ? 200 : 60, right: 30, bottom: 40 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: SERIES.map((s) => ({ name: label(s, lang), type: 'bar', data: rows.map((r) => r.figures[s]), label: { show: rows.length <= 12, position: horizontal ? 'right' : 'top' } })),
  };
}

const agencyOverYears: Chart = {
  id: 'agency-years',
  description: 'requests, granted and refused over the years for one agency (--agency NAME)',
  async make({ outDir, lang, agency }) {
    if (!agency) throw new ChartOptionError('the agency-years chart needs --agency NAME');
    // Years whose report has none of the charted figures (a pre-2019 report) would be empty bars.
    const rows = (await agencyYears(outDir)).filter((a) => a.agency === agency && SERIES.some((s) => a.figures[s] !== null)).sort((a, b) => a.year - b.year);
    if (!rows.length) throw new ChartOptionError(`no report of ${agency} in ${outDir}/reports.ndjson`);
    const title = lang === 'zh' ? `${agency}：历年政府信息公开申请` : `${agency}: information requests by year`;
    return { name: `chart-agency-years-${safe(agency)}`, option: bars(title, rows.map((r) => String(r.year)), rows, lang, false), height: 500 };
  },
};

const cityDepartmentsChart: Chart = {
  id: 'city',
  description: "a city's departments side by side in one year (--city NAME [--year YEAR])",
  async make({ outDir, lang, city, year }) {
    if (!city) throw new ChartOptionError('the city chart needs --city NAME');
    const found = await cityDepartments(outDir, city, year);
    if (!found.rows.length) throw new ChartOptionError(`no report of an agency named ${city}… in ${outDir}/reports.ndjson${year ? ` for ${year}` : ''}`);
    const title = lang === 'zh' ? `${city}各部门 ${found.year} 年政府信息公开申请` : `${city}: requests by department, ${found.year}`;
    return { name: `chart-city-${safe(city)}-${found.year}`, option: bars(title, found.rows.map((r) => r.agency), found.rows, lang, true), height: Math.max(400, 120 + found.rows.length * 3 * 16) };
  },
};

export const CHARTS: Chart[] = [agencyOverYears, cityDepartmentsChart];
export const CHART_BY_ID = new Map(CHARTS.map((c) => [c.id, c]));

/** The chart as an SVG document (ECharts server-side rendering). */
export async function renderSvg(option: Record<string, unknown>, width = 900, height = 500): Promise<string> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The SVG rasterised at twice its size (system fonts; CJK text needs a CJK font such as Noto Sans CJK). */
export async function renderPng(svg: string, width = 1800): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' } }).render().asPng();
}

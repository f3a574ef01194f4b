/**
 * An export table: columns that know their Chinese and English headers and their definition, and rows
 * of plain values. Presets make them; the CSV and XLSX renderers and the charts only read them.
 */
export type ExportValue = string | number | null;
export type Lang = 'zh' | 'en';

export interface ExportColumn {
  id: string;
  zh: string;
  en: string;
  /** text; integer (a year, a count of reports); count (of requests, cases…); amount (万元); share (a ratio 0..1). */
  kind: 'text' | 'integer' | 'count' | 'amount' | 'share';
  definition_zh: string;
  definition_en: string;
}

export interface ExportTable {
  /** The preset that made it (file and sheet name). */
  preset: string;
  title_zh: string;
  title_en: string;
  columns: ExportColumn[];
  rows: ExportValue[][];
}

export const header = (c: ExportColumn, lang: Lang) => (lang === 'zh' ? c.zh : c.en);
export const definition = (c: ExportColumn, lang: Lang) => (lang === 'zh' ? c.definition_zh : c.definition_en);

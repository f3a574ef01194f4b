/**
 * The headings of a pre-2019 statistics table's columns (指标 | 单位 | 数量 | 历年累计): one home for the
 * text reader that finds such a table in crawler text (txt/stats-table.ts) and for the structure step
 * that reads any table block as one (src/structure/legacy.ts).
 */

/** The indicator column's heading (指标, 统计指标, 指标名称, 项目 …), as a pattern's source. */
export const INDICATOR_HEADING = '(?:统计)?指标(?:名称)?|(?:统计)?项目(?:名称)?';
/** The unit column's heading (单位, 计量单位), as a pattern's source. */
export const UNIT_HEADING = '(?:计量)?单位';
/** A value column's heading that says it counts all years so far (累计, 历年累计). */
export const CUMULATIVE_HEADING = /(?:历年)?累计/;

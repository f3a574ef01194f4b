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
/**
 * A category column's heading, before the indicator's (类别 | 指标): the form's sections printed as a
 * column merged down beside their rows (一、主动公开情况 | （一）主动公开政府信息数 | 条 | 125).
 */
export const CATEGORY_HEADING = '类别|分类|类型';
/** A value column's heading that names the year before the report's (上年, 上年度, 去年, 上年同期): not the year's value. */
export const PRIOR_HEADING = /上年|去年|同期/;
/**
 * The headings a value column prints, as a pattern's source: the year's count (数量, 统计数, 数值, 本年度,
 * 2015年, 2015年度), the year before's (上年度, 2014年), a 累计 column. A run of them run together (text
 * parts no cells: 2015年2014年) is cut into columns by it.
 */
export const VALUE_HEADING = '(?:历年)?累计|本年度?(?:数量|数)?|上年度?(?:同期)?(?:数量|数)?|去年(?:同期)?|\\d{4}年度?(?:数量|数)?|数量|统计数|数值|数据|数字';

/** Units a statistics row measures in (beyond a value cell's own: people, articles, sessions). */
export const STAT_UNITS: ReadonlySet<string> = new Set(['条', '件', '个', '次', '项', '人', '人次', '篇', '元', '万元', '场', '期', '份', '家', '天', '日', '个工作日', '小时', '%', '位', '部', '批', '册', '台', '套', '本', '处', '万人次', '户']);

/** An indicator printing its unit in brackets at its end (主动公开政府信息数（条）): the words before and the unit. */
export function unitInIndicator(indicator: string): { indicator: string; unit: string } | undefined {
  const m = /^(.*\S)\s*[（(]\s*([^（）()]{1,4}?)\s*[）)]$/.exec(indicator);
  return m && STAT_UNITS.has(m[2]) ? { indicator: m[1], unit: m[2] } : undefined;
}

/**
 * A value column's heading stating the unit its values count in (数量（件）, 2014年度(条)): the heading
 * and the unit. The rows of a table so headed with no unit column count in it, but for a row printing
 * another in brackets after its indicator.
 */
export function valueHeadingUnit(heading: string): { heading: string; unit: string } | undefined {
  const m = /^(.*\S)\s*[（(]\s*([^（）()]{1,4}?)\s*[）)]$/.exec(heading);
  return m && STAT_UNITS.has(m[2]) && new RegExp(`^(?:${VALUE_HEADING})$`).test(m[1].replace(/\s+/g, '')) ? { heading: m[1], unit: m[2] } : undefined;
}

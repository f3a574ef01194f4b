/** The site's index: every report with its findings counted, filters, and charts (drawn by assets/index.js). */
import type { ReportRecord } from '../schemas/record.js';
import { esc, page } from './html.js';
import { reportTitle } from './report-page.js';
import { reviewId } from '../reviews/review-id.js';
import { reviewKey, type Review } from '../reviews/store.js';
import { BASIS_WORDS, DECISION_WORDS, RULE_NAMES, SEVERITY_WORDS, STATUS_WORDS } from './words.js';

/** One finding in the index: rule, severity, basis, review id, decision ('none' when unreviewed). */
export type IndexFinding = [string, string, string, string, string];

export interface IndexEntry {
  slug: string;
  agency: string;
  year: number | null;
  format: string;
  status: string;
  title: string;
  findings: IndexFinding[];
  /** Cells whose reading is in doubt. */
  doubtful: number;
}

export function indexEntry(r: ReportRecord, slug: string, reviews: Map<string, Review>): IndexEntry {
  return {
    slug,
    agency: r.agency ?? '',
    year: r.year ?? null,
    format: r.format,
    status: r.status,
    title: reportTitle(r),
    findings: r.findings.map((f) => {
      const key = reviewKey(r.sha256, f.rule, f.cells);
      return [f.rule, f.severity, f.basis, reviewId(key), reviews.get(key)?.decision ?? 'none'];
    }),
    doubtful: Object.values(r.cell_details).filter((d) => d.doubt).length,
  };
}

const select = (id: string, label: string) =>
  `<label>${esc(label)} <select id="${id}"><option value="">全部</option></select></label>`;

export function indexPage(entries: IndexEntry[]): { html: string; data: unknown } {
  const body = `<header class="top"><h1>政府信息公开工作年度报告 · 审核</h1>
<p class="muted">共 <b id="count-reports">${entries.length}</b> 份报告。点击表头排序；筛选条件同时作用于报告列表、计数和图表。</p></header>
<section class="filters" id="filters">
<label>机关 <input id="f-agency" type="search" placeholder="按机关名称搜索"></label>
${select('f-rule', '规则')}${select('f-year', '年度')}${select('f-severity', '严重程度')}${select('f-basis', '依据')}${select('f-review', '审核状态')}
<button id="f-reset" type="button">清除筛选</button>
</section>
<section class="totals" id="totals"></section>
<section class="charts"><div class="chart" id="chart-rule"></div><div class="chart" id="chart-agency"></div><div class="chart" id="chart-year"></div></section>
<table class="index" id="reports">
<thead><tr>
<th data-sort="agency">机关</th><th data-sort="year">年度</th><th data-sort="format">格式</th><th data-sort="status">状态</th>
<th data-sort="errors">错误</th><th data-sort="warnings">警告</th><th data-sort="printed">原文如此</th><th data-sort="doubtfulFindings">读取存疑</th>
<th data-sort="doubtful">存疑单元格</th><th data-sort="reviewed">已审核</th>
</tr></thead>
<tbody></tbody>
</table>
<p id="empty" class="muted" hidden>没有符合筛选条件的报告。</p>`;
  const data = {
    reports: entries,
    words: { rules: RULE_NAMES, severity: SEVERITY_WORDS, basis: BASIS_WORDS, decision: DECISION_WORDS, status: STATUS_WORDS },
  };
  return { html: page({ title: '年报审核', root: '', body, bodyClass: 'index', scripts: ['assets/echarts.min.js', 'data/index.js', 'assets/review.js', 'assets/index.js'] }), data };
}

/** One report's page of the audit site: its findings, its tables as printed, prose figures, the years around it. */
import type { ReportRecord } from '../schemas/record.js';
import type { YearCheck } from '../checks/cross-year/index.js';
import { CELL_BY_KEY, TABLE_IDS } from '../templates/ids.js';
import { dataScript, esc, page } from './html.js';
import { checkedCells, identityText } from './identity-text.js';
import { reviewId } from '../reviews/review-id.js';
import { reviewKey, type Review } from '../reviews/store.js';
import { templateTable, type CellMarks } from './report-tables.js';
import { BASIS_WORDS, DECISION_WORDS, DOUBT_WORDS, PROSE_WORDS, RULE_NAMES, RULE_WORDS, SEVERITY_WORDS, STATUS_WORDS } from './words.js';
import type { Evidence } from './evidence.js';

export interface ReportPageInput {
  record: ReportRecord;
  /** File name of this report's page (and of its data script, with .js). */
  slug: string;
  reviews: Map<string, Review>;
  /** Year checks this report took part in, as the later or the earlier year. */
  yearChecks: YearCheck[];
  /** report_id → slug, for links to the neighbouring years' pages. */
  slugs: Map<string, string>;
  evidence: Evidence;
}

export function reportTitle(r: Pick<ReportRecord, 'agency' | 'year' | 'title' | 'source'>): string {
  if (r.agency && r.year) return `${r.agency} ${r.year} 年度报告`;
  return r.title ?? r.source.split('/').pop() ?? r.source;
}

function cellName(key: string): string {
  const def = CELL_BY_KEY.get(key);
  return def ? `${def.row.label} · ${def.column.label}` : (PROSE_WORDS[key] ?? key);
}

/** A list that would bury the page folds away, its count still in sight. */
const FOLD_AFTER = 20;
function foldable(title: string, count: number, inner: string): string {
  return count > FOLD_AFTER ? `<details><summary>${title}（${count}，点击展开）</summary>${inner}</details>` : inner;
}

export function reportPage(input: ReportPageInput): { html: string } {
  const { record: r, reviews } = input;
  const marks: CellMarks = { failing: new Map(), checked: new Set() };
  const findings = r.findings.map((f, i) => {
    const key = reviewKey(r.sha256, f.rule, f.cells);
    const review = reviews.get(key);
    const checked = f.rule === 'completeness' ? [] : checkedCells(r, f);
    if (f.rule !== 'completeness') {
      for (const c of f.cells) marks.failing.set(c, [...(marks.failing.get(c) ?? []), i]);
      for (const c of checked) marks.checked.add(c);
    }
    return { f, i, key, id: reviewId(key), review, identity: identityText(r, f), checked };
  });

  const findingCards = findings.map(({ f, i, key, id, review, identity, checked }) => {
    const decision = review?.decision ?? 'none';
    return `<li class="finding sev-${f.severity} basis-${f.basis}" id="f${i}" data-finding="${i}" data-review-id="${id}" data-review-key="${esc(key)}" data-rule="${esc(f.rule)}">
<div class="fhead"><span class="badge sev">${esc(SEVERITY_WORDS[f.severity] ?? f.severity)}</span><span class="badge basis" title="${f.basis === 'printed' ? '所涉单元格均读取无疑：报告本身不一致' : '至少一个单元格读取存疑：可能是读取问题'}">${esc(BASIS_WORDS[f.basis] ?? f.basis)}</span>
<b>${esc(RULE_NAMES[f.rule] ?? f.rule)}</b> <code>${esc(f.rule)}</code> <span class="review-state decision-${decision}">${esc(DECISION_WORDS[decision])}</span></div>
<div class="rule-words">${esc(RULE_WORDS[f.rule] ?? '')}</div>
${identity ? `<div class="identity">${esc(identity)}</div>` : ''}
<div class="numbers">应为 <b>${esc(f.expected ?? '—')}</b>，原文 <b>${esc(f.actual ?? '—')}</b>${checked.length ? `（${checked.map((c) => esc(cellName(c))).join('；')}）` : ''}</div>
<div class="message muted">${esc(f.message)}</div>
${review?.note ? `<div class="review-note">审核意见：${esc(review.note)}${review.reviewer ? ` —— ${esc(review.reviewer)}` : ''}</div>` : '<div class="review-note"></div>'}
<div class="review-form" hidden></div>
</li>`;
  });

  const prose = Object.entries(r.prose).map(
    ([k, p]) => `<tr><td>${esc(cellName(k))} <code>${esc(k)}</code></td><td class="num">${esc(p.value)}</td><td>${esc(p.sentence)}</td></tr>`,
  );
  const years = input.yearChecks.map((c) => {
    const later = c.report_id === r.report_id;
    const other = later ? c.previous_report_id : c.report_id;
    const otherSlug = input.slugs.get(other);
    const otherYear = later ? c.previous_year : c.year;
    const link = otherSlug ? `<a href="${esc(otherSlug)}.html">${esc(otherYear)} 年报告</a>` : `${esc(otherYear)} 年报告`;
    const status = { passed: '通过', failed: '不符', skipped: '未比较' }[c.status];
    return `<tr class="yc-${c.status}"><td>${esc(RULE_NAMES[c.rule])}</td><td>${esc(c.previous_year)} → ${esc(c.year)}</td><td>${esc(c.where)}</td><td class="num">${esc(c.expected)}</td><td class="num">${esc(c.actual)}</td><td>${status}</td><td>${link}</td></tr>`;
  });
  const doubtful = Object.entries(r.cell_details).filter(([, d]) => d.doubt);

  const body = `<header class="top"><a href="../index.html" class="back">← 返回索引</a>
<h1>${esc(reportTitle(r))}</h1>
<dl class="meta"><dt>标题</dt><dd>${esc(r.title ?? '—')}</dd><dt>格式</dt><dd>${esc(r.format.toUpperCase())}</dd><dt>状态</dt><dd>${esc(STATUS_WORDS[r.status] ?? r.status)}${r.error ? `：${esc(r.error)}` : ''}</dd>
<dt>来源文件</dt><dd><code>${esc(r.source)}</code></dd>${r.source_url ? `<dt>网址</dt><dd>${/^https?:\/\//i.test(r.source_url) ? `<a href="${esc(r.source_url)}" rel="noreferrer">${esc(r.source_url)}</a>` : esc(r.source_url)}</dd>` : ''}${r.published ? `<dt>发布日期</dt><dd>${esc(r.published)}</dd>` : ''}
<dt>SHA-256</dt><dd><code>${esc(r.sha256)}</code></dd><dt>读取存疑单元格</dt><dd>${doubtful.length}</dd></dl>
<p class="legend"><span class="v fail">失败</span> 未通过勾稽校验的单元格 <span class="v doubt">存疑<sup class="dq">?</sup></span> 读取存疑的单元格　点击任一单元格可查看其在原文中的位置。</p>
</header>
<div class="layout">
<main>
<section class="findings"><h2>校验发现（${r.findings.length}）</h2>${r.findings.length ? `<ol class="finding-list">${findingCards.join('\n')}</ol>` : '<p class="muted">无。</p>'}</section>
<section class="tables"><h2>统计表</h2>${TABLE_IDS.map((t) => templateTable(t, r, marks)).join('\n')}</section>
${doubtful.length ? `<section class="doubts"><h2>读取存疑的单元格（${doubtful.length}）</h2>${foldable('读取存疑的单元格', doubtful.length, `<table class="list"><tr><th>单元格</th><th>原文</th><th>原因</th></tr>${doubtful
    .map(([k, d]) => `<tr><td><a href="#" class="cell-link" data-key="${esc(k)}">${esc(cellName(k))}</a></td><td><code>${esc(d.raw)}</code></td><td>${esc(DOUBT_WORDS[d.doubt!] ?? d.doubt)}</td></tr>`)
    .join('')}</table>`)}</section>` : ''}
<section class="prose"><h2>正文中的数字（${prose.length}）</h2>${prose.length ? `<table class="list"><tr><th>项目</th><th>数字</th><th>所在句子</th></tr>${prose.join('')}</table>` : '<p class="muted">无。</p>'}</section>
<section class="years"><h2>跨年度核对（${years.length}）</h2>${years.length ? foldable('跨年度核对', years.length, `<table class="list"><tr><th>规则</th><th>年度</th><th>项目</th><th>应为</th><th>原文</th><th>结果</th><th>相邻年度</th></tr>${years.join('')}</table>`) : '<p class="muted">本次运行中没有同一机关相邻年度的报告。</p>'}</section>
</main>
<aside id="evidence" class="evidence"><h2>原文位置</h2><div class="evidence-body muted">点击表中的单元格，查看它在原文中的位置。</div></aside>
</div>`;

  const cells: Record<string, unknown> = {};
  for (const [key, d] of Object.entries(r.cell_details)) {
    cells[key] = { v: r.cells[key] ?? null, raw: d.raw, doubt: d.doubt, doubtText: d.doubt ? (DOUBT_WORDS[d.doubt] ?? d.doubt) : null, prov: d.prov, via: d.via, name: cellName(key) };
  }
  for (const key of Object.keys(r.cells)) if (!cells[key]) cells[key] = { v: r.cells[key], raw: '', doubt: null, name: cellName(key) };
  const data = {
    id: r.report_id,
    sha256: r.sha256,
    format: r.format,
    cells,
    findings: findings.map(({ f, i, key, id, identity, checked }) => ({ i, id, key, rule: f.rule, ruleName: RULE_NAMES[f.rule] ?? f.rule, identity, cells: f.cells, checked })),
    evidence: input.evidence,
  };
  // The data inline: one file per report page, nothing to fetch (file:// forbids it anyway).
  const html = page({
    title: `${reportTitle(r)} · 审核`,
    root: '../',
    body,
    bodyClass: 'report',
    inline: dataScript('NIANBAO_REPORT', data),
    scripts: ['../assets/review.js', '../assets/report.js'],
  });
  return { html };
}

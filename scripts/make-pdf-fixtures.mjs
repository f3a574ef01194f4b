#!/usr/bin/env node
/**
 * Makes the PDF test fixtures of tests/fixtures/pdf: the figures of three corpus truth files set in the
 * three template tables as HTML, printed to PDF by LibreOffice in the layouts real reports come in
 * (a table split over a page break with and without a repeated header, digits wrapping in narrow
 * columns, landscape pages, long labels wrapping over many lines). Beside each PDF goes its truth (the
 * expected cells), taken from the corpus truth file, so the fixtures test the reader and not the script.
 *
 * Run from the repository root: node scripts/make-pdf-fixtures.mjs [OUT_DIR] (needs soffice and pdfinfo).
 * The HTML and the truth files are deterministic; the PDFs differ between runs only in their dates/ids.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Output folder; another one (first argument) lets a run be compared with the committed fixtures. */
const OUT = process.argv[2] ?? 'tests/fixtures/pdf';
const CORPUS = '../shared/corpus';

const SOURCES = {
  pingtan: `${CORPUS}/rendered/pingtan-2023-pdf.truth.json`,
  hongze: `${CORPUS}/real/hongze-2023.truth.json`,
  huaian: `${CORPUS}/real/huaian-city-2024.truth.json`,
};

const REQUEST_COLUMNS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person', 'total'];
const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** The outcome groups of 三、本年度办理结果, as the 2021 template prints them. */
const GROUPS = [
  ['（三）不予公开', [
    ['denied_state_secret', '1.属于国家秘密'],
    ['denied_prohibited_by_law', '2.其他法律行政法规禁止公开'],
    ['denied_three_safeties_one_stability', '3.危及“三安全一稳定”'],
    ['denied_third_party_rights', '4.保护第三方合法权益'],
    ['denied_internal_affairs', '5.属于三类内部事务信息'],
    ['denied_process_info', '6.属于四类过程性信息'],
    ['denied_enforcement_files', '7.属于行政执法案卷'],
    ['denied_admin_query', '8.属于行政查询事项'],
  ]],
  ['（四）无法提供', [
    ['unavailable_not_held', '1.本机关不掌握相关政府信息'],
    ['unavailable_needs_creation', '2.没有现成信息需要另行制作'],
    ['unavailable_still_unclear', '3.补正后申请内容仍不明确'],
  ]],
  ['（五）不予处理', [
    ['rejected_petition_complaint', '1.信访举报投诉类申请'],
    ['rejected_duplicate', '2.重复申请'],
    ['rejected_publication', '3.要求提供公开出版物'],
    ['rejected_excessive', '4.无正当理由大量反复申请'],
    ['rejected_confirm_existing', '5.要求行政机关确认或重新出具已获取信息'],
  ]],
];
const OTHER_2021 = ['（六）其他处理', [
  ['other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['other_unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['other_other', '3.其他'],
]];

/**
 * The fixtures. Options: landscape page; padding paragraphs before the requests table (to move a page
 * break into it); thead = the header rows repeat on the next page; valueWidth/labelWidth in px,
 * fontSize in pt and digitFont (an HTML <font size>) shape the cells so digits or labels wrap.
 */
const FIXTURES = [
  { name: 'split-repeated-header', source: 'pingtan', pad: 30, thead: true,
    why: 'requests table split over a page break, header rows repeated on the next page (<thead>): the join must drop the repeat' },
  { name: 'split-no-header', source: 'pingtan', pad: 30, thead: false,
    why: 'requests table split over a page break with no repeated header: rows continue straight on the next page' },
  { name: 'narrow-wrapped-digits', source: 'huaian', valueWidth: 40, digitFont: 6,
    why: 'value columns 40px wide with 24pt digits so multi-digit numbers wrap inside their cells (3119 printed as 31 over 19, 3001 one digit a line)' },
  { name: 'landscape-2019-other', source: 'hongze', landscape: true,
    why: 'A4 landscape pages; requests table in the 2019 style with one （六）其他处理 row' },
  { name: 'long-wrapped-labels', source: 'pingtan', labelWidth: 60, fontSize: 11,
    why: 'label columns 60px wide so row labels wrap over many lines (（二）部分公开… over five or more lines)' },
];

function loadTruth(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function values(cells, table, row, columns) {
  return columns.map((c) => {
    const key = `${table}.${row}.${c}`;
    if (!(key in cells)) throw new Error(`truth has no ${key}`);
    return cells[key];
  });
}

const fmt = (v) => (v === null ? '' : String(v));

/**
 * A value as the cell prints it. LibreOffice never breaks inside a word, so for the wrapped-digits
 * fixture a zero-width space (not drawn, not in the text layer) between digits lets a number wrap the
 * way Word wraps it in a too-narrow column; a <font size> makes the digits big enough to need it.
 */
function valueCell(v, f) {
  const w = f.valueWidth ? ` width="${f.valueWidth}"` : '';
  if (!f.digitFont) return `<td${w}>${fmt(v)}</td>`;
  return `<td${w}><font size="${f.digitFont}">${[...fmt(v)].join('&#8203;')}</font></td>`;
}

function proactiveTable(cells, f) {
  const v = (row, col) => fmt(cells[`proactive.${row}.${col}`]);
  const lw = f.labelWidth ? ` width="${f.labelWidth}"` : '';
  return `<table border="1" cellspacing="0" cellpadding="2">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td${lw}>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td${lw}>规章</td>${['issued', 'repealed', 'in_force'].map((c) => valueCell(cells[`proactive.rules.${c}`], f)).join('')}</tr>
<tr><td${lw}>行政规范性文件</td>${['issued', 'repealed', 'in_force'].map((c) => valueCell(cells[`proactive.normative_documents.${c}`], f)).join('')}</tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td${lw}>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td${lw}>行政许可</td><td colspan="3">${v('administrative_license', 'decisions')}</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td${lw}>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td${lw}>行政处罚</td><td colspan="3">${v('administrative_penalty', 'decisions')}</td></tr>
<tr><td${lw}>行政强制</td><td colspan="3">${v('administrative_enforcement', 'decisions')}</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td${lw}>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td${lw}>行政事业性收费</td><td colspan="3">${v('administrative_fees', 'amount_10k_yuan')}</td></tr>
</table>`;
}

function requestsTable(cells, f, layout2019) {
  const w = f.valueWidth ? ` width="${f.valueWidth}"` : '';
  const lw = f.labelWidth ? ` width="${f.labelWidth}"` : '';
  const tds = (row) => values(cells, 'requests', row, REQUEST_COLUMNS).map((x) => valueCell(x, f)).join('');
  const groups = layout2019 ? GROUPS : [...GROUPS, OTHER_2021];
  const outcomeRows = 2 + groups.reduce((n, [, items]) => n + items.length, 0) + (layout2019 ? 1 : 0) + 1;
  const head = `<tr><td colspan="3" rowspan="3"${lw}>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2"${w}>自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2"${w}>总计</td></tr>
<tr><td${w}>商业企业</td><td${w}>科研机构</td><td${w}>社会公益组织</td><td${w}>法律服务机构</td><td${w}>其他</td></tr>`;
  let body = '';
  body += `<tr><td colspan="3"${lw}>一、本年新收政府信息公开申请数量</td>${tds('new_received')}</tr>\n`;
  body += `<tr><td colspan="3"${lw}>二、上年结转政府信息公开申请数量</td>${tds('carried_over')}</tr>\n`;
  body += `<tr><td rowspan="${outcomeRows}"${lw}>三、本年度办理结果</td><td colspan="2"${lw}>（一）予以公开</td>${tds('granted')}</tr>\n`;
  body += `<tr><td colspan="2"${lw}>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>${tds('partially_granted')}</tr>\n`;
  for (const [group, items] of groups) {
    items.forEach(([id, label], k) => {
      body += `<tr>${k === 0 ? `<td rowspan="${items.length}"${lw}>${group}</td>` : ''}<td${lw}>${label}</td>${tds(id)}</tr>\n`;
    });
  }
  if (layout2019) body += `<tr><td colspan="2"${lw}>（六）其他处理</td>${tds('other_handling')}</tr>\n`;
  body += `<tr><td colspan="2"${lw}>（七）总计</td>${tds('total_processed')}</tr>\n`;
  body += `<tr><td colspan="3"${lw}>四、结转下年度继续办理</td>${tds('carried_forward')}</tr>\n`;
  // LibreOffice repeats <thead> rows at the top of every page the table runs onto.
  const header = f.thead ? `<thead>\n${head}\n</thead>\n<tbody>\n${body}</tbody>` : `${head}\n${body}`;
  return `<table border="1" cellspacing="0" cellpadding="2">\n${header}\n</table>`;
}

function appealsTable(cells, f) {
  const w = f.valueWidth ? ` width="${f.valueWidth}"` : '';
  const row = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((r) => values(cells, 'appeals', r, APPEAL_COLUMNS));
  return `<table border="1" cellspacing="0" cellpadding="2">
<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((x) => `<td${w}>${x}</td>`).join('').repeat(3)}</tr>
<tr>${row.map((x) => valueCell(x, f)).join('')}</tr>
</table>`;
}

/** Filler prose that reads like a report's overview, so page breaks fall where the fixture wants them. */
function padding(n) {
  const lines = [];
  for (let i = 1; i <= n; i++) lines.push(`<p>（${i}）持续推进政务公开标准化规范化建设，围绕重点领域信息公开要求，及时更新政府信息公开目录和专栏内容。</p>`);
  return lines.join('\n');
}

function html(truth, f) {
  const layout2019 = truth.layout.requests === '2019';
  const title = `${truth.agency}${truth.year}年政府信息公开工作年度报告`;
  const page = f.landscape ? '<style>@page { size: 29.7cm 21cm; margin: 2cm }</style>' : '';
  const font = f.fontSize ? `<style>td { font-size: ${f.fontSize}pt }</style>` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>${page}${font}</head><body>
<h1>${title}</h1>
<p>本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自${truth.year}年1月1日起至${truth.year}年12月31日止。</p>
<p>一、总体情况</p>
<p>${truth.year}年，本机关认真贯彻落实政府信息公开工作要求，依法依规做好政府信息公开工作。</p>
<p>二、主动公开政府信息情况</p>
${proactiveTable(truth.cells, f)}
<p>三、收到和处理政府信息公开申请情况</p>
${padding(f.pad ?? 0)}
${requestsTable(truth.cells, f, layout2019)}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
${appealsTable(truth.cells, f)}
<p>五、存在的主要问题及改进情况</p>
<p>一是公开内容的规范性有待提高；二是政策解读形式还不够丰富。</p>
<p>六、其他需要报告的事项</p>
<p>本年度未收取信息处理费。</p>
<p style="text-align:right">${truth.agency}</p>
<p style="text-align:right">${truth.year + 1}年1月20日</p>
</body></html>
`;
}

function expected(truth, sourceFile, f) {
  return {
    fixture: `${f.name}.pdf`,
    made_from: sourceFile.replace(`${CORPUS}/`, ''),
    purpose: f.why,
    landscape: Boolean(f.landscape),
    agency: truth.agency,
    year: truth.year,
    layout: truth.layout,
    cells: truth.cells,
  };
}

mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'nianbao-pdf-fixtures-'));
try {
  const readme = [
    '# PDF reader fixtures',
    '',
    'Made by `node scripts/make-pdf-fixtures.mjs` (LibreOffice `soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export`)',
    'from the figures of corpus truth files; each `NAME.truth.json` holds the cells the reader must give for `NAME.pdf`.',
    '',
  ];
  for (const f of FIXTURES) {
    const truth = loadTruth(SOURCES[f.source]);
    const htmlFile = join(work, `${f.name}.html`);
    writeFileSync(htmlFile, html(truth, f));
    execFileSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, htmlFile], { stdio: 'pipe' });
    copyFileSync(join(work, `${f.name}.pdf`), join(OUT, `${f.name}.pdf`));
    writeFileSync(join(OUT, `${f.name}.truth.json`), JSON.stringify(expected(truth, SOURCES[f.source], f), null, 1) + '\n');
    const info = execFileSync('pdfinfo', [join(OUT, `${f.name}.pdf`)], { encoding: 'utf8' });
    const pages = /Pages:\s+(\d+)/.exec(info)?.[1];
    const size = /Page size:\s+(.*)/.exec(info)?.[1];
    console.log(`${f.name}.pdf: ${pages} pages, ${size}`);
    readme.push(`- \`${f.name}.pdf\` — figures of ${SOURCES[f.source].replace(`${CORPUS}/`, '')}; ${f.why}.`);
  }
  readme.push(
    '',
    'Made inside the tests, not committed: a hand-written PDF in unembedded STSong-Light (tests/extractors/pdf/minimal-pdf.ts),',
    'qpdf-encrypted and owner-restricted copies, a copy cut in half, and image-only scans (tests/helpers/scanned-pdf.ts).',
  );
  writeFileSync(join(OUT, 'README.md'), readme.join('\n') + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}

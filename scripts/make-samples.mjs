#!/usr/bin/env node
/**
 * Makes the bundled samples: a report of a fictional body set in the 2021 template, as HTML, and (with
 * Debian's LibreOffice) as DOCX and PDF. One sample carries deliberate errors so `npm start` shows
 * findings. Run: node scripts/make-samples.mjs (needs soffice for DOCX/PDF).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const OUT = 'samples';
mkdirSync(OUT, { recursive: true });

const cols = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const groups = {
  '（三）不予公开': ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'],
  '（四）无法提供': ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'],
  '（五）不予处理': ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'],
  '（六）其他处理': ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'],
};

function row(values) {
  const six = values.slice(0, 6);
  return [...six, six.reduce((a, b) => a + b, 0)];
}

function report({ agency, year, published, outcomes, carriedOver, carriedForward, appeals, proactive, breakTotal }) {
  const outcomeRows = Object.values(outcomes);
  const processed = row(cols.slice(0, 6).map((_, c) => outcomeRows.reduce((s, r) => s + r[c], 0)));
  const received = row(cols.slice(0, 6).map((_, c) => processed[c] + carriedForward[c] - carriedOver[c]));
  if (breakTotal) processed[6] += 1; // a deliberate error: （七）总计 off by one in the 总计 column
  const td = (v) => `<td>${v}</td>`;
  const valueRow = (label, vals, pre = '') => `<tr>${pre}<td>${label}</td>${vals.map(td).join('')}</tr>`;
  const names = Object.keys(outcomes);
  let body = '';
  body += valueRow('一、本年新收政府信息公开申请数量', received, '').replace('<td>一、', '<td colspan="3">一、');
  body += valueRow('二、上年结转政府信息公开申请数量', row(carriedOver)).replace('<td>二、', '<td colspan="3">二、');
  const outcomeCount = names.length + Object.keys(groups).length + 1;
  body += `<tr><td rowspan="${outcomeCount}">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>${outcomes.granted.map(td).join('')}</tr>`;
  body += `<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>${outcomes.partially.map(td).join('')}</tr>`;
  let i = 2;
  for (const [group, items] of Object.entries(groups)) {
    items.forEach((item, k) => {
      const vals = outcomes[names[i++]];
      body += `<tr>${k === 0 ? `<td rowspan="${items.length}">${group}</td>` : ''}<td>${item}</td>${vals.map(td).join('')}</tr>`;
    });
  }
  body += `<tr><td colspan="2">（七）总计</td>${processed.map(td).join('')}</tr>`;
  body += valueRow('四、结转下年度继续办理', row(carriedForward)).replace('<td>四、', '<td colspan="3">四、');
  const appealRow = appeals.flatMap((g) => [...g, g.reduce((a, b) => a + b, 0)]);
  const p = proactive;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${agency}${year}年政府信息公开工作年度报告</title></head><body>
<h1>${agency}${year}年政府信息公开工作年度报告</h1>
<p>本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。</p>
<p>一、总体情况</p>
<p>${year}年，本机关主动公开政府信息${p.items}条，收到政府信息公开申请${received[6]}件，上年结转${carriedOver.reduce((a, b) => a + b, 0)}件。</p>
<p>二、主动公开政府信息情况</p>
<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>${p.rules.join('</td><td>')}</td></tr>
<tr><td>行政规范性文件</td><td>${p.docs.join('</td><td>')}</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">${p.license}</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">${p.penalty}</td></tr>
<tr><td>行政强制</td><td colspan="3">${p.enforcement}</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">${p.fees}</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${body}
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1">
<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map(td).join('').repeat(3)}</tr>
<tr>${appealRow.map(td).join('')}</tr>
</table>
<p>五、存在的主要问题及改进情况</p>
<p>一是公开内容的规范性有待提高；二是政策解读形式还不够丰富。</p>
<p>六、其他需要报告的事项</p>
<p>本年度未收取信息处理费。</p>
<p style="text-align:right">${agency}</p>
<p style="text-align:right">${published}</p>
</body></html>`;
}

const z = [0, 0, 0, 0, 0, 0];
const mk = (a) => row(a);
function outcomesFrom(list) {
  const keys = ['granted', 'partially', ...Object.values(groups).flat().map((_, i) => `o${i}`)];
  return Object.fromEntries(keys.map((k, i) => [k, mk(list[i] ?? z)]));
}

const samples = [
  {
    name: 'minzheng-2023',
    agency: '示例市示例区民政局',
    year: 2023,
    published: '2024年1月20日',
    outcomes: outcomesFrom([[12, 3, 0, 1, 0, 0], [4, 1, 0, 0, 0, 0], z, [1, 0, 0, 0, 0, 0], z, [0, 1, 0, 0, 0, 0], z, [2, 0, 0, 0, 0, 0], z, z, [6, 2, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0], [3, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], z, z, z, [1, 0, 0, 0, 0, 0], z, [1, 0, 0, 0, 0, 0]]),
    carriedOver: [2, 0, 0, 0, 0, 0],
    carriedForward: [3, 1, 0, 0, 0, 0],
    appeals: [[2, 1, 0, 1], [1, 0, 0, 0], [0, 0, 0, 1]],
    proactive: { items: 1289, rules: [0, 0, 0], docs: [4, 1, 23], license: 356, penalty: 41, enforcement: 3, fees: 12.5 },
  },
  {
    name: 'minzheng-2024-with-errors',
    agency: '示例市示例区民政局',
    year: 2024,
    published: '2025年1月18日',
    outcomes: outcomesFrom([[15, 2, 0, 0, 1, 0], [3, 0, 0, 0, 0, 0], z, z, z, [1, 0, 0, 0, 0, 0], z, z, z, z, [5, 1, 0, 0, 0, 0], z, [1, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0], z, z, z, z, [1, 0, 0, 0, 0, 0], z, z]),
    carriedOver: [3, 1, 0, 0, 0, 0],
    carriedForward: [2, 0, 0, 0, 0, 0],
    appeals: [[1, 0, 0, 0], [0, 0, 0, 1], z.slice(0, 4)],
    proactive: { items: 1402, rules: [0, 0, 0], docs: [3, 2, 25], license: 371, penalty: 38, enforcement: 2, fees: 11.75 },
    breakTotal: true,
  },
];

for (const s of samples) {
  const file = join(OUT, `${s.name}.html`);
  writeFileSync(file, report(s));
  console.log('wrote', file);
}
try {
  execFileSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', OUT, join(OUT, 'minzheng-2023.html')], { stdio: 'inherit' });
  execFileSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', OUT, join(OUT, 'minzheng-2024-with-errors.html')], { stdio: 'inherit' });
} catch (err) {
  console.error('LibreOffice conversion skipped:', err.message);
}

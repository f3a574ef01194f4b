/**
 * The audit site's Chinese wording: rules, doubts, severities, bases, decisions. Codes without a word
 * here are shown as their code (a rule or doubt added later is still visible, just not translated).
 */
export const RULE_WORDS: Record<string, string> = {
  'requests.balance': '本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理',
  'requests.outcome_sum': '各项办理结果之和 = （七）总计',
  'requests.row_total': '各类申请人之和 = 总计',
  'appeals.group_total': '结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
  'values.domain': '件数为非负整数，金额为非负数',
  completeness: '模板的每个单元格都应填写数字',
  'prose.requests': '正文所述申请数与表格一致',
  prose: '正文所述数字与表格一致',
  'year.carry': '本年“上年结转”= 上一年度报告的“结转下年度继续办理”',
  'year.in_force': '现行有效件数 = 上年现行有效件数 + 本年制发 − 本年废止',
  'crosscheck.same_report': '同一报告的网页与附件数字一致',
};

export const RULE_NAMES: Record<string, string> = {
  'requests.balance': '申请收支平衡',
  'requests.outcome_sum': '办理结果合计',
  'requests.row_total': '申请人合计',
  'appeals.group_total': '复议诉讼合计',
  'values.domain': '数值取值',
  completeness: '填报完整',
  'prose.requests': '正文与表格',
  prose: '正文与表格',
  'year.carry': '跨年结转',
  'year.in_force': '跨年现行有效',
  'crosscheck.same_report': '网页与附件',
};

/** Chinese for the codes of src/templates/doubt.ts. */
export const DOUBT_WORDS: Record<string, string> = {
  'not-found': '文档中未找到该单元格所在的行或表',
  unreadable: '单元格内容不是数字（如“不适用”“见附件”或OCR乱码）',
  'ocr-low-confidence': 'OCR识别置信度低于阈值',
  'ocr-blank': 'OCR在该格未识别到文字：原为空白，或扫描丢失了数字',
  'ocr-identity-conflict': 'OCR识别的数值所在恒等式不成立：可能是扫描识别有误，而非报告本身',
  'ocr-unverified': 'OCR识别的数值无恒等式可校验，且识别置信度低于95或本文档其他单元格已被恒等式查出识别错误',
  'row-by-order': 'OCR识别的行标签无法匹配模板，按模板行序与行数定位该行，尚未经恒等式确认',
  'extra-values': '该行数字多于模板列数，恒等式无法判定哪个是多余的',
  'missing-values': '该行数字少于模板列数，恒等式无法判定缺的是哪个',
  'identity-resolved': '该行可有多种读法，由模板恒等式选定此读法',
  ambiguous: '该行有多种读法都满足恒等式，已留空',
  'glued-split': '数字粘连印刷，按模板恒等式拆分',
  'glued-ambiguous': '粘连数字有多种拆分都满足恒等式，已留空',
  'glued-impossible': '粘连数字没有满足恒等式的拆分，已留空',
  'glued-one-cut': '粘连数字没有满足恒等式的拆分；各种拆法给出相同数值的单元格按此读取，并报告不成立的恒等式',
  'wrapped-label': '数值位于跨行标签的某一行上',
  'wrapped-value': '数值在窄单元格中折成上下两行，已拼接，待恒等式确认',
  'split-by-page': '表格行被分页截断，过宽数值的后几位印在下一页首行，无法确定续接哪个数值，尚未经恒等式确认',
  'unit-missing': '该行其他数值都带计数单位（件），此数值却没有：过宽数值的其余数字可能折在另一行，尚未经恒等式确认',
  'placed-by-position': '版式文本或无框线 PDF 表格中该行数字少于表头列数，按其在表头下的位置归列（未印数字的列为空），尚未经恒等式确认',
  'placed-by-order': '版式文本中该行数字少于表头列数，且表头无法确定其位置：按数值顺序对照最接近表头各列的最多数值行归列；恒等式无法判断空列位置，始终存疑',
  'formula-without-value': '电子表格公式没有缓存值',
  'spaced-values': '单元格内同一行有以空格分开的多个数字：可能是一个数字被拉开，也可能是多个数值挤进一格；已拼接，待恒等式确认',
  'heading-in-part': 'OCR只识别出列标题的一部分（表格列数少于模板）：按与其标题最相近的列读取；恒等式无法区分这些列（表三法人或其他组织各列互换时恒等式仍成立；表四不印总计列时没有恒等式），无法确认',
  'lone-empty-cell': '一行中唯一的空单元格：可能是报告本身留空，也可能是丢失的数值',
};

export const SEVERITY_WORDS: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
export const BASIS_WORDS: Record<string, string> = { printed: '原文如此', doubtful: '读取存疑' };
export const DECISION_WORDS: Record<string, string> = { confirmed: '确认有误', dismissed: '排除', open: '待定', none: '未审核' };
export const STATUS_WORDS: Record<string, string> = { ok: '完整', partial: '部分', failed: '失败' };
export const TABLE_WORDS: Record<string, string> = {
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
};

/** Prose figures that are not a cell of the template. */
export const PROSE_WORDS: Record<string, string> = {
  proactive_items: '主动公开政府信息条数',
  fees_yuan: '收取信息处理费（元）',
  'appeals.litigation.total': '行政诉讼 · 总计（两类合计）',
};

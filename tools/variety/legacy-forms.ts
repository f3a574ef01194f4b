/**
 * The statistics tables reports printed before the 2019 national template (政府信息公开情况统计表, from the
 * 2008 regulation's reports to 2018): generic rows of 指标 | 单位 | 数量, with no template ids. Two forms
 * are common: the short list many provinces used from 2008 (the one the Pingtan 2016 page in
 * ../shared/corpus prints, with a 历年累计 column beside the year's), and the longer form the national
 * office asked for from 2015 (sections 一 … 九, section rows printing no value). Values are drawn so
 * that a form's own sums hold (收到申请数 = its four channels, …), as a report's would.
 */
import type { Random } from './random.js';

export interface FormRow {
  indicator: string;
  /** '' on a section row (it prints no unit and no value). */
  unit: string;
  /** Drawn value; a sum of other rows when `sumOf` names them. */
  draw?: (random: Random, scale: number) => number;
  /** Indexes (into the form) of the rows this row is the sum of. */
  sumOf?: number[];
}

export interface LegacyForm {
  id: 'short-2008' | 'national-2015';
  rows: FormRow[];
  /** The form prints a 历年累计 column beside the year's. */
  cumulative: boolean;
}

const count = (max: number) => (random: Random, scale: number) => random.int(0, Math.max(0, Math.round(max * scale)));
const money = (max: number) => (random: Random) => (random.chance(0.5) ? 0 : Math.round(random.between(0.01, max) * 100) / 100);
const section = (indicator: string): FormRow => ({ indicator, unit: '' });

/** Builds a form from rows whose `sum` names the rows it adds by their wording (resolved to indexes here). */
function form(id: LegacyForm['id'], cumulative: boolean, rows: (Omit<FormRow, 'sumOf'> & { sum?: string[] })[]): LegacyForm {
  // A part is the first row of its wording after its sum: forms repeat wordings (被依法纠错数 under 复议 and 诉讼).
  const at = (indicator: string, after: number): number => {
    const i = rows.findIndex((r, k) => k > after && r.indicator === indicator);
    if (i < 0) throw new Error(`legacy form ${id}: no row ${indicator}`);
    return i;
  };
  return { id, cumulative, rows: rows.map(({ sum, ...row }, k) => (sum ? { ...row, sumOf: sum.map((s) => at(s, k)) } : row)) };
}

export const LEGACY_FORMS: LegacyForm[] = [
  form('short-2008', true, [
    { indicator: '主动公开文件数', unit: '条', sum: ['其中：1、政府网站公开数', '2、政府公报公开数'] },
    { indicator: '其中：1、政府网站公开数', unit: '条', draw: count(8000) },
    { indicator: '2、政府公报公开数', unit: '条', draw: count(60) },
    { indicator: '受理依申请公开信息总数', unit: '条', sum: ['其中：1、当面申请数', '2、网上申请数', '3、信函、传真申请数'] },
    { indicator: '其中：1、当面申请数', unit: '条', draw: count(40) },
    { indicator: '2、网上申请数', unit: '条', draw: count(80) },
    { indicator: '3、信函、传真申请数', unit: '条', draw: count(15) },
    { indicator: '对申请的答复总数', unit: '条', sum: ['其中：1、同意公开答复数', '2、同意部分公开答复数', '3、不予公开答复数', '4、其他类型答复数'] },
    { indicator: '其中：1、同意公开答复数', unit: '条', draw: count(90) },
    { indicator: '2、同意部分公开答复数', unit: '条', draw: count(20) },
    { indicator: '3、不予公开答复数', unit: '条', draw: count(10) },
    { indicator: '4、其他类型答复数', unit: '条', draw: count(25) },
    { indicator: '政府信息公开收费减免金额', unit: '元', draw: count(0) },
    { indicator: '接受行政诉讼、举报数', unit: '件', draw: count(3) },
    { indicator: '行政复议数', unit: '件', draw: count(4) },
    { indicator: '行政诉讼数', unit: '件', draw: count(3) },
  ]),
  form('national-2015', false, [
    section('一、主动公开情况'),
    { indicator: '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', unit: '条', draw: count(12000) },
    { indicator: '其中：主动公开规范性文件数', unit: '条', draw: count(60) },
    { indicator: '制发规范性文件总数', unit: '件', draw: count(60) },
    section('（二）通过不同渠道和方式公开政府信息的情况'),
    { indicator: '1.政府公报公开政府信息数', unit: '条', draw: count(80) },
    { indicator: '2.政府网站公开政府信息数', unit: '条', draw: count(12000) },
    { indicator: '3.政务微博公开政府信息数', unit: '条', draw: count(3000) },
    { indicator: '4.政务微信公开政府信息数', unit: '条', draw: count(2000) },
    { indicator: '5.其他方式公开政府信息数', unit: '条', draw: count(500) },
    section('二、回应解读情况'),
    { indicator: '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', unit: '次', draw: count(40) },
    section('（二）通过不同渠道和方式回应解读的情况'),
    { indicator: '1.参加或举办新闻发布会总次数', unit: '次', draw: count(20) },
    { indicator: '其中：主要负责同志参加新闻发布会次数', unit: '次', draw: count(6) },
    { indicator: '2.政府网站在线访谈次数', unit: '次', draw: count(12) },
    { indicator: '其中：主要负责同志参加政府网站在线访谈次数', unit: '次', draw: count(4) },
    { indicator: '3.政策解读稿件发布数', unit: '篇', draw: count(60) },
    { indicator: '4.微博微信回应事件数', unit: '次', draw: count(30) },
    { indicator: '5.其他方式回应事件数', unit: '次', draw: count(20) },
    section('三、依申请公开情况'),
    { indicator: '（一）收到申请数', unit: '件', sum: ['1.当面申请数', '2.传真申请数', '3.网络申请数', '4.信函申请数'] },
    { indicator: '1.当面申请数', unit: '件', draw: count(30) },
    { indicator: '2.传真申请数', unit: '件', draw: count(3) },
    { indicator: '3.网络申请数', unit: '件', draw: count(90) },
    { indicator: '4.信函申请数', unit: '件', draw: count(20) },
    { indicator: '（二）申请办结数', unit: '件', sum: ['1.按时办结数', '2.延期办结数'] },
    { indicator: '1.按时办结数', unit: '件', draw: count(120) },
    { indicator: '2.延期办结数', unit: '件', draw: count(8) },
    { indicator: '（三）申请答复数', unit: '件', sum: ['1.属于已主动公开范围数', '2.同意公开答复数', '3.同意部分公开答复数', '4.不同意公开答复数', '5.不属于本行政机关公开数', '6.申请信息不存在数', '7.告知作出更改补充数', '8.告知通过其他途径办理数'] },
    { indicator: '1.属于已主动公开范围数', unit: '件', draw: count(20) },
    { indicator: '2.同意公开答复数', unit: '件', draw: count(60) },
    { indicator: '3.同意部分公开答复数', unit: '件', draw: count(10) },
    { indicator: '4.不同意公开答复数', unit: '件', sum: ['其中：涉及国家秘密', '涉及商业秘密', '涉及个人隐私', '危及国家安全、公共安全、经济安全和社会稳定', '不是《条例》所指政府信息', '法律法规规定的其他情形'] },
    { indicator: '其中：涉及国家秘密', unit: '件', draw: count(2) },
    { indicator: '涉及商业秘密', unit: '件', draw: count(2) },
    { indicator: '涉及个人隐私', unit: '件', draw: count(3) },
    { indicator: '危及国家安全、公共安全、经济安全和社会稳定', unit: '件', draw: count(1) },
    { indicator: '不是《条例》所指政府信息', unit: '件', draw: count(4) },
    { indicator: '法律法规规定的其他情形', unit: '件', draw: count(3) },
    { indicator: '5.不属于本行政机关公开数', unit: '件', draw: count(15) },
    { indicator: '6.申请信息不存在数', unit: '件', draw: count(12) },
    { indicator: '7.告知作出更改补充数', unit: '件', draw: count(5) },
    { indicator: '8.告知通过其他途径办理数', unit: '件', draw: count(6) },
    { indicator: '四、行政复议数量', unit: '件', sum: ['（一）维持具体行政行为数', '（二）被依法纠错数', '（三）其他情形数'] },
    { indicator: '（一）维持具体行政行为数', unit: '件', draw: count(4) },
    { indicator: '（二）被依法纠错数', unit: '件', draw: count(1) },
    { indicator: '（三）其他情形数', unit: '件', draw: count(2) },
    { indicator: '五、行政诉讼数量', unit: '件', sum: ['（一）维持具体行政行为或者驳回原告诉讼请求数', '（二）被依法纠错数', '（三）其他情形数'] },
    { indicator: '（一）维持具体行政行为或者驳回原告诉讼请求数', unit: '件', draw: count(3) },
    { indicator: '（二）被依法纠错数', unit: '件', draw: count(1) },
    { indicator: '（三）其他情形数', unit: '件', draw: count(2) },
    { indicator: '六、举报投诉数量', unit: '件', draw: count(3) },
    { indicator: '七、依申请公开信息收取的费用', unit: '万元', draw: money(0.2) },
    section('八、机构建设和保障经费情况'),
    { indicator: '（一）政府信息公开工作专门机构数', unit: '个', draw: (r) => r.int(1, 3) },
    { indicator: '（二）设置政府信息公开查阅点数', unit: '个', draw: (r) => r.int(1, 20) },
    { indicator: '（三）从事政府信息公开工作人员数', unit: '人', sum: ['1.专职人员数（不包括政府公报及政府网站工作人员数）', '2.兼职人员数'] },
    { indicator: '1.专职人员数（不包括政府公报及政府网站工作人员数）', unit: '人', draw: (r) => r.int(0, 6) },
    { indicator: '2.兼职人员数', unit: '人', draw: (r) => r.int(1, 30) },
    { indicator: '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', unit: '万元', draw: money(60) },
    section('九、政府信息公开会议和培训情况'),
    { indicator: '（一）召开政府信息公开工作会议或专题会议数', unit: '次', draw: count(10) },
    { indicator: '（二）举办各类培训班数', unit: '次', draw: count(8) },
    { indicator: '（三）接受培训人员数', unit: '人次', draw: count(600) },
  ]),
];

/** A form's values for one report: each drawn, each sum the sum of its rows; null on section rows. */
export function drawValues(form: LegacyForm, random: Random): (number | null)[] {
  const scale = random.pick([0.05, 0.3, 1, 2]);
  const values: (number | null)[] = form.rows.map((row) => (row.draw ? row.draw(random, scale) : null));
  // Sums after their parts (a sum row may itself be a part: 不同意公开 within 答复数), innermost first.
  const resolve = (i: number): number => {
    const row = form.rows[i];
    if (!row.sumOf) return values[i] ?? 0;
    const total = Math.round(row.sumOf.reduce((sum, j) => sum + resolve(j), 0) * 100) / 100;
    values[i] = total;
    return total;
  };
  form.rows.forEach((row, i) => row.sumOf && resolve(i));
  return values;
}

/** The 历年累计 column: every value at least the year's (a year's count adds to the years before). */
export function drawCumulative(form: LegacyForm, year: (number | null)[], random: Random): (number | null)[] {
  const extra: (number | null)[] = form.rows.map((row, i) => (row.draw && year[i] !== null ? random.int(0, 10) * Math.max(1, year[i]!) : null));
  const resolve = (i: number): number => {
    const row = form.rows[i];
    if (!row.sumOf) return extra[i] ?? 0;
    extra[i] = row.sumOf.reduce((sum, j) => sum + resolve(j), 0);
    return extra[i]!;
  };
  form.rows.forEach((row, i) => row.sumOf && resolve(i));
  return year.map((v, i) => (v === null ? null : Math.round((v + (extra[i] ?? 0)) * 100) / 100));
}

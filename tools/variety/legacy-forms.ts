/**
 * The statistics tables reports printed before the 2019 national template (政府信息公开情况统计表, from the
 * 2008 regulation's reports to 2018): generic rows of 指标 | 单位 | 数量, with no template ids. Two forms
 * are common: the short list many provinces used from 2008 (the one the Pingtan 2016 page in
 * ../shared/corpus prints, with a 历年累计 column beside the year's), and the longer form the national
 * office asked for from 2015 (sections 一 … 九, section rows printing no value). Values are drawn so
 * that a form's own sums hold (收到申请数 = its four channels, …), as a report's would.
 */
import { KNOWN_FORMS, type KnownForm } from '../../src/structure/legacy-forms.js';
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

/** What each row of a form draws (sum rows and section rows draw nothing), by the row's wording: a wording a form repeats draws alike. */
const DRAWS: Record<KnownForm['id'], Record<string, FormRow['draw']>> = {
  'short-2008': {
    '其中：1、政府网站公开数': count(8000),
    '2、政府公报公开数': count(60),
    '其中：1、当面申请数': count(40),
    '2、网上申请数': count(80),
    '3、信函、传真申请数': count(15),
    '其中：1、同意公开答复数': count(90),
    '2、同意部分公开答复数': count(20),
    '3、不予公开答复数': count(10),
    '4、其他类型答复数': count(25),
    '政府信息公开收费减免金额': count(0),
    '接受行政诉讼、举报数': count(3),
    '行政复议数': count(4),
    '行政诉讼数': count(3),
  },
  'national-2015': {
    '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）': count(12000),
    '其中：主动公开规范性文件数': count(60),
    '制发规范性文件总数': count(60),
    '1.政府公报公开政府信息数': count(80),
    '2.政府网站公开政府信息数': count(12000),
    '3.政务微博公开政府信息数': count(3000),
    '4.政务微信公开政府信息数': count(2000),
    '5.其他方式公开政府信息数': count(500),
    '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）': count(40),
    '1.参加或举办新闻发布会总次数': count(20),
    '其中：主要负责同志参加新闻发布会次数': count(6),
    '2.政府网站在线访谈次数': count(12),
    '其中：主要负责同志参加政府网站在线访谈次数': count(4),
    '3.政策解读稿件发布数': count(60),
    '4.微博微信回应事件数': count(30),
    '5.其他方式回应事件数': count(20),
    '1.当面申请数': count(30),
    '2.传真申请数': count(3),
    '3.网络申请数': count(90),
    '4.信函申请数': count(20),
    '1.按时办结数': count(120),
    '2.延期办结数': count(8),
    '1.属于已主动公开范围数': count(20),
    '2.同意公开答复数': count(60),
    '3.同意部分公开答复数': count(10),
    '其中：涉及国家秘密': count(2),
    '涉及商业秘密': count(2),
    '涉及个人隐私': count(3),
    '危及国家安全、公共安全、经济安全和社会稳定': count(1),
    '不是《条例》所指政府信息': count(4),
    '法律法规规定的其他情形': count(3),
    '5.不属于本行政机关公开数': count(15),
    '6.申请信息不存在数': count(12),
    '7.告知作出更改补充数': count(5),
    '8.告知通过其他途径办理数': count(6),
    '（一）维持具体行政行为数': count(4),
    '（二）被依法纠错数': count(1),
    '（三）其他情形数': count(2),
    '（一）维持具体行政行为或者驳回原告诉讼请求数': count(3),
    '六、举报投诉数量': count(3),
    '七、依申请公开信息收取的费用': money(0.2),
    '（一）政府信息公开工作专门机构数': (r) => r.int(1, 3),
    '（二）设置政府信息公开查阅点数': (r) => r.int(1, 20),
    '1.专职人员数（不包括政府公报及政府网站工作人员数）': (r) => r.int(0, 6),
    '2.兼职人员数': (r) => r.int(1, 30),
    '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）': money(60),
    '（一）召开政府信息公开工作会议或专题会议数': count(10),
    '（二）举办各类培训班数': count(8),
    '（三）接受培训人员数': count(600),
  },
};

export const LEGACY_FORMS: LegacyForm[] = KNOWN_FORMS.map((known) =>
  form(known.id, known.id === 'short-2008', known.rows.map((row) => ({ ...row, ...(DRAWS[known.id][row.indicator] ? { draw: DRAWS[known.id][row.indicator] } : {}) }))),
);


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

import type { Block } from '../model.js';
import type { Random } from '../random.js';
import type { Axis, Draft } from './axis.js';

/**
 * How real reports print their title, agency and year, which the plain rendering (one title line naming
 * agency and year, a signature) does not: the year in Chinese numerals (二〇二三年) or as 2023年度, or in
 * brackets after the title; the title over two or three lines or spaced out; 关于…的报告, 政务公开 and 年报
 * wordings; a portal page's site name in its title, breadcrumbs and a publication line dated the next year;
 * the date under the signature in other spellings and prose citing other years; the agency only in the
 * signature or the first sentence (abbreviated in the signature); no year in the title and last year's
 * title left in the file. The truth's agency and year stay the truth: the report covers the same year
 * for the same body, whatever its title says around them.
 */
export const titles: Axis = {
  id: 'titles',
  apply(draft, random) {
    const kinds = draft.index < KINDS.length ? [KINDS[draft.index]] : random.sample(KINDS, random.int(2, 3));
    // The title's wording first, then what rewrites the printed title (lines, spacing), then what is around it.
    for (const kind of APPLY_ORDER) if (kinds.includes(kind)) APPLY[kind](draft, random);
  },
};

/** The kinds by index: the traps first, so that slow formats' few variants meet them. */
const KINDS = ['portal', 'agency-elsewhere', 'no-year', 'about', 'lines', 'cn-year', 'dates', 'zhengwu', 'bracket-year', 'spaced', 'year-du'] as const;
type Kind = (typeof KINDS)[number];
const APPLY_ORDER: readonly Kind[] = ['cn-year', 'year-du', 'bracket-year', 'about', 'zhengwu', 'agency-elsewhere', 'no-year', 'lines', 'spaced', 'portal', 'dates'];

const CN_DIGITS = [['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'], ['○', '一', '二', '三', '四', '五', '六', '七', '八', '九'], ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']];

/** 2023 digit by digit in Chinese numerals (二〇二三, 二○二三 or 二零二三). */
function cnYear(year: number, random: Random): string {
  const digits = random.pick(CN_DIGITS);
  return [...String(year)].map((d) => digits[Number(d)]).join('');
}

/** 1..31 as a date prints it in Chinese (一, 十, 二十, 二十一). */
function cnSmall(n: number): string {
  const ones = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return ones[n];
  return `${n >= 20 ? ones[Math.floor(n / 10)] : ''}十${ones[n % 10]}`;
}

/** The report's words after agency and year. */
const REPORT_WORDS = ['政府信息公开工作年度报告', '政府信息公开工作年度报告', '政府信息公开年度报告', '政府信息公开年报'];

/**
 * The title the variant prints, as its parts: the agency (may be empty), the year as printed (may be empty), the
 * report's words and an order. Kinds rewrite the parts; `print` sets the title block(s) from them at the end.
 */
interface TitleParts {
  agency: string;
  year: string;
  words: string;
  /** 'agency-first': {agency}{year}{words}; 'year-first': {year}{agency}{words}; 'after': {agency}{words}（{year}）; 'about': 关于… */
  order: 'agency-first' | 'year-first' | 'after' | 'about-front' | 'about-mid';
  /** How the printed title is broken into lines ('one', or the lines as printed). */
  lines?: string[];
}

const partsOf = new WeakMap<Draft, TitleParts>();

function parts(draft: Draft): TitleParts {
  let p = partsOf.get(draft);
  if (!p) {
    const title = draft.model.blocks[0];
    const text = title.kind === 'title' ? title.text : '';
    p = { agency: draft.model.agency, year: `${draft.model.year}年`, words: '政府信息公开工作年度报告', order: text.startsWith(`${draft.model.year}年`) ? 'year-first' : 'agency-first' };
    partsOf.set(draft, p);
  }
  return p;
}

function titleText(p: TitleParts): string {
  switch (p.order) {
    case 'agency-first':
      return `${p.agency}${p.year}${p.words}`;
    case 'year-first':
      return `${p.year}${p.agency}${p.words}`;
    case 'after':
      return `${p.agency}${p.words}${p.year ? `（${p.year}）` : ''}`;
    case 'about-front':
      return `关于${p.agency}${p.year}${p.words}`;
    case 'about-mid':
      return `${p.agency}关于${p.year}${p.words}`;
  }
}

/** Sets the title block(s) from the parts. */
function print(draft: Draft): void {
  const p = parts(draft);
  const lines = p.lines ?? [titleText(p)];
  const blocks = draft.model.blocks;
  const at = blocks.findIndex((b) => b.kind === 'title');
  // Every title line the build or an earlier kind printed is replaced.
  let end = at;
  while (end < blocks.length && blocks[end]!.kind === 'title') end++;
  blocks.splice(at, end - at, ...lines.filter((l) => l !== '').map((text): Block => ({ kind: 'title', text })));
}

/** The opening sentence (本报告根据…编制). */
function opening(draft: Draft): number {
  return draft.model.blocks.findIndex((b) => b.kind === 'paragraph' && b.text.startsWith('本报告根据'));
}

/** The signature's agency line and date line: the last two blocks the build prints. */
function signatureAt(draft: Draft): { agency: number; date: number } {
  const blocks = draft.model.blocks;
  const date = blocks.length - 1;
  return { agency: date - 1, date };
}

/** A shorter name a signature or a first sentence uses for the body, when there is one to make. */
function abbreviation(agency: string): string | undefined {
  const rules: [RegExp, string][] = [
    [/工业和信息化局$/, '工信局'],
    [/人民政府办公室$/, '政府办'],
    [/人民政府办公厅$/, '政府办公厅'],
    [/人民政府$/, '政府'],
    [/综合实验区$/, '实验区'],
  ];
  for (const [pattern, short] of rules) if (pattern.test(agency)) return agency.replace(pattern, short);
  return undefined;
}

const SITES = ['门户网站', '人民政府门户网站', '政府信息公开平台', '政务公开专栏'];

const APPLY: Record<Kind, (draft: Draft, random: Random) => void> = {
  'cn-year'(draft, random) {
    const p = parts(draft);
    const year = cnYear(draft.model.year, random);
    p.year = `${year}${random.pick(['年', '年', '年度'])}`;
    print(draft);
    draft.notes.push(`the title's year in Chinese numerals (${p.year})`);
  },
  'year-du'(draft, random) {
    const p = parts(draft);
    p.year = `${draft.model.year}年度`;
    if (random.chance(0.5)) p.words = random.pick(['政府信息公开工作报告', '政府信息公开工作年度报告', '政府信息公开工作情况报告']);
    print(draft);
    draft.notes.push(`the title's year as ${p.year}`);
  },
  'bracket-year'(draft, random) {
    const p = parts(draft);
    p.order = 'after';
    p.year = random.pick([`${draft.model.year}年度`, `${draft.model.year}年`]);
    print(draft);
    draft.notes.push('the year in brackets after the title');
  },
  about(draft, random) {
    const p = parts(draft);
    p.order = random.pick(['about-front', 'about-mid'] as const);
    p.words = random.pick(['政府信息公开工作情况的报告', '政府信息公开工作的报告', '政府信息公开工作年度情况的报告']);
    if (random.chance(0.5)) p.year = `${draft.model.year}年度`;
    print(draft);
    draft.notes.push('a 关于…的报告 title');
  },
  zhengwu(draft, random) {
    const p = parts(draft);
    p.words = random.pick(['政务公开工作年度报告', '政务公开年报', '政府信息公开年报', '信息公开年报', '政府信息公开和政务公开工作年度报告']);
    print(draft);
    draft.notes.push(`the title's words ${p.words}`);
  },
  'agency-elsewhere'(draft, random) {
    const p = parts(draft);
    p.agency = '';
    if (p.order === 'about-mid') p.order = 'about-front';
    print(draft);
    const blocks = draft.model.blocks;
    const sig = signatureAt(draft);
    const first = opening(draft);
    const short = abbreviation(draft.model.agency);
    const where = random.pick(['signature', 'first-sentence', 'both'] as const);
    if (where !== 'signature' && first >= 0) {
      const b = blocks[first]!;
      if (b.kind === 'paragraph') blocks[first] = { ...b, text: `本报告由${draft.model.agency}${random.pick(['编制', '根据《中华人民共和国政府信息公开条例》要求编制'])}。${b.text.replace(/^本报告根据《[^》]+》和/, '本报告根据')}` };
    }
    if (where === 'first-sentence') blocks.splice(sig.agency, 1);
    else if (where === 'both' && short) blocks[sig.agency] = { kind: 'paragraph', text: short };
    draft.notes.push(`no agency in the title: ${where === 'signature' ? 'the signature names it' : where === 'first-sentence' ? 'only the first sentence names it' : `the first sentence names it${short ? `, the signature as ${short}` : ', and the signature'}`}`);
  },
  'no-year'(draft, random) {
    const p = parts(draft);
    p.year = '';
    if (p.order === 'after') p.order = 'agency-first';
    print(draft);
    // Last year's title left in a file copied from last year's report (DOCX, PDF and page titles).
    if (random.chance(0.7)) draft.model.pageTitle = `${draft.model.agency}${draft.model.year - 1}年政府信息公开工作年度报告`;
    draft.notes.push(`no year in the title${draft.model.pageTitle ? ", last year's title in the file" : ''}`);
  },
  lines(draft, random) {
    const p = parts(draft);
    const full = titleText(p);
    const yearAt = p.year ? full.indexOf(p.year) : -1;
    const wordsAt = full.lastIndexOf(p.words);
    let lines: string[];
    if (p.agency && full.startsWith(p.agency) && (p.order === 'agency-first' || p.order === 'after')) {
      // agency / 2023年政府信息公开 / 工作年度报告
      const rest = full.slice(p.agency.length);
      const cut = rest.indexOf('工作');
      lines = random.chance(0.5) && cut > 0 ? [p.agency, rest.slice(0, cut), rest.slice(cut)] : [p.agency, rest];
    } else if (yearAt === 0 && wordsAt > 0) {
      lines = [full.slice(0, wordsAt), full.slice(wordsAt)];
    } else {
      const cut = full.indexOf('政府信息公开') > 0 ? full.indexOf('政府信息公开') : Math.floor(full.length / 2);
      lines = [full.slice(0, cut), full.slice(cut)];
    }
    p.lines = lines;
    print(draft);
    draft.notes.push(`the title over ${lines.length} lines`);
  },
  spaced(draft, random) {
    const p = parts(draft);
    const sep = random.pick([' ', '　', '  ']);
    const space = (t: string): string => [...t].join(sep);
    if (p.lines) p.lines = p.lines.map((l, i) => (i === p.lines!.length - 1 || !l.includes(p.agency) || !p.agency ? space(l) : l));
    else {
      const full = titleText(p);
      const at = full.lastIndexOf(p.words);
      p.lines = [at > 0 ? full.slice(0, at) + space(p.words) : space(full)];
    }
    print(draft);
    draft.notes.push('the title spaced out');
  },
  portal(draft, random) {
    const p = parts(draft);
    const blocks = draft.model.blocks;
    const site = random.pick(SITES);
    const siteName = `${draft.model.agency}${/政府$/.test(draft.model.agency) ? '门户网站' : site}`;
    draft.model.pageTitle = `${titleText(p).replace(/\s+/g, '')}${random.pick(['_', ' - ', '|'])}${random.pick(['政府信息公开年报_', ''])}${siteName}`;
    const at = blocks.findIndex((b) => b.kind === 'title');
    let end = at;
    while (end < blocks.length && blocks[end]!.kind === 'title') end++;
    const published = `${draft.model.year + 1}-01-${String(random.int(10, 31)).padStart(2, '0')}`;
    const line = random.pick([
      `发布时间：${published} 来源：${draft.model.agency}`,
      `发布时间：${published} 09:${random.int(10, 59)}:00  信息来源：${draft.model.agency}  浏览次数：${random.int(50, 900)}`,
      `发布日期：${published}  【字体：大 中 小】 打印`,
      `${published}  来源：本站`,
    ]);
    blocks.splice(end, 0, { kind: 'paragraph', text: line });
    if (random.chance(0.6)) blocks.splice(at, 0, { kind: 'paragraph', text: random.pick(['当前位置：首页 > 政务公开 > 政府信息公开年报', '首页 > 政府信息公开 > 年度报告', `首页 >> 信息公开 >> ${draft.model.year + 1}年 >> 年报`]) });
    draft.notes.push(`a portal page's site name in its title, a publication line dated ${published}`);
  },
  dates(draft, random) {
    const blocks = draft.model.blocks;
    const sig = signatureAt(draft);
    const next = draft.model.year + 1;
    const [m, d] = [random.int(1, 3), random.int(1, 28)];
    const date = random.pick([
      `${cnYear(next, random)}年${cnSmall(m)}月${cnSmall(d)}日`,
      `${next}年${m}月${d}日`,
      `${next}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      `${next}.${m}.${d}`,
    ]);
    blocks[sig.date] = { kind: 'paragraph', text: date };
    const first = opening(draft);
    const cited = random.pick([
      `自${draft.model.year - 3}年以来，本机关持续推进政务公开标准化规范化建设。`,
      `本机关认真贯彻新修订的《中华人民共和国政府信息公开条例》（${random.pick(['2019年修订', '2019年4月修订'])}），对照${draft.model.year - 1}年度报告提出的问题逐项整改。`,
      `现将${cnYear(draft.model.year, random)}年度政府信息公开工作情况报告如下。`,
    ]);
    if (first >= 0) blocks.splice(first + 1, 0, { kind: 'paragraph', text: cited });
    draft.notes.push(`the signature dated ${date}, prose citing other years`);
  },
};

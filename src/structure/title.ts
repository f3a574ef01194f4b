/**
 * The report's own title: the short lines it opens with (often split: the agency on one line,
 * "2023年政府信息公开工作年度报告" on the next; a PDF may wrap "…年度" / "报告"), else the container's.
 */
import type { Block } from '../../extractors/model.js';
import { parseHeading } from './headings.js';
import { blockTexts, cleanText } from './text.js';

const REPORT_WORD = /报告|年报/;
/** A title line never carries sentence punctuation or more than this many characters. */
const MAX_TITLE_LINE = 60;
const LEADING_BLOCKS = 12;
const HAS_YEAR = /(?:\d{4}|[〇○零一二三四五六七八九]{4})年/;
/**
 * A title line that stops inside its last words (…2024年政府信息公开工作年度 / 报告, …政府信息公开工 / 作年度报告):
 * when the next line does not go on with them (a scan whose OCR garbled the big characters into Latin
 * letters), the line is the title as read.
 */
const CUT_BEFORE_REPORT = /(?:\d{4}|[〇○零一二三四五六七八九]{4})年度?.*(?:政府信息公开|政务公开|信息公开)(?:工作年度|工作年|工作|工|年度|年)$/;
/** A line that goes on with the title's last words. */
const REPORT_WORDS_GO_ON = /^(?:工作|作|年度|度|情况|的报告|的年度报告|报告|年报|告)/;
/**
 * A line going on with those words but cut short itself (…公开工 / 作年度报, the 告 lost to OCR or misread: 报全): the two lines
 * are the title as read.
 */
const REPORT_WORDS_CUT_SHORT = /^(?:工作|作)?(?:年度|度)?(?:报\S?)?$/;
const CUT_JOINED = /(?:\d{4}|[〇○零一二三四五六七八九]{4})年度?.*(?:政府信息公开|政务公开|信息公开)(?:工作年度报\S?|工作年度|工作年|工作|年度报\S?|年度)$/;
const STARTS_MID_TITLE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})年|^(?:年度|报告|年报|工作|关于|政府信息|政务)/;

/**
 * A portal's breadcrumb (首页 > 信息公开 > 2024年 > 年报, 当前位置：首页»…): where the page sits on the site, not its title;
 * the year it names is the year the page was filed under, often the year of publication.
 */
const BREADCRUMB = /^(?:(?:当前位置|您的位置|您现在的位置|所在位置|位置)\s*[:：]?\s*)?(?:网站首页|首页|主页)\s*(?:>|＞|»|›|→|\/|-)/;

export function titleFromBlocks(blocks: Block[]): string | undefined {
  const texts = blockTexts(blocks.slice(0, LEADING_BLOCKS * 2))
    .slice(0, LEADING_BLOCKS)
    .filter((t) => !BREADCRUMB.test(t));
  const run: string[] = [];
  for (const t of texts) {
    // A comma OCR read between a year and its 年 (2015，年) is no sentence's.
    if (t.length > MAX_TITLE_LINE || /[。；！？：:，]/.test(t.replace(/(?<=\d)[，,](?=\s*年)/g, '')) || parseHeading(t)) break;
    run.push(stripLabel(t));
  }
  const cutShort = (i: number) => Boolean(run[i + 1]) && CUT_BEFORE_REPORT.test(run[i]!) && REPORT_WORDS_CUT_SHORT.test(run[i + 1]!) && CUT_JOINED.test(run[i]! + run[i + 1]!);
  const k = run.findIndex((t, i) => REPORT_WORD.test(t) || (CUT_BEFORE_REPORT.test(t) && !REPORT_WORDS_GO_ON.test(run[i + 1] ?? '')) || cutShort(i));
  if (k >= 0) {
    // Join the lines above while the title read so far starts mid-title or lacks its year.
    let title = run[k]! + (REPORT_WORD.test(run[k]!) || !cutShort(k) ? '' : run[k + 1]!);
    for (let i = k - 1; i >= Math.max(0, k - 2) && (STARTS_MID_TITLE.test(title) || !HAS_YEAR.test(title)); i--) title = run[i]! + title;
    return title;
  }
  // No title block up front (crawler text, fragments): the first short line naming a report.
  return texts.map(stripLabel).find((t) => t.length <= MAX_TITLE_LINE && /年度报告|年报|工作报告/.test(t) && !/[。；]/.test(t));
}

/** The container's title without the portal's site suffix (…年度报告_政府信息公开年报_平潭综合实验区). */
export function cleanMetaTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const parts = stripLabel(cleanText(title))
    .split(/\s*[_|｜]\s*|\s+-\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.find((p) => REPORT_WORD.test(p)) ?? parts[0];
}

function stripLabel(text: string): string {
  return text.replace(/^(?:标题|题目|title)\s*[:：]\s*/i, '').trim();
}

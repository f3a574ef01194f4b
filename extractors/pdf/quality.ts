/**
 * Is a page's text layer usable? Word processors that subset CID fonts without a ToUnicode map give
 * (cid:N) runs, U+FFFD, private-use code points or plausible-looking but wrong CJK (mojibake). Such a
 * page is read by OCR instead; an empty page with an image on it is a scan.
 */
import type { PositionedText } from './items.js';
import type { TextShows } from './rulings.js';
import type { GuessedText } from './unicode-guess.js';

/**
 * Why a page's text layer is not read as it stands. The first four give no text layer worth the name:
 * `scanned` (a picture, perhaps stamped with a line of text), `outlines` (glyphs drawn as filled curves),
 * `guessed-unicode` (fonts whose characters are unknown: dropped when no OCR of ours replaces them).
 * `ocr-layer`: another program's OCR under a scan (kept, as OCR, when no OCR of ours replaces it);
 * `broken` and `implausible`: a layer that is there but garbled.
 */
export type PoorPageKind = 'scanned' | 'outlines' | 'guessed-unicode' | 'ocr-layer' | 'broken' | 'implausible';
export type PageVerdict = { ok: true } | { ok: false; kind: PoorPageKind; reason: string };

const NO_TEXT_LAYER: ReadonlySet<PoorPageKind> = new Set(['scanned', 'outlines', 'guessed-unicode']);
/** The message code a poor page is reported under. */
export const poorPageCode = (kind: PoorPageKind): 'no-text-layer' | 'text-layer-poor' => (NO_TEXT_LAYER.has(kind) ? 'no-text-layer' : 'text-layer-poor');

/**
 * What a page paints besides its text: text-showing operators by whether they paint, the largest
 * image's share of the page and the curve segments of its filled paths.
 */
export interface PagePaint extends TextShows {
  imageShare: number;
  filledCurves?: number;
  /** Text in fonts whose characters pdf.js could only guess (no ToUnicode map, no known glyph names). */
  guessedUnicode?: GuessedText;
}

/**
 * Commonest CJK characters of Chinese government prose plus the template's vocabulary. Real text layers
 * draw most of their characters from this set; mojibake draws almost none.
 */
const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞' +
  '政府信息公开申请年度报告主动依处理结果予以部分不予国家秘密法律行政法规禁止危及三安全一稳定保护第三方合法权益属于类内部事务过程性执法案卷查询事项无法提供本机关掌握相关没有现成需要另行制作补正后内容仍明确访举报投诉重复出版物正当理由大量反复确认新具已获取其他逾期缴纳费用通知总计结转下继续办复议诉讼维持纠正尚未审起诉自然人商业企业科研机构社会公益组织服务规章规范文件许可罚强制事收金额单位万元制发废止现有效决定数情况存在主要问题改进需报告的工作网站平台建设监督障培训考核';
const COMMON_SET = new Set([...COMMON]);

const CID = /\(cid:\d+\)/g;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

/** Below this share of common characters among a page's CJK characters, the layer is not real Chinese. */
const MIN_COMMON_SHARE = 0.35;
/** Pages with fewer CJK characters than this are not judged by frequency (a table of numbers). */
const MIN_CJK_TO_JUDGE = 30;

/**
 * A page that paints an image and shows (nearly) all its text invisibly is a scan someone gave an OCR
 * text layer (a searchable-image PDF): that text is another program's reading of the picture, of
 * unknown quality, and digits misread there would come out as certain numbers. It is read by OCR here.
 */
const MIN_INVISIBLE_SHARE = 0.9;
/** An image over at least this share of the page is a scanned page, not a logo or a seal beside the text. */
const MIN_SCAN_SHARE = 0.5;

/**
 * A page with no text that fills at least this many curve segments drew its text as outlines: a CJK
 * glyph takes 10–40 curves, so this is a few dozen characters, while a seal, a logo or a chart's
 * slices draw tens to a few hundred.
 */
const MIN_OUTLINE_CURVES = 1_000;

/**
 * A page with no text and no image that fills fewer curves than that — a table's last two rows carried onto a
 * page of their own (663 curves), a closing signature — drew its text as outlines too when another page of
 * its document did: such a document draws no text any other way. One glyph's worth of curves is enough.
 */
const MIN_CURVES_BESIDE_OUTLINES = 10;

/** The page shows no text and no image but fills some curves: outlined text when its document's other pages are (see above). */
export function mayBeOutlinedText(items: PositionedText[], hasImages: boolean, filledCurves: number): boolean {
  return !hasImages && filledCurves >= MIN_CURVES_BESIDE_OUTLINES && filledCurves < MIN_OUTLINE_CURVES && items.every((i) => !i.text.trim());
}

/** The verdict on a page mayBeOutlinedText says is outlined text, another page of its document having drawn its text so. */
export function outlinedBesideOthers(filledCurves: number, page: number): PageVerdict {
  return { ok: false, kind: 'outlines', reason: `no text layer (text drawn as outlines: ${filledCurves} filled curve segments, as on page ${page})` };
}

/** Is this the verdict of a page that drew its text as outlines? */
export function drewOutlines(verdict: PageVerdict): boolean {
  return !verdict.ok && verdict.kind === 'outlines';
}

/**
 * Portals and PDF tools stamp a line of real text (the site's address, a download time, a page number)
 * over a scanned or outlined report: the page then has text, but only a sliver of what it shows.
 * Outlines holding this many curve segments per character of text draw several times the text there is
 * (a glyph takes 10–40); a page-filling image under fewer characters than this is a scan with a stamp.
 */
const OUTLINE_CURVES_PER_TEXT_CHARACTER = 50;
const MAX_STAMP_CHARACTERS = 80;
/**
 * A stamp is set small (9–12 pt); a designed cover's title over a page-sized picture is set large, and that
 * text is the page's own: such a page stays a text page.
 */
const MAX_STAMP_TEXT_HEIGHT = 14;
/** A scanned page's image covers the page; a picture pasted into a Word page stays inside its margins (≤ ~65%). */
const MIN_FULL_PAGE_SHARE = 0.9;

export function assessPage(items: PositionedText[], hasImages: boolean, paint?: PagePaint): PageVerdict {
  const text = items.map((i) => i.text).join('');
  const visible = text.replace(/\s+/g, '');
  const curves = paint?.filledCurves ?? 0;
  if (!visible.length) {
    if (hasImages) return { ok: false, kind: 'scanned', reason: 'no text layer (scanned image)' };
    return curves >= MIN_OUTLINE_CURVES ? { ok: false, kind: 'outlines', reason: `no text layer (text drawn as outlines: ${curves} filled curve segments)` } : { ok: true };
  }
  // Any such character may be a digit read as another: the page's text is not a reading, whatever it looks like.
  const guessed = paint?.guessedUnicode;
  if (guessed && guessed.chars > 0) {
    return { ok: false, kind: 'guessed-unicode', reason: `no text layer (text in fonts without a Unicode map: ${guessed.chars} characters; ${guessed.reasons.join('; ')})` };
  }
  if (curves >= MIN_OUTLINE_CURVES && curves >= OUTLINE_CURVES_PER_TEXT_CHARACTER * visible.length) {
    return { ok: false, kind: 'outlines', reason: `no text layer (text drawn as outlines: ${curves} filled curve segments under ${visible.length} characters of text)` };
  }
  if (paint && paint.imageShare >= MIN_FULL_PAGE_SHARE && visible.length < MAX_STAMP_CHARACTERS && paint.invisible === 0 && items.every((i) => !i.text.trim() || i.height <= MAX_STAMP_TEXT_HEIGHT)) {
    return { ok: false, kind: 'scanned', reason: `no text layer (scanned image under ${visible.length} characters of text)` };
  }
  const shows = paint ? paint.visible + paint.invisible : 0;
  if (paint && paint.imageShare >= MIN_SCAN_SHARE && shows > 0 && paint.invisible >= MIN_INVISIBLE_SHARE * shows) {
    return { ok: false, kind: 'ocr-layer', reason: `invisible text over a scanned image (an OCR text layer of unknown quality: ${paint.invisible} of ${shows} text runs not painted)` };
  }
  const bad = (visible.match(/\uFFFD/g)?.length ?? 0) + (visible.match(PRIVATE_USE)?.length ?? 0);
  const cid = visible.match(CID)?.length ?? 0;
  if (cid * 3 > visible.length / 10 || bad > visible.length * 0.05) {
    return { ok: false, kind: 'broken', reason: `broken text layer (${cid} (cid:N) runs, ${bad} replacement or private-use characters)` };
  }
  const { cjk, common } = countCjk(visible);
  if (cjk >= MIN_CJK_TO_JUDGE && common / cjk < MIN_COMMON_SHARE) {
    return { ok: false, kind: 'implausible', reason: `implausible Chinese text (${Math.round((100 * common) / cjk)}% common characters): probably a font without a Unicode map` };
  }
  return { ok: true };
}

/** The page's CJK characters (U+4E00–U+9FFF) and how many of them are common, counted without a string per character. */
function countCjk(visible: string): { cjk: number; common: number } {
  let cjk = 0;
  let common = 0;
  for (let i = 0; i < visible.length; i++) {
    const code = visible.charCodeAt(i);
    if (code < CJK_FIRST || code > CJK_LAST) continue;
    cjk++;
    if (COMMON_SET.has(visible[i])) common++;
  }
  return { cjk, common };
}

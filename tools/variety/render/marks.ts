/**
 * What a rendering must spell in its own markup, marked in the report model's text with private-use
 * characters that no report prints. Hidden text (axis invisible, kind `hidden-text`): a stretch of hidden
 * text, and a hidden cell after a value's own — Word's hidden font (./docx-hidden.ts), a page's
 * display:none, hidden attribute or stylesheet class (./hidden-html.ts). A superscript (axis footnotes):
 * <sup> in a page, a raised run in the Word and legacy files LibreOffice makes of it. Each kind is drawn
 * only for the formats that spell it, so the marks never reach another.
 */
export const HIDE_START = '\ue000';
export const HIDE_END = '\ue001';
export const CELL_START = '\ue002';
export const CELL_END = '\ue003';

/** `text` marked to be hidden. */
export const hidden = (text: string): string => `${HIDE_START}${text}${HIDE_END}`;
/** A hidden cell holding `text`, after the value it is appended to. */
export const hiddenCell = (text: string): string => `${CELL_START}${text}${CELL_END}`;

/** The text as a reader sees it: every marked stretch and hidden cell gone. */
export const withoutHidden = (text: string): string => text.replace(/\ue000[^\ue001]*\ue001|\ue002[^\ue003]*\ue003/g, '');

export const SUP_START = '\ue004';
export const SUP_END = '\ue005';
/** `text` set as a superscript. */
export const superscript = (text: string): string => `${SUP_START}${text}${SUP_END}`;
/** The page's spelling of superscript marks. */
export const spellSuperscripts = (html: string): string => html.replace(/\ue004([^\ue005]*)\ue005/g, '<sup>$1</sup>');

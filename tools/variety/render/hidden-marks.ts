/**
 * Text a rendering must hide (axis invisible, kind `hidden-text`), marked in the report model with
 * private-use characters that no report prints: a stretch of hidden text, and a hidden cell after a
 * value's own. Each renderer that can hide turns the marks into its own kind of hiding — Word's hidden
 * font (./docx-hidden.ts), a page's display:none, hidden attribute or stylesheet class (./hidden-html.ts);
 * the kind is drawn only for those formats, so the marks never reach another.
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

/**
 * Hidden text in a page (axis invisible, kind `hidden-text`): the marks of ./marks.ts as a page
 * hides — an inline display:none, the `hidden` attribute, a class its stylesheet hides, or Word's
 * `display:none;mso-hide:all` in a page Word saved. A hidden cell is a <td> of its own after the value's.
 * Chromium honours all of them when it prints; LibreOffice does not, so the kind is not drawn for formats
 * it makes from the page.
 */
export type HtmlHiding = 'style' | 'attribute' | 'class' | 'word';

export const HIDDEN_CLASS = 'nb-hide';
/** The stylesheet rule a page hiding by class carries. */
export const hidingCss = (hiding: HtmlHiding | undefined): string => (hiding === 'class' ? `.${HIDDEN_CLASS}{display:none}` : '');

function hidingAttributes(hiding: HtmlHiding): string {
  if (hiding === 'attribute') return ' hidden';
  if (hiding === 'class') return ` class="${HIDDEN_CLASS}"`;
  if (hiding === 'word') return ` style='display:none;mso-hide:all'`;
  return ' style="display:none"';
}

/** The page body with its marks spelled as `hiding` says (the marks are plain text until here). */
export function spellHidden(html: string, hiding: HtmlHiding): string {
  const attributes = hidingAttributes(hiding);
  return html
    .replace(/\ue000([^\ue001]*)\ue001/g, (_, text: string) => `<span${attributes}>${text}</span>`)
    // The hidden cell goes after the value's own cell, whatever markup the cell wraps its text in (Word's <p><span>).
    .replace(/\ue002([^\ue003]*)\ue003((?:(?!<\/td>)[\s\S])*)<\/td>/g, (_, text: string, rest: string) => `${rest}</td><td${attributes}>${text}</td>`);
}

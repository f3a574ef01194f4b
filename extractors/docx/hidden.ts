/**
 * Text Word hides (the "hidden" font effect, `<w:vanish/>`): not shown on screen, not printed, and so
 * not part of the report a reader sees — last year's figure kept beside this year's, a note to the
 * editor. Read as text it glues onto what is printed (a cell `12` with a hidden `345` read 12345), so
 * hidden runs are taken out of document.xml before anything reads it, as a spreadsheet's hidden rows
 * are (extractors/xlsx/grid.ts).
 *
 * A run is hidden by its own properties, or by its character style (and the styles that style is based
 * on) where its own properties do not say. A formatting change tracked on the run (`w:rPrChange`) holds
 * the properties it had before, which do not count. `w:webHidden` hides in Web layout only and is
 * printed: kept. A run holding a field character is kept whatever it says, so that a field's begin,
 * separator and end stay together.
 */

/** A run with no run inside it (after markPictures, text boxes and drawings are markers); group 1 its content. */
export const WORD_RUN = /<w:r(?:\s[^>]*)?>((?:(?!<w:r[\s>/])[\s\S])*?)<\/w:r>/g;
const RUN_PROPERTIES = /^<w:r(?:\s[^>]*)?>\s*<w:rPr(?:\s[^>]*)?>([\s\S]*?)<\/w:rPr>/;
const TRACKED_CHANGE = /<w:rPrChange[\s>][\s\S]*?<\/w:rPrChange>/g;
const VANISH = /<w:vanish(?:\s+w:val="([^"]*)")?\s*\/>/;
const RUN_STYLE = /<w:rStyle\s+w:val="([^"]*)"/;
const STYLE = /<w:style\s[^>]*>[\s\S]*?<\/w:style>/g;
const OFF = new Set(['false', '0', 'off']);

/** True, false, or undefined where the properties do not say. */
function vanishIn(properties: string): boolean | undefined {
  const found = VANISH.exec(properties);
  if (!found) return undefined;
  return !OFF.has((found[1] ?? 'true').toLowerCase());
}

interface CharacterStyle {
  vanish?: boolean;
  basedOn?: string;
}

function characterStyles(stylesXml: string): Map<string, CharacterStyle> {
  const styles = new Map<string, CharacterStyle>();
  for (const [xml] of stylesXml.matchAll(STYLE)) {
    const open = xml.slice(0, xml.indexOf('>') + 1);
    if (!/w:type="character"/.test(open)) continue;
    const id = /w:styleId="([^"]*)"/.exec(open)?.[1];
    if (!id) continue;
    const properties = /<w:rPr(?:\s[^>]*)?>([\s\S]*?)<\/w:rPr>/.exec(xml.replace(TRACKED_CHANGE, ''))?.[1] ?? '';
    styles.set(id, { vanish: vanishIn(properties), basedOn: /<w:basedOn\s+w:val="([^"]*)"/.exec(xml)?.[1] });
  }
  return styles;
}

/** Whether a style hides its text, following basedOn (a cycle or a long chain stops the walk: not hidden). */
function styleHides(styles: Map<string, CharacterStyle>, id: string | undefined): boolean {
  for (let depth = 0; id !== undefined && depth < 16; depth++) {
    const style = styles.get(id);
    if (!style) return false;
    if (style.vanish !== undefined) return style.vanish;
    id = style.basedOn;
  }
  return false;
}

export interface HiddenRunsRemoved {
  xml: string;
  /** How many runs were taken out, and the first characters of their text (for the message). */
  removed: number;
  sample: string;
}

export function removeHiddenRuns(documentXml: string, stylesXml: string | undefined): HiddenRunsRemoved {
  // Most documents hide nothing: no vanish anywhere means nothing to walk.
  if (!documentXml.includes('w:vanish') && !stylesXml?.includes('w:vanish')) return { xml: documentXml, removed: 0, sample: '' };
  const styles = stylesXml ? characterStyles(stylesXml) : new Map<string, CharacterStyle>();
  let removed = 0;
  let sample = '';
  const xml = documentXml.replace(WORD_RUN, (run) => {
    if (run.includes('<w:fldChar')) return run;
    // The properties a tracked change keeps are the run's old ones, nested in its own <w:rPr>: gone first.
    const properties = RUN_PROPERTIES.exec(run.replace(TRACKED_CHANGE, ''))?.[1] ?? '';
    const hidden = vanishIn(properties) ?? styleHides(styles, RUN_STYLE.exec(properties)?.[1]);
    if (!hidden) return run;
    removed++;
    if (sample.length < 40) sample += [...run.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    return '';
  });
  return { xml, removed, sample: sample.slice(0, 40) };
}

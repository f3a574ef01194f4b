/**
 * docProps/core.xml: the title and creation date Word stores with the file. Authors rarely fill the
 * title, and "created" is when the file was made (often the template's date), so both are hints only.
 */
import { isElement, isText, descendants, type DomElement } from '../html/dom.js';
import { isoDate } from '../html/meta.js';
import { normaliseLine } from '../html/text.js';
import { parseXml } from './tables.js';

export interface CoreProperties {
  title?: string;
  created?: string;
}

function textOf(el: DomElement): string {
  return normaliseLine(el.children.filter(isText).map((t) => t.data).join(''));
}

export function coreProperties(xml: string): CoreProperties {
  const props: CoreProperties = {};
  for (const node of descendants(parseXml(xml))) {
    if (!isElement(node)) continue;
    if (node.name === 'dc:title' && !props.title) props.title = textOf(node) || undefined;
    if (node.name === 'dcterms:created' && !props.created) props.created = isoDate(textOf(node));
  }
  return props;
}

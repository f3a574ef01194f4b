/**
 * Pictures in a DOCX body: a table pasted as a picture is text only OCR can read. Each picture of the
 * body (w:drawing with a:blip r:embed, VML w:pict / w:object with v:imagedata r:id, either inside an
 * mc:AlternateContent) is replaced in document.xml by a marker run, so that it keeps its place among the
 * paragraphs through the conversion; the markers are then swapped for what the picture reader makes of
 * the pictures (extractors/image/table-image.ts). Pictures inside tables and text boxes are left alone:
 * the tables are rebuilt from document.xml and a picture in a cell is not the cell's text.
 */

import { pictureMarker } from '../image/placed-pictures.js';

export interface BodyPicture {
  /** The relationship id the body names. */
  relationship: string;
  /** The zip part it resolves to (word/media/image1.png), or undefined when it does not resolve. */
  part?: string;
  /** Why the part cannot be read (a linked picture outside the file, a missing relationship). */
  unresolved?: string;
}

/** The relationships of a part: id → { target part (resolved against the part's folder) or external }. */
export function partRelationships(relsXml: string | undefined, partName: string): Map<string, { part?: string; external?: string }> {
  const out = new Map<string, { part?: string; external?: string }>();
  if (!relsXml) return out;
  const folder = partName.includes('/') ? partName.slice(0, partName.lastIndexOf('/') + 1) : '';
  for (const [tag] of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
    if (!id || !target) continue;
    if (/\bTargetMode="External"/.test(tag)) out.set(id, { external: target });
    else out.set(id, { part: resolvePart(folder, decodeXml(target)) });
  }
  return out;
}

/** The rels part of a part: word/document.xml → word/_rels/document.xml.rels. */
export function relationshipsPartOf(partName: string): string {
  const at = partName.lastIndexOf('/') + 1;
  return `${partName.slice(0, at)}_rels/${partName.slice(at)}.rels`;
}

function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function decodeXml(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

const OPENERS = ['mc:AlternateContent', 'w:drawing', 'w:pict', 'w:object'];
const TAG = /<(\/?)(w:tbl|w:txbxContent|mc:AlternateContent|w:drawing|w:pict|w:object)(?=[\s>/])[^>]*?(\/?)>/g;

/**
 * document.xml with each body picture replaced by a marker run text, and the pictures in marker order.
 * A container (drawing, pict, object, alternate content) that names no picture (a shape, a chart, a
 * text box) is left as it was.
 */
export function markPictures(xml: string, relationships: Map<string, { part?: string; external?: string }>): { xml: string; pictures: BodyPicture[] } {
  const pictures: BodyPicture[] = [];
  let out = '';
  let copied = 0;
  let tableDepth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [tag, closing, name, selfClosing] = m;
    if (name === 'w:tbl' || name === 'w:txbxContent') {
      if (!selfClosing) tableDepth += closing ? -1 : 1;
      continue;
    }
    if (closing || selfClosing || tableDepth > 0 || !OPENERS.includes(name)) continue;
    const end = closingOf(xml, name, m.index + tag.length);
    if (end === undefined) break;
    const chunk = xml.slice(m.index, end);
    const relationship = /<a:blip\b[^>]*\br:embed="([^"]+)"/.exec(chunk)?.[1] ?? /<v:imagedata\b[^>]*\br:id="([^"]+)"/.exec(chunk)?.[1];
    if (relationship && !chunk.includes('<w:txbxContent')) {
      const target = relationships.get(relationship);
      pictures.push({
        relationship,
        ...(target?.part ? { part: target.part } : { unresolved: target?.external ? `a linked picture outside the file (${target.external})` : `relationship ${relationship} names no part` }),
      });
      out += `${xml.slice(copied, m.index)}<w:t>${pictureMarker('docx', pictures.length - 1)}</w:t>`;
      copied = end;
    }
    TAG.lastIndex = end;
  }
  return { xml: out + xml.slice(copied), pictures };
}

/** Where the element opened before `from` closes (same-name nesting counted), or undefined. */
function closingOf(xml: string, name: string, from: number): number | undefined {
  const pattern = new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*?(/?)>`, 'g');
  pattern.lastIndex = from;
  let depth = 1;
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
    if (m[2]) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return undefined;
}

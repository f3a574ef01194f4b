/**
 * The OFD package (GB/T 33190-2016 §7): `OFD.xml` names the document's root (`DocBody/DocRoot`), whose
 * `Document.xml` gives the default page box (`CommonData/PageArea/PhysicalBox`), the resource files
 * (`PublicRes`, `DocumentRes`: the multimedia files images point at), template pages and the pages
 * (`Pages/Page BaseLoc=…`). Every location is resolved inside the zip: one that climbs out of it, or
 * names a part the zip does not hold, refuses the document (corrupt-ofd), as does a page count over
 * maxPdfPages (too-many-pages).
 */
import { posix } from 'node:path';
import { UnreadableDocumentError } from '../model.js';
import { openZip, type OpenedZip } from '../docx/zip.js';
import type { Limits } from '../limits.js';
import { parseXml } from '../docx/tables.js';
import { descendants, isElement, isText, type DomElement, type DomNode } from '../html/dom.js';
import { OFD_ROOT } from './sniff.js';

/** A parsed part, with the folder its own relative locations resolve against. */
export interface OfdPart {
  name: string;
  root: DomNode;
}

export interface OfdPage {
  /** The page's Content.xml (its part name in the zip). */
  content: string;
  /** Template pages drawn with it (their Content.xml part names). */
  templates: string[];
}

export interface OfdPackage {
  title?: string;
  /** The default page box (mm): x, y, width, height. */
  pageBox: Box;
  pages: OfdPage[];
  /** Multimedia resources by ID: the zip part holding the file. */
  media: Map<string, string>;
  /** A part parsed as XML (undefined when the zip lacks it). */
  xml(name: string): Promise<OfdPart | undefined>;
  /** A part's bytes (undefined when the zip lacks it). */
  bytes(name: string): Promise<Buffer | undefined>;
  close(): void;
}

export type Box = [number, number, number, number];

/** A4 in millimetres: the page box when a document states none. */
const A4: Box = [0, 0, 210, 297];

export function corruptOfd(detail: string): UnreadableDocumentError {
  return new UnreadableDocumentError('corrupt-ofd', `the OFD is damaged or incomplete: ${detail}`);
}

/** An element's name without its namespace prefix (ofd:TextObject → textobject; names are lower-cased by the parser). */
export function localName(el: DomElement): string {
  const at = el.name.lastIndexOf(':');
  return at < 0 ? el.name : el.name.slice(at + 1);
}

export function childElements(el: DomNode): DomElement[] {
  return ((el as DomElement).children ?? []).filter(isElement);
}

export function child(el: DomNode, name: string): DomElement | undefined {
  return childElements(el).find((c) => localName(c) === name);
}

export function firstDescendant(root: DomNode, name: string): DomElement | undefined {
  for (const node of descendants(root)) if (isElement(node) && localName(node) === name) return node;
  return undefined;
}

export function textOf(el: DomElement | undefined): string {
  if (!el) return '';
  return el.children.filter(isText).map((t) => t.data).join('');
}

/** Numbers of a space-separated attribute ("0 0 210 297"); undefined unless exactly `count` finite numbers. */
export function numbers(value: string | undefined, count: number): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.trim().split(/[\s,]+/).map(Number);
  return parts.length === count && parts.every(Number.isFinite) ? parts : undefined;
}

export function boxOf(value: string | undefined): Box | undefined {
  const n = numbers(value, 4);
  return n && n[2] > 0 && n[3] > 0 ? (n as Box) : undefined;
}

/**
 * A location (BaseLoc, DocRoot, MediaFile) → the zip part it names: absolute ones from the package
 * root, relative ones from `folder`. Refused when it climbs out of the package.
 */
export function resolveLocation(folder: string, location: string): string {
  const loc = location.trim().replace(/\\/g, '/');
  if (!loc) throw corruptOfd('an empty location');
  const joined = loc.startsWith('/') ? loc.slice(1) : folder ? `${folder}/${loc}` : loc;
  const parts: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) throw corruptOfd(`the location ${JSON.stringify(location)} points outside the package`);
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

export async function openOfd(bytes: Buffer, limits: Limits): Promise<OfdPackage> {
  const zip = await openZip(bytes, limits, 'ofd');
  try {
    return await readStructure(zip, limits);
  } catch (err) {
    zip.close();
    throw err;
  }
}

async function readStructure(zip: OpenedZip, limits: Limits): Promise<OfdPackage> {
  // Producers differ in the case of part names (Doc_0 / doc_0): an exact name first, then one that differs only in case.
  const byLowerName = new Map<string, string>();
  for (const name of zip.parts.keys()) if (!byLowerName.has(name.toLowerCase())) byLowerName.set(name.toLowerCase(), name);
  const partName = (name: string): string | undefined => (zip.parts.has(name) ? name : byLowerName.get(name.toLowerCase()));
  const bytesOf = async (name: string): Promise<Buffer | undefined> => {
    const found = partName(name);
    return found === undefined ? undefined : zip.read(found);
  };
  const xml = async (name: string): Promise<OfdPart | undefined> => {
    const raw = await bytesOf(name);
    return raw === undefined ? undefined : { name, root: parseXml(raw.toString('utf8')) };
  };
  const required = async (name: string, what: string): Promise<OfdPart> => {
    const part = await xml(name);
    if (!part) throw corruptOfd(`${what} ${name} is not in the package`);
    return part;
  };

  const ofd = await required(OFD_ROOT, 'the root file');
  const docRoot = textOf(firstDescendant(ofd.root, 'docroot')).trim();
  if (!docRoot) throw corruptOfd(`${OFD_ROOT} names no document (DocBody/DocRoot)`);
  const title = textOf(firstDescendant(ofd.root, 'title')).trim() || undefined;
  const documentName = resolveLocation('', docRoot);
  const document = await required(documentName, 'the document');
  const folder = posix.dirname(documentName) === '.' ? '' : posix.dirname(documentName);
  const common = firstDescendant(document.root, 'commondata');
  const pageBox = boxOf(textOf(common && firstDescendant(common, 'physicalbox'))) ?? A4;

  const pagesEl = firstDescendant(document.root, 'pages');
  const pageEls = pagesEl ? descendantsNamed(pagesEl, 'page') : [];
  if (pageEls.length === 0) throw new UnreadableDocumentError('empty', 'the OFD has no pages');
  if (pageEls.length > limits.maxPdfPages) throw new UnreadableDocumentError('too-many-pages', `the OFD declares ${pageEls.length} pages, more than the limit of ${limits.maxPdfPages} (maxPdfPages)`);

  const templates = new Map<string, string>();
  for (const t of common ? childElements(common).filter((c) => localName(c) === 'templatepage') : []) {
    if (t.attribs.id && t.attribs.baseloc) templates.set(t.attribs.id, resolveLocation(folder, t.attribs.baseloc));
  }
  const pages: OfdPage[] = [];
  for (const el of pageEls) {
    const loc = el.attribs.baseloc;
    if (!loc) throw corruptOfd(`a page (ID ${el.attribs.id ?? '?'}) has no BaseLoc`);
    const content = resolveLocation(folder, loc);
    const page = await xml(content);
    const used = page ? descendantsNamed(page.root, 'template').map((t) => templates.get(t.attribs.templateid ?? '')).filter((n): n is string => n !== undefined) : [];
    pages.push({ content, templates: used });
  }

  const media = new Map<string, string>();
  for (const loc of common ? childElements(common).filter((c) => localName(c) === 'publicres' || localName(c) === 'documentres') : []) {
    const resName = resolveLocation(folder, textOf(loc));
    const res = await xml(resName);
    if (!res) continue;
    const resRoot = firstDescendant(res.root, 'res');
    const resFolder = posix.dirname(resName) === '.' ? '' : posix.dirname(resName);
    const base = resRoot?.attribs.baseloc ? resolveLocation(resFolder, resRoot.attribs.baseloc) : resFolder;
    for (const m of descendantsNamed(res.root, 'multimedia')) {
      const file = textOf(child(m, 'mediafile')).trim();
      if (m.attribs.id && file) media.set(m.attribs.id, resolveLocation(base, file));
    }
  }
  return { title, pageBox, pages, media, xml, bytes: bytesOf, close: () => zip.close() };
}

export function descendantsNamed(root: DomNode, name: string): DomElement[] {
  const found: DomElement[] = [];
  for (const node of descendants(root)) if (isElement(node) && localName(node) === name) found.push(node);
  return found;
}

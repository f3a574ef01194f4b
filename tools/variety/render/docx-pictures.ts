/**
 * A Word document written directly (no LibreOffice): paragraphs of text and pictures, as a document whose
 * tables were pasted as screenshots is. Used by the variety generator's docx-img format and by tests.
 */
import { writeStoredZip } from '../../../extractors/docx/write-zip.js';
import { escapeMarkup } from './escape.js';

/** A body item of a generated DOCX: a paragraph of text, or a picture (DrawingML, or VML as old Word wrote it). */
export type DocxItem = { text: string } | { picture: Buffer; name: string; vml?: boolean; widthPx?: number; heightPx?: number };

const EMU_PER_PX = 9525;

/**
 * A minimal Word document whose body holds the items in order, each picture in word/media/ (its part
 * named `name`) on a paragraph of its own, as Word writes a pasted picture. Written as a stored zip.
 */
export function docxWithPictures(items: DocxItem[]): Buffer {
  const rels: string[] = [];
  const media: Array<{ name: string; data: Buffer }> = [];
  const body = items.map((item, i) => {
    if ('text' in item) return `<w:p><w:r><w:t xml:space="preserve">${escapeMarkup(item.text)}</w:t></w:r></w:p>`;
    const id = `rIdPic${i}`;
    rels.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/${item.name}"/>`);
    media.push({ name: `word/media/${item.name}`, data: item.picture });
    const cx = (item.widthPx ?? 600) * EMU_PER_PX;
    const cy = (item.heightPx ?? 800) * EMU_PER_PX;
    if (item.vml) {
      return `<w:p><w:r><w:pict><v:shape id="s${i}" style="width:${item.widthPx ?? 600}px;height:${item.heightPx ?? 800}px"><v:imagedata r:id="${id}" o:title=""/></v:shape></w:pict></w:r></w:p>`;
    }
    return `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${i + 1}" name="Picture ${i + 1}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${i + 1}" name="${item.name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  });
  const ns = [
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
    'xmlns:v="urn:schemas-microsoft-com:vml"',
    'xmlns:o="urn:schemas-microsoft-com:office:office"',
  ].join(' ');
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, 'utf8');
  return writeStoredZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="emf" ContentType="image/x-emf"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    { name: '_rels/.rels', data: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
    { name: 'word/document.xml', data: xml(`<w:document ${ns}><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`) },
    { name: 'word/_rels/document.xml.rels', data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`) },
    ...media,
  ]);
}


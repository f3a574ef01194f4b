/**
 * Finding the pictures of a DOCX body (no OCR): which elements are pictures, what their relationships
 * resolve to, what is left alone, and how a picture that cannot be read is reported without failing
 * the document.
 */
import { describe, expect, it } from 'vitest';
import { markPictures, partRelationships, relationshipsPartOf } from '../../../extractors/docx/pictures.js';
import { docxReader } from '../../../extractors/docx.js';
import { readTablePictures } from '../../../extractors/image/table-image.js';
import { docxWithPictures } from '../../helpers/pictures.js';

const RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId5" Type="…/image" Target="media/image1.png"/>
<Relationship Id="rId6" Type="…/image" Target="../word/media/image2.jpeg"/>
<Relationship Id="rId7" Type="…/image" Target="http://example.org/a.png" TargetMode="External"/>
<Relationship Id="rId8" Type="…/image" Target="/word/media/a&amp;b.png"/>
</Relationships>`;

describe('relationships of the main part', () => {
  it('live beside it in _rels/, and resolve against its folder', () => {
    expect(relationshipsPartOf('word/document.xml')).toBe('word/_rels/document.xml.rels');
    const rels = partRelationships(RELS, 'word/document.xml');
    expect(Object.fromEntries(rels)).toEqual({
      rId5: { part: 'word/media/image1.png' },
      rId6: { part: 'word/media/image2.jpeg' },
      rId7: { external: 'http://example.org/a.png' },
      rId8: { part: 'word/media/a&b.png' },
    });
  });
});

describe('marking the pictures of the body', () => {
  const rels = partRelationships(RELS, 'word/document.xml');
  const drawing = (id: string) => `<w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`;

  it('replaces DrawingML and VML pictures by numbered markers, in order, and resolves their parts', () => {
    const xml = `<w:body><w:p><w:r><w:t>前</w:t></w:r><w:r>${drawing('rId5')}</w:r></w:p><w:p><w:r><w:pict><v:shape><v:imagedata r:id="rId6"/></v:shape></w:pict></w:r></w:p></w:body>`;
    const marked = markPictures(xml, rels);
    expect(marked.xml).toBe('<w:body><w:p><w:r><w:t>前</w:t></w:r><w:r><w:t>\ue001docx-picture-0\ue001</w:t></w:r></w:p><w:p><w:r><w:t>\ue001docx-picture-1\ue001</w:t></w:r></w:p></w:body>');
    expect(marked.pictures).toEqual([
      { relationship: 'rId5', part: 'word/media/image1.png' },
      { relationship: 'rId6', part: 'word/media/image2.jpeg' },
    ]);
  });

  it('takes an alternate-content picture once, not once per alternative', () => {
    const xml = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing('rId5')}</mc:Choice><mc:Fallback><w:pict><v:imagedata r:id="rId5"/></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    expect(markPictures(xml, rels).pictures).toEqual([{ relationship: 'rId5', part: 'word/media/image1.png' }]);
  });

  it('leaves pictures in tables and text boxes, and shapes without a picture, as they were', () => {
    const xml = `<w:tbl><w:tr><w:tc><w:p><w:r>${drawing('rId5')}</w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></v:textbox><v:imagedata r:id="rId6"/></v:shape></w:pict></w:r></w:p><w:p><w:r><w:drawing><wp:inline><a:graphic/></wp:inline></w:drawing></w:r></w:p>`;
    const marked = markPictures(xml, rels);
    expect(marked.xml).toBe(xml);
    expect(marked.pictures).toEqual([]);
  });

  it('says why a linked or unknown picture cannot be read', () => {
    const marked = markPictures(`<w:p><w:r>${drawing('rId7')}</w:r><w:r>${drawing('rId99')}</w:r></w:p>`, rels);
    expect(marked.pictures).toEqual([
      { relationship: 'rId7', unresolved: 'a linked picture outside the file (http://example.org/a.png)' },
      { relationship: 'rId99', unresolved: 'relationship rId99 names no part' },
    ]);
  });
});

/** A PNG header (signature and IHDR) declaring a size no document shows: a decompression bomb's shape. */
function hugePngHeader(): Buffer {
  const head = Buffer.alloc(33);
  head.writeUInt32BE(0x89504e47, 0);
  head.writeUInt32BE(0x0d0a1a0a, 4);
  head.writeUInt32BE(13, 8);
  head.write('IHDR', 12, 'latin1');
  head.writeUInt32BE(60_000, 16);
  head.writeUInt32BE(60_000, 20);
  head[24] = 8;
  return head;
}

describe('a picture that may not or cannot be read', () => {
  it('is skipped with its reason, before any pixel is decoded, and the document is still read', async () => {
    const bytes = docxWithPictures([{ text: '一、总体情况' }, { picture: hugePngHeader(), name: 'image1.png' }, { text: '二、主动公开政府信息情况' }]);
    const doc = await docxReader.read(bytes, {});
    expect(doc.blocks.map((b) => (b.kind === 'table' ? 'table' : b.text))).toEqual(['一、总体情况', '二、主动公开政府信息情况']);
    const skipped = doc.messages.filter((m) => m.code === 'picture-skipped').map((m) => m.message);
    // Where OCR is not installed the picture is skipped for that reason instead, naming the packages.
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/^word\/media\/image1\.png: (the picture is 60000×60000 pixels, more than 4× the limit of 20000000 \(maxOcrPixels\)|not read: only OCR .* apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)/);
  });

  it('is skipped, naming the Debian packages, where OCR is not installed', async () => {
    const read = await readTablePictures([{ name: 'word/media/image1.png', bytes: hugePngHeader() }], { maxPixels: 1e6, maxPages: 1, ocrAvailable: async () => false });
    expect(read).toEqual({
      blocks: [],
      messages: [{ code: 'picture-skipped', message: 'word/media/image1.png: not read: only OCR can read a picture and tesseract (with chi_sim) is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils' }],
    });
  });

  it('is skipped when its part holds no picture it knows (an empty part), and the document is still read', async () => {
    const bytes = docxWithPictures([{ text: '一、总体情况' }, { picture: Buffer.alloc(0), name: 'image1.png' }]);
    const doc = await docxReader.read(bytes, {});
    expect(doc.blocks.map((b) => (b.kind === 'table' ? 'table' : b.text))).toEqual(['一、总体情况']);
    expect(doc.messages.filter((m) => m.code === 'picture-skipped').map((m) => m.message)[0]).toMatch(/^word\/media\/image1\.png: /);
  });
});

/**
 * DocumentModels built by hand from the real corpus texts, standing in for the readers: the structure
 * stage must work on whatever blocks the readers give, so these mimic the plainest possible reader.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import type { Block, DocumentModel, TableCell } from '../../../extractors/model.js';

export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../fixtures/structure/', import.meta.url));

export function paragraph(text: string): Block {
  return { kind: 'paragraph', text };
}

export function table(rows: string[][]): Block {
  return { kind: 'table', rows: rows.map((r) => r.map((text): TableCell => ({ text }))) };
}

export function docOf(blocks: Block[], meta: DocumentModel['meta'] = {}, format: DocumentModel['format'] = 'txt'): DocumentModel {
  return { format, blocks, meta, messages: [] };
}

/** The seed's DOCX flattening: tab-prefixed lines are cells, blank lines end a table row. */
export function seedDocument(): DocumentModel {
  const lines = readFileSync(`${CORPUS}seed/zzszq-gxj-2023.txt`, 'utf8').split(/\r?\n/);
  const blocks: Block[] = [];
  let rows: string[][] | undefined;
  let row: string[] = [];
  const endRow = () => {
    if (rows && row.length) rows.push(row);
    row = [];
  };
  for (const line of lines) {
    if (line.startsWith('\t')) {
      rows ??= [];
      row.push(line.slice(1).trim());
    } else if (!line.trim()) {
      endRow();
    } else {
      endRow();
      if (rows) blocks.push(table(rows));
      rows = undefined;
      blocks.push(paragraph(line.replace('[bookmark: _GoBack]', '')));
    }
  }
  endRow();
  if (rows) blocks.push(table(rows));
  return docOf(blocks, {}, 'txt');
}

/** pdftotext output saved as a fixture: one paragraph per line, [table] where the tables were. */
export function pdfTextDocument(name: string): DocumentModel {
  const blocks = readFileSync(`${FIXTURES}${name}.pdftotext.txt`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l): Block => (l === '[table]' ? table([['…']]) : paragraph(l)));
  return docOf(blocks, {}, 'pdf');
}

/** Paragraphs, headings and tables of an HTML page in document order, <title> as meta.title. */
export function htmlDocument(relative: string, meta: DocumentModel['meta'] = {}): DocumentModel {
  const $ = cheerio.load(readFileSync(`${CORPUS}${relative}`, 'utf8'));
  const blocks: Block[] = [];
  $('p, h1, h2, h3, h4, h5, h6, table').each((_, el) => {
    const node = $(el);
    if (el.tagName === 'table') {
      if (node.parents('table').length) return;
      const rows = node
        .find('tr')
        .toArray()
        .map((tr) => $(tr).find('td, th').toArray().map((td) => $(td).text().replace(/\s+/g, ' ').trim()));
      blocks.push(table(rows));
      return;
    }
    if (node.parents('table').length) return;
    const text = node.text().replace(/\s+/g, ' ').trim();
    if (!text) return;
    blocks.push(/^h\d$/.test(el.tagName) ? { kind: 'heading', text, level: Number(el.tagName[1]) } : paragraph(text));
  });
  const title = $('title').text().trim();
  return docOf(blocks, { ...(title ? { title } : {}), ...meta }, 'html');
}

export function truthOf(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${CORPUS}${relative}.truth.json`, 'utf8')) as Record<string, unknown>;
}

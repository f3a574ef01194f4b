#!/usr/bin/env node
/**
 * Debugging aid: prints what the reader made of a document (blocks, tables as rows of cells) and the
 * mapped cells. Run after `npm run build`: node scripts/dump.mjs FILE [--tables] [--record]
 */
import { readFile } from 'node:fs/promises';
import { detectReader, extractFile } from '../dist/src/index.js';

const [file, ...flags] = process.argv.slice(2);
const bytes = await readFile(file);
const reader = detectReader(bytes, file);
if (!reader) throw new Error('no reader accepts this file');
const doc = await reader.read(bytes, { name: file, localPath: file });
console.log(`format ${doc.format}, ${doc.blocks.length} blocks, meta ${JSON.stringify(doc.meta)}`);
for (const m of doc.messages) console.log(`message ${m.code}: ${m.message}`);
doc.blocks.forEach((b, i) => {
  if (b.kind !== 'table') {
    if (!flags.includes('--tables')) console.log(`[${i}] ${b.kind}${b.prov?.page ? ` p${b.prov.page}` : ''}: ${b.text.slice(0, 120)}`);
    return;
  }
  console.log(`[${i}] table ${b.rows.length}×${b.rows[0]?.length ?? 0}${b.prov?.page ? ` p${b.prov.page}` : ''}${b.glued ? ' glued' : ''}`);
  b.rows.forEach((r, k) => console.log(`   ${k}: ${r.map((c) => (c.spanned ? '~' : '') + c.text.replace(/\s+/g, ' ').slice(0, 30)).join(' | ')}`));
});
if (flags.includes('--record')) {
  const record = await extractFile(file);
  console.log(JSON.stringify({ ...record, cell_details: undefined, sections: record.sections.map((s) => `${s.level} ${s.number} ${s.title}`) }, null, 1));
}

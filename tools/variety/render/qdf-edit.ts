/**
 * A PDF edited as text: qpdf expands it (QDF: streams uncompressed, no object streams) so that its content
 * and dictionaries can be rewritten with string operations, fix-qdf repairs the stream lengths and the
 * cross-reference table the edit moved, and qpdf writes it back compressed. The derived formats that
 * change what a LibreOffice PDF holds, not how it is displayed, are made so (./no-tounicode.ts, ./reordered.ts).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from './run-tool.js';

/** `sourcePdf` through `edit` (the expanded file as latin1 text) into `targetPdf`; `edit` throws if it finds nothing to change. */
export async function editExpandedPdf(sourcePdf: string, targetPdf: string, edit: (expanded: string) => string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-qdf-edit-'));
  try {
    const qdf = join(dir, 'expanded.pdf');
    const edited = join(dir, 'edited.pdf');
    const fixed = join(dir, 'fixed.pdf');
    await runTool('qpdf', ['--qdf', '--object-streams=disable', sourcePdf, qdf], { timeout: 120_000 });
    const out = edit((await readFile(qdf)).toString('latin1'));
    await writeFile(edited, Buffer.from(out, 'latin1'));
    const { stdout } = await runTool('fix-qdf', [edited], { timeout: 120_000, encoding: 'buffer', maxBuffer: 256 << 20 });
    await writeFile(fixed, stdout);
    await runTool('qpdf', [fixed, targetPdf], { timeout: 120_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text `pdftotext -layout` makes of a PDF: what people copy out of a report to feed a tool. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function layoutText(sourcePdf: string, targetText: string): Promise<void> {
  await run('pdftotext', ['-layout', '-enc', 'UTF-8', sourcePdf, targetText], { timeout: 120_000 });
}

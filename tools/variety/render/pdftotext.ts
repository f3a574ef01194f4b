/** The text `pdftotext -layout` makes of a PDF: what people copy out of a report to feed a tool. */
import { runTool } from './run-tool.js';

export async function layoutText(sourcePdf: string, targetText: string): Promise<void> {
  await runTool('pdftotext', ['-layout', '-enc', 'UTF-8', sourcePdf, targetText], { timeout: 120_000 });
}

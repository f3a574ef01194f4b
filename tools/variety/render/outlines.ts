/**
 * A PDF whose text is drawn as outlines: every glyph a filled path, no text layer. Ghostscript's
 * -dNoOutputFonts does what print drivers, "create outlines" in design tools and some PDF
 * "flatteners" do to a published report: it looks the same, but nothing in it is text, so only OCR reads it.
 */
import { runTool } from './run-tool.js';

export async function outlinedPdf(sourcePdf: string, targetPdf: string): Promise<void> {
  await runTool('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', '-dNoOutputFonts', `-sOutputFile=${targetPdf}`, sourcePdf], { timeout: 300_000, maxBuffer: 16 << 20 });
}

export const ghostscriptAvailable = (): Promise<boolean> => runTool('gs', ['--version'], { timeout: 30_000 }).then(() => true, () => false);

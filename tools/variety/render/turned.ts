/**
 * A born-digital PDF with a page displayed turned: a landscape table set sideways on a portrait page,
 * a page inserted upside down, or a whole file turned by a viewer's /Rotate. The text layer is intact;
 * only its direction on the page changes. Made from the LibreOffice PDF with `qpdf --rotate`.
 */
import { runTool } from './run-tool.js';

/** Page 2 (every rendered report runs over more than one page) a quarter either way or a half, or every page a quarter. */
export type PageTurning = 'page2-cw' | 'page2-ccw' | 'page2-half' | 'all-cw';
export const PAGE_TURNINGS: readonly PageTurning[] = ['page2-cw', 'page2-ccw', 'page2-half', 'all-cw'];

const ROTATE: Record<PageTurning, string> = { 'page2-cw': '+90:2', 'page2-ccw': '-90:2', 'page2-half': '+180:2', 'all-cw': '+90' };

export async function turnPdfPages(sourcePdf: string, targetPdf: string, turning: PageTurning): Promise<void> {
  await runTool('qpdf', [sourcePdf, `--rotate=${ROTATE[turning]}`, '--', targetPdf], { timeout: 120_000 });
}

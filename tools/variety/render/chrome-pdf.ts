/**
 * PDF as Chromium prints a page (Skia's PDF backend): another producer than LibreOffice, with its own
 * text layer — glyph runs positioned one by one, fonts subset per page, and a ToUnicode map that gives
 * radicals for some ideographs (⾃ for 自). People print portal pages to PDF this way and publish or
 * forward the result. One browser prints every page of a run.
 */
import { access } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/** Debian's chromium, where the tests and the audit site's browser tests find it too. */
const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumAvailable = (): Promise<boolean> => access(CHROMIUM).then(() => true, () => false);

/** Prints each HTML file to its PDF (A4, the page's own margins, no header or footer lines). */
export async function printWithChromium(jobs: { html: string; pdf: string }[]): Promise<void> {
  if (!jobs.length) return;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    for (const job of jobs) {
      await page.goto(pathToFileURL(job.html).href, { waitUntil: 'load' });
      await page.pdf({ path: job.pdf, format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
    }
  } finally {
    await browser.close();
  }
}

/**
 * A line of real text stamped over every page of a PDF, as portals and PDF tools do to what they publish
 * (the site's address, a download time): a scanned or outlined report then has a text layer, but only a
 * sliver of what its pages show.
 */
import { rm, writeFile } from 'node:fs/promises';
import { stSongPdf } from './st-song-pdf.js';
import { runTool } from './run-tool.js';

export const STAMPS = ['本文来源：政府门户网站 www.example.gov.cn', '下载时间：2024-03-01 10:21:35', '第1页', '政务公开专栏  仅供查阅'];

/** Overlays `stamp` (at the page's foot, 9 pt) on every page of `sourcePdf`; qpdf is in `.ci/run`'s packages. */
export async function stampPdf(sourcePdf: string, targetPdf: string, stamp: string): Promise<void> {
  const overlay = `${targetPdf}.stamp.pdf`;
  try {
    await writeFile(overlay, stSongPdf([{ text: stamp, x: 60, y: 30, size: 9 }], []));
    await runTool('qpdf', [sourcePdf, '--overlay', overlay, '--repeat=1', '--', targetPdf], { timeout: 120_000 });
  } finally {
    await rm(overlay, { force: true });
  }
}

export const qpdfAvailable = (): Promise<boolean> => runTool('qpdf', ['--version'], { timeout: 30_000 }).then(() => true, () => false);

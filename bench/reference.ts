/**
 * Reference speeds on the same files, what a user would write instead of nianbao: for PDF poppler's
 * `pdftotext -layout` (a separate C++ process per file, the practical ceiling) and pdf-parse's
 * getText (pdf.js text extraction with no layout work: the floor our PDF reader's own engine sets);
 * for HTML a bare cheerio walk (load, the body's text, every td's text).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import PQueue from 'p-queue';
import { PDFParse } from 'pdf-parse';
import { load } from 'cheerio/slim';
import { PeakMemorySampler } from '../src/run/memory.js';

const run = promisify(execFile);

export interface Timing {
  documents: number;
  failed: number;
  elapsedMs: number;
  peakRssBytes: number;
}

async function timed(paths: string[], concurrency: number, one: (path: string) => Promise<void>): Promise<Timing> {
  const sampler = new PeakMemorySampler(50).start();
  const started = Date.now();
  const queue = new PQueue({ concurrency });
  let failed = 0;
  await Promise.all(paths.map((path) => queue.add(() => one(path).catch(() => void failed++))));
  const elapsedMs = Date.now() - started;
  return { documents: paths.length, failed, elapsedMs, peakRssBytes: sampler.stop() };
}

export function pdftotextTiming(paths: string[], concurrency: number): Promise<Timing> {
  return timed(paths, concurrency, async (path) => {
    await run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
  });
}

/** In this process, one document at a time: pdf.js itself is single-threaded here. */
export function pdfParseTiming(paths: string[]): Promise<Timing> {
  return timed(paths, 1, async (path) => {
    const parser = new PDFParse({ data: await readFile(path) });
    try {
      await parser.getText();
    } finally {
      await parser.destroy();
    }
  });
}

/**
 * The least a scraper does with a page: parse it (cheerio on htmlparser2, the parser our HTML reader
 * uses), take the body's text and every table cell's text. Bytes are read as UTF-8 without sniffing.
 */
export function cheerioWalkTiming(paths: string[]): Promise<Timing> {
  let sink = 0;
  return timed(paths, 1, async (path) => {
    const $ = load((await readFile(path)).toString('utf8'));
    sink += $('body').text().length;
    $('td').each((_, td) => {
      sink += $(td).text().length;
    });
  }).finally(() => {
    if (sink < 0) console.log(sink); // keeps the walk from being optimised away
  });
}

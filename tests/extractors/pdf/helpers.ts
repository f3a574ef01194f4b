/** Shared helpers of the PDF reader tests: fixtures with their truth, and word boxes from poppler. */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures/pdf');
export const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

export interface FixtureTruth {
  fixture: string;
  made_from: string;
  purpose: string;
  landscape: boolean;
  agency: string;
  year: number;
  layout: { proactive: string; requests: string; appeals: string };
  cells: Record<string, number | null>;
  /** Absolute path of the PDF. */
  path: string;
}

export function loadFixtures(): FixtureTruth[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.truth.json'))
    .sort()
    .map((f) => {
      const truth = JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as Omit<FixtureTruth, 'path'>;
      return { ...truth, path: path.join(FIXTURES, truth.fixture) };
    });
}

export interface Word {
  text: string;
  /** Box in PDF user space, origin bottom-left, like the reader's provenance. */
  box: [number, number, number, number];
}

/**
 * Every word poppler's pdftotext finds, per page (1-based), with boxes flipped to a bottom-left origin:
 * an independent second reading of the text layer to check the reader's provenance against.
 */
export function popplerWords(pdf: string): Map<number, Word[]> {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = new Map<number, Word[]>();
  let page = 0;
  let height = 0;
  for (const line of xml.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page++;
      height = Number(p[2]);
      pages.set(page, []);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) {
      const [x0, top, x1, bottom] = [Number(w[1]), Number(w[2]), Number(w[3]), Number(w[4])];
      pages.get(page)!.push({ text: w[5], box: [x0, height - bottom, x1, height - top] });
    }
  }
  return pages;
}

/** Words whose centre lies inside the box (grown by `slack` points), in reading order. */
export function wordsInside(words: Word[], box: readonly number[], slack = 2): Word[] {
  return words
    .filter((w) => {
      const cx = (w.box[0] + w.box[2]) / 2;
      const cy = (w.box[1] + w.box[3]) / 2;
      return cx >= box[0] - slack && cx <= box[2] + slack && cy >= box[1] - slack && cy <= box[3] + slack;
    })
    .sort((a, b) => b.box[3] - a.box[3] || a.box[0] - b.box[0]);
}

export function pageSizes(pdf: string): Array<{ width: number; height: number }> {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** Truth cells and what the record gives for them, side by side ('MISSING' when the record lacks the key). */
export function cellsFor(truth: Record<string, number | null>, cells: Record<string, number | null>): Record<string, number | null | 'MISSING'> {
  const got: Record<string, number | null | 'MISSING'> = {};
  for (const key of Object.keys(truth)) got[key] = key in cells ? cells[key] : 'MISSING';
  return got;
}

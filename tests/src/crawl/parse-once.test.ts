/**
 * A fetched page is parsed as HTML once: its metadata, links, list endpoints, frames and pictures are all
 * read from the one document (src/crawl/page-document.ts). cheerio's load is counted per page text while
 * the fixture portal's lists and real Pingtan report pages are crawled.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { readManifest } from '../../../src/crawl/manifest.js';
import { FAST } from './fast-options.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

const parses = vi.hoisted(() => new Map<string, number>());

vi.mock('cheerio', async (original) => {
  const cheerio = await original<typeof import('cheerio')>();
  return {
    ...cheerio,
    load: (content: Parameters<typeof cheerio.load>[0], ...rest: unknown[]) => {
      if (typeof content === 'string') parses.set(content, (parses.get(content) ?? 0) + 1);
      return (cheerio.load as (...args: unknown[]) => ReturnType<typeof cheerio.load>)(content, ...rest);
    },
  };
});

const { crawl } = await import('../../../src/crawl/index.js');

let server: FixtureServer;
let dir = '';

beforeAll(async () => {
  server = await startFixtureServer();
  dir = await mkdtemp(join(tmpdir(), 'nianbao-parse-once-'));
  await crawl({ ...FAST, seeds: [server.seeds.trs, server.seeds.plain], outDir: dir });
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('parses each fetched page once, whatever reads it', async () => {
  const fetched = (await readManifest(dir)).filter((row) => row.status === 200 && /html/.test(row.content_type ?? ''));
  const pages = [...parses].filter(([text]) => /<html/i.test(text));
  // The TRS list's three pages (one at two addresses), its report pages, the plain list's two pages and its reports.
  expect(fetched.length).toBeGreaterThanOrEqual(10);
  expect(pages.reduce((sum, [, count]) => sum + count, 0)).toBe(fetched.length);
  // A report page is among them: its title was read and its PDF found from the same parse.
  expect(pages.some(([text]) => text.includes('P020240308_report.pdf'))).toBe(true);
  expect(fetched.some((row) => row.kind === 'page' && row.title?.includes('2023'))).toBe(true);
});

/** nianbao.config.json and --limit: one schema-checked source of settings for extract and crawl. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLimit, ConfigError, crawlOverrides, limitOverrides, loadConfig } from '../../../src/cli/config.js';
import { toCrawlOptions } from '../../../src/crawl/command.js';
import { userAgent } from '../../../src/crawl/options.js';

function folderWith(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-config-'));
  writeFileSync(join(dir, 'nianbao.config.json'), JSON.stringify(config));
  return dir;
}

describe('the config file and --limit', () => {
  it('takes limits from the file and lets --limit flags override them', () => {
    const config = loadConfig(undefined, folderWith({ limits: { maxPdfPages: 50, maxTableCells: 900 } }));
    expect(limitOverrides(config, collectLimit('maxPdfPages=7'))).toEqual({ maxPdfPages: 7, maxTableCells: 900 });
  });

  it('reads no file when there is none, and refuses a named file that is absent', () => {
    expect(loadConfig(undefined, mkdtempSync(join(tmpdir(), 'nianbao-config-')))).toEqual({});
    expect(() => loadConfig('absent.json', tmpdir())).toThrow(ConfigError);
  });

  it('names a misspelt setting in the file or a flag', () => {
    expect(() => loadConfig(undefined, folderWith({ limits: { maxPdfPagez: 1 } }))).toThrow(/maxPdfPagez/);
    expect(() => loadConfig(undefined, folderWith({ crawl: { maxPagez: 1 } }))).toThrow(/maxPagez/);
    expect(() => limitOverrides({}, collectLimit('documentTimeoutMs=0'))).toThrow(/documentTimeoutMs/);
    expect(() => collectLimit('maxPdfPages:3')).toThrow(/name=value/);
  });

  it('gives crawl the file\'s settings where the command line is silent, and --limit over both', () => {
    const config = loadConfig(undefined, folderWith({ crawl: { maxPages: 40, delay: 2500, contact: 'desk@example.org' } }));
    const settings = crawlOverrides(config, collectLimit('retries=1'), (name) => name === 'delay');
    expect(settings).toEqual({ maxPages: 40, contact: 'desk@example.org', retries: 1 });
    const options = toCrawlOptions(['https://example.org/list'], { out: 'c', delay: 1000, extensions: '.pdf', ...settings });
    expect(options).toMatchObject({ maxPages: 40, perHostDelayMs: 1000, maxRetries: 1, contact: 'desk@example.org' });
    expect(() => crawlOverrides({}, collectLimit('maxPagez=3'))).toThrow(/maxPagez/);
  });

  it('sends a contact in the User-Agent only when the user gave one', () => {
    expect(userAgent('desk@example.org')).toMatch(/^nianbao\/\d+\.\d+\.\d+ \(\+desk@example\.org\)$/);
    expect(userAgent(undefined)).toMatch(/^nianbao\/\d+\.\d+\.\d+$/);
  });
});

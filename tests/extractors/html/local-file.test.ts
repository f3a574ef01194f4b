import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePageLocalFile } from '../../../extractors/html/local-file.js';

function site(): { page: string; dir: string; outside: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-localfile-'));
  const dir = path.join(root, 'site');
  mkdirSync(path.join(dir, 'page_files'), { recursive: true });
  writeFileSync(path.join(dir, 'page.html'), '<html></html>');
  writeFileSync(path.join(dir, 'page_files', 'table 1.png'), 'x');
  const outside = path.join(root, 'secret.png');
  writeFileSync(outside, 'x');
  symlinkSync(outside, path.join(dir, 'page_files', 'link.png'));
  return { page: path.join(dir, 'page.html'), dir, outside };
}

describe('resolvePageLocalFile', () => {
  it('resolves a saved page folder image, percent-encoded, query dropped', () => {
    const s = site();
    const r = resolvePageLocalFile(s.page, './page_files/table%201.png?v=2');
    expect(r.ok && path.basename(r.path)).toBe('table 1.png');
  });
  it.each([
    ['http://example.org/a.png', 'not a local file (URL with a scheme)'],
    ['https://example.org/a.png', 'not a local file (URL with a scheme)'],
    ['file:///etc/passwd', 'not a local file (URL with a scheme)'],
    ['//cdn/a.png', 'not a local file (URL with a scheme)'],
    ['/etc/passwd', 'absolute path'],
    ['../secret.png', 'path leaves the page folder'],
    ['page_files/../../secret.png', 'path leaves the page folder'],
    ['page_files/link.png', 'symlink leaves the page folder'],
    ['page_files/missing.png', 'file not found'],
    ['page_files', 'not a regular file'],
    ['', 'empty src'],
  ])('refuses %s', (src, reason) => {
    const s = site();
    expect(resolvePageLocalFile(s.page, src)).toEqual({ ok: false, reason });
  });
});

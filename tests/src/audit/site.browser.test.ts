/**
 * The audit workbench as an auditor uses it, in a real browser (Debian's chromium through
 * playwright-core): the site built from an extract of ../shared/corpus opened from file://, filtered,
 * a failing cell traced to its place in the source, a review recorded through `nianbao serve` that
 * outlives a reload, a re-extraction and a rebuild of the site.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CORPUS } from '../../corpus/truth.js';

const run = promisify(execFile);
const BIN = join(process.cwd(), 'bin/nianbao.js');
const CHROMIUM = '/usr/bin/chromium';
const HONGZE = join(CORPUS, 'real/hongze-2023.pdf');
const SHANGHAI = join(CORPUS, 'variety/shanghai-govoffice-2019.html');
/** Where the screenshots go: NIANBAO_SCREENSHOTS (the README's docs/ when refreshing them), else the run's folder. */
const SHOTS = process.env.NIANBAO_SCREENSHOTS;

interface Rec { report_id: string; source: string; sha256: string; findings: Array<{ rule: string; basis: string; cells: string[] }>; cell_details: Record<string, { raw: string; prov?: { page?: number } }> }

function records(out: string): Rec[] {
  return readFileSync(join(out, 'reports.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

const extract = (out: string) => run(process.execPath, [BIN, 'extract', join(CORPUS, 'seed'), join(CORPUS, 'rendered'), join(CORPUS, 'real'), join(CORPUS, 'variety'), '--out', out, '-q'], { maxBuffer: 1 << 24 });
const audit = (out: string) => run(process.execPath, [BIN, 'audit', out]);

/** `nianbao serve` on a free loopback port; resolves with its URL once it listens. */
function serve(out: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve', out, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((ok, fail) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
      if (m) ok({ url: m[1], child });
    });
    child.once('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe.skipIf(!existsSync(CHROMIUM))('the audit site in Chromium', () => {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-audit-'));
  const shots = SHOTS ?? join(out, 'screenshots');
  let browser: Browser;
  let page: Page;
  let hongze: Rec;
  let shanghai: Rec;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    await extract(out);
    await audit(out);
    const all = records(out);
    hongze = all.find((r) => r.source === HONGZE)!;
    shanghai = all.find((r) => r.source === SHANGHAI)!;
    mkdirSync(shots, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Offline means offline: any request that is not for a file of the site (or the local server) fails the test.
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith('file://') && !url.startsWith('http://127.0.0.1') && !url.startsWith('data:')) throw new Error(`network request: ${url}`);
    });
  }, 120_000);

  afterAll(async () => {
    server?.kill();
    await browser?.close();
  });

  const indexUrl = () => pathToFileURL(join(out, 'audit', 'index.html')).href;

  it('opens the index from file:// and filters the reports to one rule', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(indexUrl());
    await expect.poll(() => page.locator('#reports tbody tr').count()).toBe(records(out).length);
    expect(await page.locator('#chart-rule svg').count()).toBe(1); // ECharts drew, from the bundled copy
    await page.screenshot({ path: join(shots, 'audit-index.png'), fullPage: true });
    await page.selectOption('#f-rule', 'appeals.group_total');
    const rows = page.locator('#reports tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-slug')).toBe(hongze.report_id);
    expect(await rows.first().locator('td').first().textContent()).toBe('淮安市洪泽区人民政府');
    // The counts follow the filter: hongze's two appeals.group_total findings.
    expect(await page.locator('#totals .total').nth(1).locator('b').textContent()).toBe('2');
    expect(errors).toEqual([]);
  });

  it('opens a PDF report and shows a failing cell boxed on the page it was printed on', async () => {
    await page.locator('#reports tbody tr a').first().click();
    await page.waitForURL(/reports\/.*\.html$/);
    const failing = page.locator('td.v.fail[data-key="appeals.review.upheld"]');
    expect(await failing.textContent()).toBe(hongze.cell_details['appeals.review.upheld'].raw);
    await failing.click();
    const view = page.locator('#evidence .page-view');
    await view.waitFor();
    const shown = Number(await view.getAttribute('data-page'));
    // The right page: the one whose text holds table 四 (行政复议) according to pdftotext, independently of our reader.
    const { stdout } = await run('pdftotext', ['-f', String(shown), '-l', String(shown), '-layout', HONGZE, '-']);
    expect(stdout).toContain('行政复议');
    expect(stdout).toContain('复议后起诉');
    // The box lies on the page image, in its lower half where table 四 sits on that page.
    const img = await view.locator('img').boundingBox();
    const box = await view.locator('.box').boundingBox();
    expect(box!.x).toBeGreaterThan(img!.x);
    expect(box!.x + box!.width).toBeLessThan(img!.x + img!.width);
    expect(box!.y).toBeGreaterThan(img!.y);
    expect(box!.y + box!.height).toBeLessThan(img!.y + img!.height);
    expect(await page.locator('#evidence .finding-link').first().textContent()).toContain('≠ 总计 0');
    await page.screenshot({ path: join(shots, 'audit-report.png') });
  });

  it('shows an HTML report\'s failing cell marked in the source table it was read from', async () => {
    await page.goto(pathToFileURL(join(out, 'audit', 'reports', `${shanghai.report_id}.html`)).href);
    const finding = shanghai.findings.find((f) => f.rule === 'requests.row_total')!;
    const checked = finding.cells[finding.cells.length - 1];
    const cell = page.locator(`td.v.fail[data-key="${checked}"]`);
    await cell.click();
    const hit = page.locator('#evidence table.source-table td.hit');
    await hit.waitFor();
    expect((await hit.textContent())!.trim()).toBe(shanghai.cell_details[checked].raw);
    // The marked cell's row is the row of the template row the cell belongs to: its label is in that row.
    const rowText = await hit.locator('xpath=..').textContent();
    expect(rowText).toContain('予以公开');
  });

  it("shows an OFD report's cell in the source table it was read from (an OFD has pages, but no PDF to draw)", async () => {
    const ofdOut = mkdtempSync(join(tmpdir(), 'nianbao-audit-ofd-'));
    await run(process.execPath, [BIN, 'extract', join(process.cwd(), 'tests/fixtures/ofd/hongze-2023.ofd'), '--out', ofdOut, '-q']);
    await audit(ofdOut);
    const [ofd] = records(ofdOut);
    const key = 'requests.new_received.natural_person';
    expect(ofd.cell_details[key].prov?.page).toBeGreaterThan(0);
    await page.goto(pathToFileURL(join(ofdOut, 'audit', 'reports', `${ofd.report_id}.html`)).href);
    await page.locator(`td.v[data-key="${key}"]`).click();
    const hit = page.locator('#evidence table.source-table td.hit');
    await hit.waitFor({ timeout: 5_000 });
    expect((await hit.textContent())!.trim()).toBe(ofd.cell_details[key].raw);
    expect(await hit.locator('xpath=..').textContent()).toContain('本年新收');
  });

  it('records a review through nianbao serve that survives a reload, a re-extraction and a rebuild', async () => {
    const started = await serve(out);
    server = started.child;
    await page.goto(`${started.url}reports/${hongze.report_id}.html`);
    const card = page.locator('li.finding[data-rule="appeals.group_total"]').first();
    await card.locator('.review-form select.decision').waitFor();
    await card.locator('select.decision').selectOption('dismissed');
    await card.locator('input.note').fill('总计栏原文为空白，已核对');
    await card.locator('input.reviewer').fill('审核员甲');
    await card.locator('button.save').click();
    await expect.poll(() => card.locator('.review-state').textContent()).toBe('排除');

    await page.reload();
    const again = page.locator('li.finding[data-rule="appeals.group_total"]').first();
    await again.locator('.review-form select.decision').waitFor();
    expect(await again.locator('select.decision').inputValue()).toBe('dismissed');
    expect(await again.locator('.review-state').textContent()).toBe('排除');
    expect(await again.locator('.review-note').textContent()).toContain('总计栏原文为空白');
    server.kill();
    server = undefined;

    await extract(out);
    const findings = readFileSync(join(out, 'findings.csv'), 'utf8');
    const line = findings.split('\r\n').find((l) => l.includes(hongze.report_id) && l.includes('appeals.group_total') && l.includes('dismissed'));
    expect(line).toContain('总计栏原文为空白，已核对');
    await audit(out);
    await page.goto(pathToFileURL(join(out, 'audit', 'reports', `${hongze.report_id}.html`)).href);
    expect(await page.locator('li.finding[data-rule="appeals.group_total"] .review-state').first().textContent()).toBe('排除');
    await page.goto(indexUrl() + '#review=dismissed');
    await expect.poll(() => page.locator('#reports tbody tr').count()).toBe(1);
  });
});

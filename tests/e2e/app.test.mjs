// End-to-end: the release site in dist/ (built by `make build`), served on 127.0.0.1, opened in headless
// Chromium (Debian's, driven by playwright-core; nothing is downloaded). Expected figures come from the
// engine through the `chiso` command line, not from the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(root, '.tools/package.json'));
const { chromium } = require('playwright-core');

const DIST = path.join(root, 'dist');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

let server, origin, browser;

before(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const file = path.join(DIST, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** The engine's scores of the embedded snapshot. */
function engineScores() {
  const out = execFileSync(path.join(root, 'target/debug/chiso'),
    ['score', path.join(root, 'data/phu-tho-2026-q3.json'), '--format', 'json'], { encoding: 'utf8' });
  return JSON.parse(out);
}

const vi = (points) => points.toFixed(2).replace('.', ',');

async function open(hash = '') {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/${hash}`);
  await page.waitForSelector('tr[data-unit]');
  return { page, requests, errors };
}

test('first screen: the communes of Phú Thọ ranked with the portal\'s figures', async () => {
  const scores = engineScores();
  const communes = scores.units.filter((u) => u.level === 'commune');
  const top = communes.find((u) => u.rank === 1);
  const { page, requests, errors } = await open();
  assert.equal(await page.textContent('[data-testid=snapshot-title]'), 'UBND tỉnh Phú Thọ — Quý 3/2026');
  const rows = page.locator('tr[data-unit]');
  assert.equal(await rows.count(), communes.length);
  assert.equal(await rows.first().getAttribute('data-unit'), top.unit_code);
  assert.equal(await rows.first().locator('td.name').textContent(), top.unit_name);
  assert.equal(await rows.first().locator('td.total').textContent(), vi(top.total));
  assert.equal(vi(top.total), '68,45');
  await page.screenshot({ path: path.join(root, 'target/e2e-first-screen.png') });
  // Nothing but the app's own files was requested.
  assert.ok(requests.length > 0);
  for (const url of requests) assert.ok(url.startsWith(origin), `request outside the app: ${url}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link to the province shows its breakdown: 61,39', async () => {
  const scores = engineScores();
  const province = scores.units.find((u) => u.unit_code === 'H44');
  const { page } = await open('#unit=H44');
  assert.equal(await page.textContent('[data-testid=unit-total]'), vi(province.total));
  assert.equal(vi(province.total), '61,39');
  for (const [group, points] of Object.entries(province.groups)) {
    assert.equal(await page.textContent(`[data-testid=group-${group}]`), vi(points), group);
  }
  // Clicking a commune moves the link with it.
  await page.click('button[role=tab]:has-text("Xã, phường")');
  await page.click('tr[data-unit="H44.166"]');
  const tamSon = scores.units.find((u) => u.unit_code === 'H44.166');
  assert.equal(await page.textContent('[data-testid=unit-total]'), vi(tamSon.total));
  assert.equal(await page.textContent('[data-testid=unit-rank]'), String(tamSon.rank));
  assert.equal(new URL(page.url()).hash, '#unit=H44.166');
  await page.close();
});

// End-to-end: the built site as a hosted app — its Content-Security-Policy, offline use after one visit
// (service worker), a newly published version announced to the user, and the time to a usable page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, root } from './harness.mjs';

let server, origin, browser;
const overrides = {};
before(async () => {
  ({ server, origin } = await serve(overrides));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const DIST = path.join(root, 'dist');

test('the policy of dist/index.html allows no inline script but trunk\'s loader, by its hash', async () => {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  assert.ok(policy, 'a Content-Security-Policy meta tag');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.ok(!directives['script-src'].includes("'unsafe-inline'"), policy);
  assert.ok(!directives['script-src'].includes("'unsafe-eval'"), policy);
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.ok(inline.length >= 1, 'trunk writes an inline loader');
  for (const body of inline) {
    const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    assert.ok(directives['script-src'].includes(hash), `inline script allowed by ${hash}`);
  }
  // The page runs under that policy with no violation.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/`);
  await page.waitForSelector('[role=row][data-unit]');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('after one visit the app opens with no network, and says when a new version is published', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let start = Date.now();
  await page.goto(`${origin}/`);
  await page.waitForSelector('[role=row][data-unit]');
  const firstVisit = Date.now() - start;
  // The service worker has kept the site's files and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  start = Date.now();
  await page.reload();
  await page.waitForSelector('[role=row][data-unit]');
  const offlineVisit = Date.now() - start;
  assert.equal(await page.textContent('[data-testid=snapshot-title]'), 'UBND tỉnh Đắk Lắk — Năm 2026');
  assert.equal(await page.textContent('[role=row][data-unit] .total'), '73,41');
  // Data files still open offline (the import worker is one of the kept files).
  await page.setInputFiles('[data-testid=import-file]', path.join(root, 'data/phu-tho-2026-q3.json'));
  await page.waitForSelector('.import-status.ok');
  // The other built-in data is not fetched until chosen; once opened, it is kept too.
  const kept = () => page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).filter((f) => f.endsWith('.json'));
  });
  assert.ok((await kept()).includes('dak-lak-2026-year-20261010.json'), 'the default data, kept at install');
  assert.ok(!(await kept()).includes('phu-tho-2026-08.json'), 'other data: not fetched before it is chosen');
  await context.setOffline(false);
  await page.selectOption('[data-testid=data-choice]', 'phu-tho-2026-08');
  await page.waitForFunction(() => document.querySelector('[data-testid=snapshot-title]')?.textContent === 'UBND tỉnh Phú Thọ — Tháng 8/2026');
  assert.ok((await kept()).includes('phu-tho-2026-08.json'));
  assert.ok(!(await kept()).includes('phu-tho-2026-q3.json'), 'never chosen, never fetched');
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-testid=snapshot-title]')?.textContent === 'UBND tỉnh Phú Thọ — Tháng 8/2026');
  await context.setOffline(false);
  console.log(`load: to a usable ranking on loopback ${firstVisit} ms at the first visit, ${offlineVisit} ms offline from the service worker's cache`);

  // A new version is published (another build: another sw.js): the page says so, and reloads into it.
  const sw = await readFile(path.join(DIST, 'sw.js'), 'utf8');
  const next = path.join(root, 'target/sw-next.js');
  await writeFile(next, sw.replace(/const VERSION = '[^']*'/, "const VERSION = 'next-version'"));
  overrides['/sw.js'] = next;
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForSelector('[data-testid=notice] [data-testid=reload]');
  assert.match(await page.textContent('[data-testid=notice]'), /phiên bản mới/);
  await Promise.all([page.waitForEvent('load'), page.click('[data-testid=reload]')]);
  await page.waitForSelector('[role=row][data-unit]');
  assert.equal(await page.evaluate(async () => (await caches.keys()).join(',')), 'chiso-next-version');
  assert.equal(await page.locator('[data-testid=notice]').count(), 0);
  delete overrides['/sw.js'];
  await context.close();
});

test('the app is installable: a manifest with the app\'s icons', async () => {
  const manifest = JSON.parse(await readFile(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.lang, 'vi');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  for (const icon of manifest.icons) {
    const res = await fetch(`${origin}/${icon.src}`);
    assert.equal(res.status, 200, icon.src);
  }
  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), sizes.join(' '));
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<link rel="manifest" href="manifest.webmanifest">/);
});

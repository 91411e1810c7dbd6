// End-to-end: data in and out of the built site — import (good, bad, the portal's six files, hostile
// names), scenarios kept across reloads and saved by name, shared links in a fresh browser, exports that
// Excel and the importer read back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { startSite, chiso, vi, slide, settled, root, SNAPSHOT, pt } from './harness.mjs';

let site, origin, browser;
before(async () => {
  site = await startSite();
  ({ origin, browser } = site);
});
after(() => site?.stop());

async function open(context, hash = '') {
  const page = await (context ?? browser).newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(`${origin}/${pt(hash)}`);
  await page.waitForSelector('[role=row][data-unit]');
  return { page, errors };
}

const title = (page) => page.textContent('[data-testid=snapshot-title]');

test('a good file replaces the data; a bad one is explained and changes nothing', async () => {
  const context = await browser.newContext();
  const { page, errors } = await open(context);
  const file = path.join(root, 'target/synth-30.json');
  chiso('synth', '--units', '30', '-o', file);
  // Bad first: every problem named, the data already open stays.
  const bad = JSON.parse(await readFile(file, 'utf8'));
  bad.units[3].metrics.DOSSIER_ON_TIME = { num: 50, den: 10 };
  bad.units[4].metrics.DOSSIER_SYNC = { num: -1, den: 10 };
  await page.setInputFiles('[data-testid=import-file]', { name: 'xau.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const problems = await (await page.waitForSelector('[data-testid=import-errors]')).textContent();
  assert.match(problems, /tệp xau\.json, đơn vị thứ 4, mã đơn vị S00\.C00003, trường metrics\.DOSSIER_ON_TIME: tử số 50 lớn hơn mẫu số 10/);
  assert.match(problems, /metrics\.DOSSIER_SYNC\.num: số lượng không được âm/);
  assert.equal(await title(page), 'UBND tỉnh Phú Thọ — Quý 3/2026');
  // Good: the synthetic province replaces Phú Thọ.
  await page.setInputFiles('[data-testid=import-file]', file);
  await page.waitForFunction(() => document.querySelector('[data-testid=snapshot-title]').textContent.startsWith('Dữ liệu tổng hợp'));
  assert.equal(await page.locator('[role=row][data-unit]').count(), 30 - 1 - 1); // communes: 30 less the province and one department
  assert.deepEqual(errors, []);
  await context.close();
});

test('the portal\'s six CSV files open together, and a unit named with markup shows as text', async () => {
  const context = await browser.newContext();
  const { page, errors } = await open(context);
  const dir = path.join(root, 'data/phu-tho-2026-q3');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, f));
  await page.setInputFiles('[data-testid=import-file]', files);
  await page.waitForSelector('.import-status.ok');
  assert.equal(await page.textContent('[role=row][data-unit] .total'), '68,45');
  // Hostile names.
  const s = JSON.parse(await readFile(SNAPSHOT, 'utf8'));
  s.units[1].name = '<img src=x onerror=alert(1)>';
  s.title = '<script>alert(2)</script>';
  await page.setInputFiles('[data-testid=import-file]', { name: 'doc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
  await page.waitForFunction(() => document.querySelector('[data-testid=snapshot-title]').textContent.startsWith('<script>'));
  await page.click('button[role=tab]:has-text("Sở, ban, ngành")');
  assert.equal(await page.locator('img').count(), 0);
  assert.ok(await page.locator('text=<img src=x onerror=alert(1)>').count() > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the working scenario survives a reload; a saved one reopens; a damaged store is set aside', async () => {
  const context = await browser.newContext();
  let { page } = await open(context, '#unit=H44.166');
  await slide(page, 'input[data-lever=TTTT]', 100);
  const planned = await page.textContent('[data-testid=scenario-total]');
  assert.notEqual(planned, '50,23');
  // Save it by name at once (what is shown, whatever the address holds yet), reset, reopen.
  await page.click('[data-testid=saved-scenarios] summary');
  await page.fill('[data-testid=saved-scenarios] input[type=text]', 'Thanh toán 100%');
  await page.click('[data-testid=saved-scenarios] button[type=submit]');
  await page.click('button:has-text("Đặt lại tất cả")');
  assert.equal(await page.textContent('[data-testid=scenario-total]'), '50,23');
  await page.click('[data-testid=saved-scenarios] li:has-text("Thanh toán 100%") button:has-text("Mở")');
  assert.equal(await page.textContent('[data-testid=scenario-total]'), planned);
  // A reload with no link in the address brings the working scenario back.
  await settled(page); // kept once the user pauses
  await page.goto(`${origin}/${pt()}`);
  await page.waitForSelector('[data-testid=scenario-total]');
  assert.equal(await page.textContent('[data-testid=scenario-total]'), planned);
  // A damaged store: reported, set aside, the app works. (Damaged from a page of the site where the
  // app does not run, so that no live app writes over it first.)
  await page.goto(`${origin}/manifest.webmanifest`);
  await page.evaluate(() => localStorage.setItem('chiso.scenarios.v1', '{"version":1,"data":{"x":{"saved":[{"name":1}]}}'));
  await page.goto(`${origin}/${pt('#unit=H44')}`);
  await page.waitForSelector('[data-testid=notice]');
  assert.match(await page.textContent('[data-testid=notice]'), /bị hỏng hoặc của phiên bản khác/);
  assert.equal(await page.evaluate(() => localStorage.getItem('chiso.scenarios.v1.hong')).then((v) => v.length > 0), true);
  assert.equal(await page.textContent('[data-testid=unit-total]'), '61,39');
  await context.close();
});

test('a shared link opens the same plan in a fresh browser; a link for other data says so', async () => {
  const a = await browser.newContext();
  const { page } = await open(a, '#unit=H44.166');
  await slide(page, 'input[data-lever=TTTT]', 100);
  await slide(page, 'input[data-lever=MDSH]', 80);
  await settled(page); // the address settles after the last move
  const link = page.url();
  const figures = await page.textContent('[data-testid=scenario-total]');
  assert.ok(new URL(link).hash.length < 600, `link length ${link.length}`);
  await a.close();
  const b = await browser.newContext();
  const fresh = await b.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector('[data-testid=scenario-total]');
  assert.equal(await fresh.textContent('[data-testid=scenario-total]'), figures);
  assert.equal(await fresh.textContent('[data-testid=scenario-rank]'),
    String(chiso('scenario', SNAPSHOT, '--unit', 'H44.166', '--lift', 'TTTT=100,MDSH=80').scenario_rank));
  // In a browser that never saw this data's plan.
  await b.close();
  const c = await browser.newContext();
  const other = await c.newPage();
  await other.goto(link.replace(/id=[0-9a-f]{16}/, 'id=0123456789abcdef'));
  await other.waitForSelector('[data-testid=notice]');
  const fresh2 = other;
  assert.match(await fresh2.textContent('[data-testid=notice]'), /dành cho dữ liệu khác \(mã 0123456789abcdef\)/);
  // The link's own title is shown as quoted data, apart from the app's words.
  assert.equal(await fresh2.textContent('[data-testid=notice] q.quoted'), 'UBND tỉnh Phú Thọ — Quý 3/2026');
  assert.equal(await fresh2.textContent('[data-testid=gain]'), '0,00');
  // A hostile hash: a message or nothing, never markup.
  await fresh2.goto(`${origin}/${pt('#unit=x&id=0123456789abcdef&s=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E')}`);
  await fresh2.waitForSelector('[role=row][data-unit]');
  assert.equal(await fresh2.locator('img').count(), 0);
  await c.close();
});

test('exports: the ranking for Excel, and the data as CSV that the importer reads back', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page } = await open(context, '#unit=H44.166');
  await slide(page, 'input[data-lever=TTTT]', 100);
  const [ranking] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-ranking]')]);
  // A readable file name: the peer group without its diacritics.
  assert.match(ranking.suggestedFilename(), /^xep-hang-Xa-phuong-148-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await ranking.path(), 'utf8');
  assert.ok(text.startsWith('\ufeffHạng;Hạng theo kịch bản'), text.slice(0, 40));
  const row = text.split(/\r?\n/).find((l) => l.includes(';H44.166;'));
  assert.match(row, /;50,23;53,66;3,43;có$/);
  // The data as the one-table CSV, opened again: same ranking.
  const [data] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Xuất dữ liệu (CSV mẫu)")')]);
  const csvPath = path.join(root, 'target/export-roundtrip.csv');
  await writeFile(csvPath, await readFile(await data.path()));
  const [plan] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-plan]')]);
  assert.match(plan.suggestedFilename(), /^ke-hoach-H44\.166-/);
  // The plan says what it is: data and period, scenario, levers, rank; and rates beside counts.
  const planText = await readFile(await plan.path(), 'utf8');
  assert.match(planText, /Dữ liệu;UBND tỉnh Phú Thọ — Quý 3\/2026/);
  assert.match(planText, /Kịch bản;kịch bản đang làm \(chưa lưu\)/);
  assert.match(planText, /Đòn bẩy nhóm;MDSH \d+%, TTTT 100%/);
  assert.match(planText, /Xếp hạng;148 → \d+\/148 xã, phường/);
  assert.match(planText, /ONLINE_PAYMENT_DOSSIER;[^\n]*;100,00%;/);
  await page.setInputFiles('[data-testid=import-file]', csvPath);
  await page.waitForSelector('.import-status.ok');
  assert.equal(await page.textContent('[role=row][data-unit] .total'), '68,45');
  // Same data (same identity): the scenario stayed.
  assert.equal(await page.textContent('[data-testid=scenario-total]'), '53,66');
  await context.close();
});

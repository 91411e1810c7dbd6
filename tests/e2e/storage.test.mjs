// End-to-end: the scenarios kept in the browser when the browser will not keep them (storage full), when
// what it kept is damaged and there is no room to set it aside, and when two tabs change them at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSite, slide, pt } from './harness.mjs';

const KEY = 'chiso.scenarios.v1';
let site, origin, browser;
before(async () => {
  site = await startSite();
  ({ origin, browser } = site);
});
after(() => site?.stop());

/** Fills the origin's localStorage to the brim (big pieces first, then smaller ones). */
function fill(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 8; size >>= 1) {
      const piece = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler-${n++}`, piece);
        } catch {
          break;
        }
      }
    }
  });
}

/** A tab of `context` at `hash`, its uncaught errors collected, `prompt` answered with `answers`. */
async function tab(context, hash = '', answers = []) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => d.accept(answers.shift() ?? ''));
  await page.goto(`${origin}/${pt(hash)}`);
  await page.waitForSelector('[role=row][data-unit]');
  await page.click('[data-testid=saved-scenarios] summary');
  return { page, errors };
}

const names = (page) => page.$$eval('[data-testid=saved-scenarios] li .saved-name', (l) => l.map((e) => e.textContent));
const stored = (page) => page.evaluate((k) => {
  const s = JSON.parse(localStorage.getItem(k) ?? '{"data":{}}');
  return Object.values(s.data).flatMap((d) => d.saved.map((x) => x.name));
}, KEY);

async function save(page, name) {
  await page.fill('[data-testid=saved-scenarios] input[type=text]', name);
  await page.click('[data-testid=saved-scenarios] button[type=submit]');
}

/** Waits until the tab lists exactly `expected` (another tab's change arrives by the `storage` event). */
async function lists(page, expected) {
  await page.waitForFunction((want) => {
    const got = [...document.querySelectorAll('[data-testid=saved-scenarios] li .saved-name')].map((e) => e.textContent);
    return JSON.stringify(got.sort()) === JSON.stringify([...want].sort());
  }, expected);
}

test('storage full: a save says it failed, the scenario stays on the page and downloads with a link that reopens it', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, errors } = await tab(context, '#unit=H44.166');
  await slide(page, 'input[data-lever=TTTT]', 100);
  const planned = await page.textContent('[data-testid=scenario-total]');
  await fill(page);
  await save(page, 'Khi bộ nhớ đầy');
  await page.waitForSelector('[data-testid=notice]:has-text("bộ nhớ của trình duyệt đã đầy")');
  assert.match(await page.textContent('[data-testid=notice]'), /sẽ mất khi đóng hoặc tải lại trang/);
  assert.deepEqual(await names(page), ['Khi bộ nhớ đầy'], 'kept on the page');
  assert.deepEqual(await stored(page), [], 'and truly not in the browser (no false "saved")');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-scenarios]')]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  const byName = Object.fromEntries(file.scenarios.map((s) => [s.name, s]));
  assert.ok(byName['Khi bộ nhớ đầy'], JSON.stringify(file));
  // The exported link opens the plan in a browser that never saw it.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(byName['Khi bộ nhớ đầy'].link);
  await other.waitForSelector('[data-testid=scenario-total]');
  assert.equal(await other.textContent('[data-testid=scenario-total]'), planned);
  assert.deepEqual(errors, []);
  await fresh.close();
  await context.close();
});

test('a damaged store with no room to set it aside is offered as a download and never written over', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const setup = await context.newPage();
  // Damaged from a page of the site where the app does not run, then no room left for a copy.
  await setup.goto(`${origin}/manifest.webmanifest`);
  const damaged = `{"version":1,"data":${'x'.repeat(1_500_000)}`;
  await setup.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, damaged]);
  await fill(setup);
  await setup.close();
  const { page, errors } = await tab(context);
  await page.waitForSelector('[data-testid=notice]:has-text("không cất sang bên được")');
  // A save now must not overwrite it: the notice says why and the damaged text is intact.
  await save(page, 'Sau khi hỏng');
  await page.waitForSelector('[data-testid=download-damaged]');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), damaged);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-damaged]')]);
  assert.equal(await readFile(await download.path(), 'utf8'), damaged, 'the download holds the whole damaged store');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'then a fresh store may start');
  // With room again, saving works and is kept.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await save(page, 'Kho mới');
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('Kho mới'), KEY);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs: a delete, a rename and saves at the same moment land in both, each scenario by its id', async () => {
  const context = await browser.newContext();
  const a = await tab(context);
  await save(a.page, 'Một');
  await save(a.page, 'Hai');
  await save(a.page, 'Ba');
  const b = await tab(context, '', ['Hai mới']);
  await lists(b.page, ['Một', 'Hai', 'Ba']);
  // A deletes the first; B renames the second: each tab sees the other's change.
  await a.page.click('[data-testid=saved-scenarios] li:has-text("Một") button:has-text("Xóa")');
  await lists(b.page, ['Hai', 'Ba']);
  await b.page.click('[data-testid=saved-scenarios] li:has-text("Hai") button:has-text("Đổi tên")');
  await lists(a.page, ['Hai mới', 'Ba']);
  // At the same moment: A deletes "Ba" while B deletes "Hai mới"; then both save one each.
  await Promise.all([
    a.page.click('[data-testid=saved-scenarios] li:has-text("Ba") button:has-text("Xóa")'),
    b.page.click('[data-testid=saved-scenarios] li:has-text("Hai mới") button:has-text("Xóa")'),
  ]);
  await Promise.all([save(a.page, 'Bốn'), save(b.page, 'Năm')]);
  await lists(a.page, ['Bốn', 'Năm']);
  await lists(b.page, ['Bốn', 'Năm']);
  assert.deepEqual((await stored(a.page)).sort(), ['Bốn', 'Năm']);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

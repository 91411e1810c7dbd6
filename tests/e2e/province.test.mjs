// End-to-end: the province and the nation on the built site, with Đắk Lắk (the data the app opens with)
// and the 34 provinces of the same day. A commune's plan rolls up into the province's total and moves
// its national rank exactly as the engine says; the province's goal seek to Top 3 gives a plan whose
// national rank is 3 or better; the data menu and `#data=` open the other built-in data. Expected
// figures come from the engine through the `chiso` command line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, chiso, vi, root } from './harness.mjs';

const DAK_LAK = path.join(root, 'data/dak-lak-2026-year-20261010.json');
const NATION = path.join(root, 'data/vietnam-34-provinces-2026-year-20261010.json');

let site, origin, browser;
before(async () => {
  site = await startSite();
  ({ origin, browser } = site);
});
after(() => site?.stop());

const open = (hash = '') => site.open(hash, { waitFor: '[data-testid=province-bar] [data-testid=province-total]' });

const text = (page, testid) => page.textContent(`[data-testid=${testid}]`);

test('Đắk Lắk opens by default; a commune plan moves the province total and national rank as the engine does', async () => {
  const { context, page, errors } = await open();
  assert.equal(await text(page, 'snapshot-title'), 'UBND tỉnh Đắk Lắk — Năm 2026');
  await page.waitForFunction(() => location.hash === '#data=dak-lak-2026-year-20261010');
  assert.equal(await text(page, 'province-total'), '65,49');
  assert.equal(await text(page, 'national-rank'), '7');
  // The lowest commune, Ea Ktur, planned to 80 points and applied.
  const want = chiso('plan', DAK_LAK, '--unit', 'H15.120', '--total', '80', '--nation', NATION);
  assert.ok(want.province.total > want.province.baseline_total);
  await page.click('[role=row][data-unit="H15.120"]');
  await page.click('[data-testid=tab-goal]');
  await page.fill('[data-testid=target-total]', '80');
  await page.click('[data-testid=goal-seek]');
  await page.click('[data-testid=apply-plan]');
  await page.waitForFunction((t) => document.querySelector('[data-testid=province-total]').textContent === t, vi(want.province.total));
  assert.equal(await text(page, 'national-rank'), String(want.province.national_rank.after));
  // In view whichever unit is selected: still the commune's panel, and the bar shows the province.
  assert.equal(await page.getAttribute('[data-testid=unit-detail]', 'data-unit'), 'H15.120');
  assert.equal(await text(page, 'unit-total'), vi(want.total));

  // A count typed as a rate in a metric's box rolls up too: online payments of the commune to 100%.
  const k = 'ONLINE_PAYMENT_DOSSIER';
  const row = page.locator(`[data-metric-row=${k}]`);
  await page.click('[data-testid=tab-what-if]');
  await row.locator('input.exact').fill('100%');
  await row.locator('input.exact').press('Enter');
  // The engine's figure for the same scenario: the plan's counts, and the payments at their denominator.
  const set = want.steps.map((s) => `${s.metric}=${s.to}`);
  await page.waitForFunction((k) => document.querySelector(`[data-metric-row=${k}] input.exact`).value !== '', k);
  const paid = Number((await row.locator('input.exact').inputValue()).replace(/\./g, ''));
  const engine = chiso('scenario', DAK_LAK, '--unit', 'H15.120', '--set', [...set.filter((s) => !s.startsWith(`${k}=`)), `${k}=${paid}`].join(','), '--nation', NATION);
  await page.waitForFunction((t) => document.querySelector('[data-testid=province-total]').textContent === t, vi(engine.province.total));
  assert.equal(await text(page, 'national-rank'), String(engine.province.national_rank.after));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the province goal seek to Top 3: a plan per unit whose applied national rank is 3 or better', async () => {
  const { context, page, errors } = await open();
  const want = chiso('province', DAK_LAK, '--rank', '3', '--nation', NATION);
  await page.click('[data-testid=open-province]');
  await page.waitForSelector('[data-testid=province-panel]');
  // Where it stands: the gaps to the usual targets, and the list's row agrees with the province's data.
  assert.match(await text(page, 'nation-gaps'), /Top 3: cần 67,18 điểm — còn thiếu 1,69 điểm/);
  assert.match(await text(page, 'nation-agreement'), /khớp số liệu của tỉnh \(mã H15\)/);
  await page.fill('[data-testid=target-national-rank]', '3');
  await page.click('[data-testid=goal-seek-province]');
  await page.waitForSelector('[data-plan-unit]');
  const units = await page.locator('[data-plan-unit]').evaluateAll((els) => els.map((e) => e.dataset.planUnit));
  assert.deepEqual(units, want.parts.map((p) => p.unit));
  assert.match(await text(page, 'province-plan-sum'), new RegExp(`điểm tỉnh 65,49 → ${vi(want.province.total)}, hạng cả nước ${want.province.national_rank.after}/34`));
  // The plan as a table per unit, for the offices.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-province-plan]')]);
  const csv = await (await download.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8'));
  for (const p of want.parts) assert.ok(csv.includes(`${p.unit};`), `${p.unit} in the CSV`);
  await page.click('[data-testid=apply-province-plan]');
  await page.waitForFunction((t) => document.querySelector('[data-testid=province-total]').textContent === t, vi(want.province.total));
  const rank = Number(await text(page, 'national-rank'));
  assert.ok(rank <= 3, `national rank ${rank}`);
  assert.equal(rank, want.province.national_rank.after);
  // Who drags the province down, under the plan: per unit, most first.
  await page.click('[data-testid=tab-drag]');
  const first = page.locator('[data-testid=drag-by-unit] [data-drag-unit]').first();
  assert.match(await first.textContent(), /\d,\d\d$/);
  assert.ok(await page.locator('[data-drag-metric=DOSSIER_ON_TIME] [data-drag-unit]').count() > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the data menu and #data= open the other built-in data; an unknown id is said, not obeyed', async () => {
  const { context, page, errors } = await open();
  await page.selectOption('[data-testid=data-choice]', 'vietnam-34-provinces-2026-year-20261010');
  await page.waitForFunction(() => document.querySelector('[data-testid=snapshot-title]')?.textContent.startsWith('34 tỉnh'));
  assert.equal(await page.locator('[data-testid=province-bar]').count(), 0, 'a list of provinces has no one province');
  const h15 = page.locator('[role=row][data-unit=H15]');
  assert.equal(await h15.locator('.total').textContent(), '65,49');
  assert.match(await h15.locator('.rank').textContent(), /^7/);
  await page.goto(`${origin}/#data=phu-tho-2026-q3&unit=H44.166`);
  await page.waitForSelector('[data-testid=unit-detail][data-unit="H44.166"]');
  assert.equal(await text(page, 'snapshot-title'), 'UBND tỉnh Phú Thọ — Quý 3/2026');
  assert.equal(await text(page, 'province-total'), '61,39');
  assert.equal(await page.locator('[data-testid=national-rank]').count(), 0, 'no national list of Q3');
  // A link to data the site does not have: said; what is open stays open.
  await page.goto(`${origin}/#data=hanoi-2030&unit=H44.07`);
  await page.waitForSelector('[data-testid=notice]');
  assert.match(await text(page, 'notice'), /bộ dữ liệu mà trang không có/);
  assert.equal(await page.textContent('[data-testid=notice] q.quoted'), 'hanoi-2030');
  assert.equal(await text(page, 'snapshot-title'), 'UBND tỉnh Phú Thọ — Quý 3/2026');
  assert.deepEqual(errors, []);
  await context.close();
  // Opened fresh with such a link, the app opens its default data, and says why.
  const fresh = await open('#data=hanoi-2030');
  await fresh.page.waitForSelector('[data-testid=notice]');
  assert.equal(await text(fresh.page, 'snapshot-title'), 'UBND tỉnh Đắk Lắk — Năm 2026');
  assert.equal(await fresh.page.textContent('[data-testid=notice] q.quoted'), 'hanoi-2030');
  await fresh.context.close();
});

test('a HAR saved from the portal\'s page opens as the six CSV files do, with its period', async () => {
  const { readFile } = await import('node:fs/promises');
  const dir = path.join(root, 'data/portal-responses-phu-tho-2026-q3');
  const endpoints = ['transparency', 'dvc-progress-tree', 'provide-online-tree', 'formality-online-payment-tree', 'dossier-digitized', 'handling-satisfaction'];
  const entries = [{ startedDateTime: '2026-09-26T11:19:58.000Z', request: { method: 'GET', url: 'https://dichvucong.gov.vn/p/home/dvc-chi-so.html' }, response: { content: { mimeType: 'text/html', text: '<html></html>' } } }];
  for (const e of endpoints) {
    const payload = { rootDepartmentId: '019d2be3-6a88-732b-8b17-b68020c8553a', timeType: 'quarter', year: 2026, quarter: 3, currentPage: 1, pageSize: 200 };
    entries.push({
      startedDateTime: '2026-09-26T11:20:31.000Z',
      request: { method: 'POST', url: `https://dichvucong.gov.vn/api/v1/reporting/evaluation/${e}`, postData: { mimeType: 'application/json', text: JSON.stringify(payload) } },
      response: { status: 201, content: { mimeType: 'application/json', text: await readFile(path.join(dir, `${e}.json`), 'utf8') } },
    });
  }
  const har = Buffer.from(JSON.stringify({ log: { version: '1.2', entries } }));
  const { context, page, errors } = await open();
  assert.ok(await page.locator('[data-testid=portal-howto] li').count() >= 5, 'the steps to save a HAR are on the page');
  await page.setInputFiles('[data-testid=import-file]', { name: 'dichvucong.gov.vn.har', mimeType: 'application/json', buffer: har });
  await page.waitForSelector('.import-status.ok');
  assert.equal(await text(page, 'snapshot-title'), 'UBND tỉnh Phú Thọ — Quý 3/2026');
  assert.equal(await text(page, 'province-total'), '61,39');
  assert.equal(await page.textContent('[role=row][data-unit] .total'), '68,45');
  assert.match(await page.locator('[data-testid=data-choice] option:checked').textContent(), /Tệp đã mở: UBND tỉnh Phú Thọ/);
  assert.deepEqual(errors, []);
  await context.close();
});

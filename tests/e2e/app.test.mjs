// End-to-end: the release site in dist/ (built by `make build`), served on 127.0.0.1, opened in headless
// Chromium. Expected figures come from the engine through the `chiso` command line, not from the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, chiso, vi, slide, root, SNAPSHOT, pt } from './harness.mjs';

let site, origin, browser;

before(async () => {
  site = await startSite();
  ({ origin, browser } = site);
});

after(() => site?.stop());

async function open(hash = '') {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/${pt(hash)}`);
  await page.waitForSelector('[role=row][data-unit]');
  return { page, requests, errors };
}

test('first screen: the communes of Phú Thọ ranked with the portal\'s figures', async () => {
  const scores = chiso('score', SNAPSHOT, '--format', 'json');
  const communes = scores.units.filter((u) => u.level === 'commune');
  const top = communes.find((u) => u.rank === 1);
  const { page, requests, errors } = await open();
  assert.equal(await page.textContent('[data-testid=snapshot-title]'), 'UBND tỉnh Phú Thọ — Quý 3/2026');
  const rows = page.locator('[role=row][data-unit]');
  assert.equal(await rows.count(), communes.length);
  assert.equal(await rows.first().getAttribute('data-unit'), top.unit_code);
  assert.equal(await rows.first().locator('.name').textContent(), top.unit_name);
  assert.equal(await rows.first().locator('.total').textContent(), vi(top.total));
  assert.equal(vi(top.total), '68,45');
  // Nothing but the app's own files was requested.
  assert.ok(requests.length > 0);
  for (const url of requests) assert.ok(url.startsWith(origin), `request outside the app: ${url}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link to the province shows its breakdown: 61,39', async () => {
  const scores = chiso('score', SNAPSHOT, '--format', 'json');
  const province = scores.units.find((u) => u.unit_code === 'H44');
  const { page } = await open('#unit=H44');
  assert.equal(await page.textContent('[data-testid=unit-total]'), vi(province.total));
  assert.equal(vi(province.total), '61,39');
  for (const [group, points] of Object.entries(province.groups)) {
    assert.equal(await page.textContent(`[data-testid=group-${group}]`), vi(points), group);
  }
  // Clicking a commune moves the link with it.
  await page.click('button[role=tab]:has-text("Xã, phường")');
  await page.click('[role=row][data-unit="H44.166"]');
  const tamSon = scores.units.find((u) => u.unit_code === 'H44.166');
  assert.equal(await page.textContent('[data-testid=unit-total]'), vi(tamSon.total));
  assert.equal(await page.textContent('[data-testid=unit-rank]'), String(tamSon.rank));
  await page.waitForFunction(() => location.hash === '#data=phu-tho-2026-q3&unit=H44.166');
  await page.close();
});

test('what-if: online payment and digitization sliders move the total, the gain and the rank', async () => {
  const { page, errors } = await open('#unit=H44.166');
  await slide(page, 'input[data-lever=TTTT]', 100);
  await slide(page, 'input[data-lever=MDSH]', 80);
  let want = chiso('scenario', SNAPSHOT, '--unit', 'H44.166', '--lift', 'TTTT=100,MDSH=80');
  const shown = async () => Object.fromEntries(await Promise.all(
    ['baseline-total', 'scenario-total', 'gain', 'baseline-rank', 'scenario-rank']
      .map(async (id) => [id, await page.textContent(`[data-testid=${id}]`)])));
  const expected = (w) => ({
    'baseline-total': vi(w.baseline_total), 'scenario-total': vi(w.scenario_total),
    gain: `+${vi(w.scenario_total - w.baseline_total)}`,
    'baseline-rank': String(w.baseline_rank), 'scenario-rank': String(w.scenario_rank),
  });
  assert.deepEqual(await shown(), expected(want));
  assert.equal(want.baseline_rank, 148);
  assert.ok(want.scenario_rank < 148);
  // Then one metric slider: every fee-bearing dossier paid online, on top of the group levers.
  const den = Number(await page.getAttribute('input[data-metric=ONLINE_PAYMENT_DOSSIER]', 'max'));
  await slide(page, 'input[data-metric=ONLINE_PAYMENT_DOSSIER]', Math.floor(den / 2));
  const overrides = Object.entries(want.overrides)
    .filter(([k]) => k !== 'ONLINE_PAYMENT_DOSSIER').map(([k, v]) => `${k}=${v}`);
  overrides.push(`ONLINE_PAYMENT_DOSSIER=${Math.floor(den / 2)}`);
  want = chiso('scenario', SNAPSHOT, '--unit', 'H44.166', '--set', overrides.join(','));
  const after = await shown();
  assert.equal(after['scenario-total'], vi(want.scenario_total));
  assert.equal(after['scenario-rank'], String(want.scenario_rank));
  // The ranking row shows the scenario too.
  assert.equal(await page.textContent('[role=row][data-unit="H44.166"] .total'), vi(want.scenario_total));
  assert.deepEqual(errors, []);
  await page.screenshot({ path: path.join(root, 'target/e2e-what-if.png') });
  await page.close();
});

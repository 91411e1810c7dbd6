// End-to-end: planning toward a target on the built site — points lost cheapest first, goal seek to a
// total and to a rank, an unreachable target, assigned targets. Expected figures come from the engine
// through the `chiso` command line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, chiso, vi, root, SNAPSHOT, pt } from './harness.mjs';

let site, origin, browser;
before(async () => {
  site = await startSite();
  ({ origin, browser } = site);
});
after(() => site?.stop());

/** The weakest commune of the snapshot, by the engine's scores. */
function weakest() {
  const scores = chiso('score', SNAPSHOT, '--format', 'json');
  return scores.units.filter((u) => u.level === 'commune').sort((a, b) => a.total - b.total)[0];
}

async function open(hash) {
  const context = await browser.newContext();
  const page = await context.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/${pt(hash)}`);
  await page.waitForSelector('[data-testid=unit-detail]');
  return { context, page, errors };
}

test('points lost, cheapest first, every group visible; a click puts a line into the scenario', async () => {
  const w = weakest();
  const { context, page, errors } = await open(`#unit=${w.unit_code}`);
  await page.click('[data-testid=tab-lost]');
  const rows = page.locator('[data-testid=points-lost] [data-lost-metric]');
  const codes = await rows.evaluateAll((els) => els.map((e) => e.dataset.lostMetric));
  // Every scored metric with counts of the unit's groups (CLGQ is a given score for communes).
  for (const code of ['PUBLISH_ON_TIME', 'DOSSIER_SYNC', 'DOSSIER_ON_TIME', 'ONLINE_PAYMENT_DOSSIER', 'ORIGINAL_RESULT_AVAILABLE', 'PETITION_PROCESSING_ON_TIME']) {
    assert.ok(codes.includes(code), `${code} in ${codes}`);
  }
  // The province's own metrics are listed apart, as not in the commune's hands.
  assert.match(await page.textContent('[data-lost-metric=PUBLISH_ON_TIME]'), /tính ở cấp tỉnh \(H44\)/);
  // The cheapest line goes into the scenario: the total moves by the line's points.
  const first = page.locator('[data-testid=points-lost] tbody:first-of-type tr').first();
  await first.locator('[data-testid=lost-add]').click();
  const after = await page.textContent('[data-testid=scenario-total]');
  assert.notEqual(after, vi(w.total));
  assert.deepEqual(errors, []);
  await context.close();
});

test('goal seek: the weakest commune to 60 points, applied, shown in the ranking', async () => {
  const w = weakest();
  const want = chiso('plan', SNAPSHOT, '--unit', w.unit_code, '--total', '60');
  const { context, page, errors } = await open(`#unit=${w.unit_code}`);
  await page.click('[data-testid=tab-goal]');
  await page.fill('[data-testid=target-total]', '60');
  await page.click('[data-testid=goal-seek]');
  await page.waitForSelector('[data-testid=plan] [data-plan-metric]');
  const steps = await page.locator('[data-plan-metric]').evaluateAll((els) =>
    els.map((e) => ({ metric: e.dataset.planMetric, from: Number(e.dataset.from), to: Number(e.dataset.to) })));
  assert.deepEqual(steps, want.steps.map(({ metric, from, to }) => ({ metric, from, to })));
  await page.click('[data-testid=apply-plan]');
  const total = await page.textContent('[data-testid=scenario-total]');
  assert.equal(total, vi(want.total));
  assert.ok(want.total >= 60, `${want.total}`);
  assert.equal(await page.textContent(`[role=row][data-unit="${w.unit_code}"] .total`), vi(want.total));
  // The plan is now the working scenario, still editable: its levers show the planned counts.
  await page.click('[data-testid=tab-what-if]');
  for (const st of want.steps) {
    const slider = page.locator(`input[type=range][data-metric=${st.metric}]`);
    if (await slider.count()) assert.equal(Number(await slider.inputValue()), st.to, st.metric);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a rank target of 50 gives a scenario rank of 50 or better; 101 points is refused as unreachable', async () => {
  const w = weakest();
  const want = chiso('plan', SNAPSHOT, '--unit', w.unit_code, '--rank', '50');
  const { context, page } = await open(`#unit=${w.unit_code}`);
  await page.click('[data-testid=tab-goal]');
  await page.fill('[data-testid=target-rank]', '50');
  await page.click('[data-testid=goal-seek]');
  await page.click('[data-testid=apply-plan]');
  const rank = Number(await page.textContent('[data-testid=scenario-rank]'));
  assert.ok(rank <= 50, `rank ${rank}`);
  assert.equal(rank, want.rank);
  // 101 points cannot be reached: said, with the best reachable total and rank.
  await page.click('[data-testid=tab-goal]');
  await page.fill('[data-testid=target-rank]', '');
  await page.fill('[data-testid=target-total]', '101');
  await page.click('[data-testid=goal-seek]');
  const why = await page.textContent('[data-testid=plan-unreachable]');
  assert.match(why, /Không đạt được 101,00 điểm/);
  assert.match(why, /tối đa \d+,\d\d điểm, hạng \d+\/148/);
  await context.close();
});

test('the preset target set applied to one unit shows the engine\'s total; applied to all, who reaches 94', async () => {
  const w = weakest();
  const want = chiso('targets', SNAPSHOT, '--unit', w.unit_code).units[0];
  const { context, page } = await open(`#unit=${w.unit_code}`);
  await page.click('[data-testid=tab-goal]');
  await page.selectOption('[data-testid=target-set]', '0');
  await page.click('[data-testid=apply-targets]');
  assert.equal(await page.textContent('[data-testid=scenario-total]'), vi(want.total));
  const lines = await page.textContent('[data-testid=target-lines]');
  assert.match(lines, /Hồ sơ có kết quả điện tử: [\d,]+% → 100,00%/);
  // Online filing is scored by the portal as a group score for communes: not applicable, and said so.
  assert.match(lines, /Hồ sơ nộp trực tuyến: không áp dụng \(điểm do Cổng công bố\)/);
  // Every commune at once: projected totals and ranks, and how many reach the score asked.
  const all = chiso('targets', SNAPSHOT, '--unit', w.unit_code, '--all', 'yes').units;
  await page.click('[data-testid=apply-targets-all]');
  await page.waitForSelector('[data-testid=target-report]');
  const shown = await page.locator('[data-testid=target-report] tr[data-unit]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.unit, e.querySelector('[data-testid=target-total-after]').textContent])));
  assert.equal(Object.keys(shown).length, all.length);
  for (const u of all) assert.equal(shown[u.unit], vi(u.total), u.unit);
  const reach = all.filter((u) => u.total >= 94).length;
  assert.match(await page.textContent('[data-testid=target-report] p'), new RegExp(`: ${reach} đơn vị đạt 94,00 điểm`));
  await context.close();
});

test('a plan to the end of the period moves only the dossiers still to come, and opens the data at that date', async () => {
  const w = weakest();
  const want = chiso('plan', SNAPSHOT, '--unit', w.unit_code, '--total', '55', '--until', '2026-09-30');
  const { context, page, errors } = await open(`#unit=${w.unit_code}`);
  await page.click('[data-testid=tab-goal]');
  await page.selectOption('select[data-testid=horizon]', '2026-09-30');
  assert.match(await page.textContent('[data-testid=horizon] .note'), /Dự báo đến 30\/9\/2026 theo nhịp độ từ 1\/7\/2026 đến 26\/9\/2026: 88 ngày đã qua, 4 ngày còn lại/);
  await page.fill('[data-testid=target-total]', '55');
  await page.click('[data-testid=goal-seek]');
  await page.waitForSelector('[data-testid=plan] [data-plan-metric]');
  const steps = await page.locator('[data-plan-metric]').evaluateAll((els) =>
    els.map((e) => ({ metric: e.dataset.planMetric, from: Number(e.dataset.from), to: Number(e.dataset.to) })));
  assert.deepEqual(steps, want.steps.map(({ metric, from, to }) => ({ metric, from, to })));
  // What the new ones must reach, in words.
  assert.match(await page.locator('[data-testid=new-rate]').first().textContent(), /^từ nay đến 30\/9\/2026: [\d,]+% .* mới$/);
  await page.click('[data-testid=apply-plan]');
  await page.waitForFunction(() => document.querySelector('[data-testid=snapshot-title]').textContent.includes('dự báo đến 30/9/2026'));
  assert.equal(await page.textContent('[data-testid=scenario-total]'), vi(want.total));
  assert.equal(await page.textContent('[data-testid=baseline-total]'), vi(want.baseline_total));
  assert.deepEqual(errors, []);
  await context.close();
});

// End-to-end: what is shown to leadership, on the built site with Đắk Lắk (the default data). The A4
// report prints to PDF in headless Chromium (pages counted in the PDF, its text read from the print
// layout, no form control on paper, a ranking report with every row); the presentation's slides move
// with the keys and leave with Esc, at 1920×1080 with body text of 24 px or more; charts are SVG with a
// title and a text alternative, saved as SVG and PNG; English is a toggle kept across reloads, with
// numbers written the English way. Expected figures come from the engine through `chiso`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, chiso, vi, root } from './harness.mjs';

const DAK_LAK = path.join(root, 'data/dak-lak-2026-year-20261010.json');

let site;
before(async () => {
  site = await startSite();
});
after(() => site?.stop());

const open = (hash = '', viewport = undefined) => site.open(hash, { viewport });

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`). */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;

test('a commune’s A4 report prints to PDF: title, standing, plan in counts, result, signatures, no controls', async () => {
  const { context, page, errors } = await open('#data=dak-lak-2026-year-20261010&unit=H15.120');
  const want = chiso('plan', DAK_LAK, '--unit', 'H15.120', '--total', '80');
  await page.click('[data-testid=tab-goal]');
  await page.fill('[data-testid=target-total]', '80');
  await page.click('[data-testid=goal-seek]');
  await page.click('[data-testid=apply-plan]');
  await page.waitForFunction((t) => document.querySelector('[data-testid=scenario-total]')?.textContent === t, vi(want.total));
  await page.click('[data-testid=report]');
  await page.waitForSelector('[data-testid=report-view]');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    return {
      text: document.querySelector('.report-page').innerText,
      controls: [...document.querySelectorAll('button, input, select, textarea, a[href]')].filter(visible).length,
      plan: [...document.querySelectorAll('[data-testid=report-plan] tbody tr')].length,
    };
  });
  assert.equal(printed.controls, 0, 'no button, field or link on paper');
  for (const words of ['BÁO CÁO CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP', 'Kỳ đánh giá', 'Năm 2026', 'Ngày lấy số liệu', '10/10/2026',
    'Ngày lập báo cáo', '1. Hiện trạng', '2. Điểm bị mất', '3. Kế hoạch', '4. Kết quả dự kiến', 'Người lập biểu', 'Thủ trưởng đơn vị',
    'Cổng Dịch vụ công quốc gia']) {
    assert.ok(printed.text.includes(words), `the report says «${words}»`);
  }
  assert.ok(printed.text.includes(vi(want.baseline_total)) && printed.text.includes(vi(want.total)), 'before and after as the engine says');
  assert.equal(printed.plan, want.steps.length, 'one line of the plan per metric the engine moves');
  for (const s of want.steps) {
    assert.ok(printed.text.includes(`+${(s.to - s.from).toLocaleString('de-DE')}`), `the plan says +${s.to - s.from}`);
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdfPages(pdf);
  assert.ok(pages >= 1 && pages <= 4, `a commune's report is a few pages, not ${pages}`);
  // Charts: SVG with a title and a text alternative; saved as SVG and PNG.
  await page.emulateMedia({ media: 'screen' });
  const charts = await page.$$eval('[data-testid=chart] svg', (all) => all.map((s) => ({
    role: s.getAttribute('role'), title: s.querySelector('title')?.textContent, desc: s.querySelector('desc')?.textContent,
  })));
  assert.ok(charts.length >= 3);
  for (const c of charts) assert.ok(c.role === 'img' && c.title && c.desc, JSON.stringify(c));
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=chart] >> nth=0 >> [data-testid=save-svg]')]);
  const svgText = fs.readFileSync(await svg.path(), 'utf8');
  assert.ok(svgText.startsWith('<svg ') && svgText.includes('</svg>') && svg.suggestedFilename().endsWith('.svg'));
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=chart] >> nth=0 >> [data-testid=save-png]')]);
  const pngBytes = fs.readFileSync(await png.path());
  assert.deepEqual([...pngBytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
  assert.ok(png.suggestedFilename().endsWith('.png'));
  // Esc closes the report.
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=report-view]', { state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a ranking report prints every row of the peer group, rows never cut, headers repeated', async () => {
  const { context, page, errors } = await open();
  const rows = chiso('score', DAK_LAK, '--format', 'json');
  await page.click('[data-testid=report]');
  await page.waitForSelector('[data-testid=report-ranking]');
  const units = await page.$$eval('[data-testid=report-ranking] tbody tr', (all) => all.map((r) => r.dataset.unit));
  const communes = rows.units.filter((u) => u.level === 'commune');
  assert.equal(units.length, communes.length, 'every commune');
  assert.deepEqual(new Set(units), new Set(communes.map((u) => u.unit_code)));
  // Best first, as the engine ranks them.
  const ranks = Object.fromEntries(communes.map((u) => [u.unit_code, u.rank]));
  assert.ok(units.every((u, i) => i === 0 || ranks[units[i - 1]] <= ranks[u]), 'in the engine\'s rank order');
  assert.equal(ranks[units[0]], 1);
  await page.emulateMedia({ media: 'print' });
  const css = await page.evaluate(() => {
    const tr = document.querySelector('[data-testid=report-ranking] tbody tr');
    const thead = document.querySelector('[data-testid=report-ranking] thead');
    return { row: getComputedStyle(tr).breakInside, head: getComputedStyle(thead).display };
  });
  assert.equal(css.row, 'avoid');
  assert.equal(css.head, 'table-header-group');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdfPages(pdf) >= 3, `${communes.length} rows take several pages`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('presentation: slides move with arrows and space, leave with Esc; large type at 1920×1080', async () => {
  const { context, page, errors } = await open('#data=dak-lak-2026-year-20261010&unit=H15.120', { width: 1920, height: 1080 });
  await page.click('[data-testid=present]');
  await page.waitForSelector('[data-testid=presentation] [data-slide="0"]');
  // Every text on every slide (SVG charts aside: they scale with the screen) is 24 px or more.
  const sizes = () => page.evaluate(() => {
    const slide = document.querySelector('[data-slide]');
    const px = (e) => parseFloat(getComputedStyle(e).fontSize);
    const texts = [...slide.querySelectorAll('*')].filter((e) => !e.closest('svg') && !e.closest('.visually-hidden')
      && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
    const value = slide.querySelector('.slide-kpi-value');
    return { smallest: Math.min(...texts.map(px)), value: value ? px(value) : null, text: slide.innerText };
  });
  const first = await sizes();
  assert.ok(first.value >= 72, `key figures ${first.value}px`);
  assert.ok(first.text.includes('UBND xã Ea Ktur') && first.text.includes('102/102'), first.text);
  for (const [i, key] of [[1, 'ArrowRight'], [2, ' '], [3, 'ArrowRight']]) {
    const s = await sizes();
    assert.ok(s.smallest >= 24, `slide ${i - 1}: smallest text ${s.smallest}px`);
    assert.equal(await page.locator('[data-slide] :is(input, select, textarea)').count(), 0, 'no controls on a slide');
    await page.keyboard.press(key);
    await page.waitForSelector(`[data-slide="${i}"]`);
  }
  assert.ok((await sizes()).smallest >= 24);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('[data-slide]', 'data-slide'), '3', 'the last slide stays');
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('[data-slide="2"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=presentation]', { state: 'detached' });
  assert.equal(await page.getAttribute('[data-testid=unit-detail]', 'data-unit'), 'H15.120', 'back where we were');
  assert.deepEqual(errors, []);
  await context.close();
});

test('English: every label switches, numbers the English way, the choice kept across a reload', async () => {
  const { context, page, errors } = await open('#data=dak-lak-2026-year-20261010&unit=H15.120');
  const total = await page.textContent('[data-testid=unit-total]');
  assert.match(total, /^\d+,\d\d$/);
  await page.click('[data-testid=lang]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('[data-testid=unit-total]'), total.replace(',', '.'));
  const body = await page.textContent('body');
  for (const vn of ['Hạng', 'Tổng', 'Nhóm xếp hạng', 'Kịch bản', 'Điểm bị mất']) {
    assert.ok(!body.includes(vn), `no «${vn}» left in English`);
  }
  assert.ok(body.includes('Online payment') && body.includes('Report') && body.includes('Present'));
  await page.reload();
  await page.waitForSelector('[data-testid=unit-total]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.textContent('[data-testid=lang]'), 'Tiếng Việt');
  await page.click('[data-testid=report]');
  const report = await page.textContent('.report-page');
  assert.ok(report.includes('Prepared by') && report.includes('Head of unit') && report.includes('1. Where we stand'));
  await page.keyboard.press('Escape');
  await page.click('[data-testid=lang]');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 1366×768 a unit opened from a link is in view, its row and its panel', async () => {
  const { context, page, errors } = await open('#data=dak-lak-2026-year-20261010&unit=H15.120', { width: 1366, height: 768 });
  await page.waitForSelector('[data-testid=unit-detail]');
  await page.waitForFunction(() => {
    const row = document.querySelector('[role=row].selected, [role=row][aria-selected=true]');
    if (!row) return false;
    const r = row.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: 5000 });
  const panel = await page.evaluate(() => document.querySelector('[data-testid=unit-detail]').getBoundingClientRect().top);
  assert.ok(panel >= 0 && panel < 768 / 2, `the panel starts at ${panel}px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two periods side by side: Phú Thọ Q3 against August, rank changes as the engine ranks both, in the report too', async () => {
  const Q3 = path.join(root, 'data/phu-tho-2026-q3.json');
  const AUG = path.join(root, 'data/phu-tho-2026-08.json');
  const [now, then] = [chiso('score', Q3, '--format', 'json'), chiso('score', AUG, '--format', 'json')];
  const before = Object.fromEntries(then.units.map((u) => [u.unit_code, u]));
  const { context, page, errors } = await open('#data=phu-tho-2026-q3');
  await page.setInputFiles('input[type=file][data-testid=import-compare]', AUG);
  await page.waitForSelector('[data-testid=compare-summary]');
  const communes = now.units.filter((u) => u.level === 'commune');
  // The first rows on screen, each against the engine's two rankings.
  const shown = await page.$$eval('[role=row][data-unit]', (rows) => rows.slice(0, 25).map((r) => [r.dataset.unit,
    r.querySelector('[data-testid=rank-delta]')?.textContent]));
  assert.ok(shown.length >= 20);
  let moved = 0;
  for (const [code, mark] of shown) {
    const u = communes.find((c) => c.unit_code === code);
    const d = before[code].rank - u.rank;
    moved += d !== 0;
    assert.equal(mark, d > 0 ? `▲${d}` : d < 0 ? `▼${-d}` : '=', code);
  }
  assert.ok(moved > 0, 'some communes moved between August and Q3');
  // The report says what it is compared with, and each row's change.
  await page.click('[data-testid=report]');
  const report = await page.textContent('.report-page');
  assert.ok(report.includes('So sánh với') && report.includes('Tháng 8/2026'), 'the report says «so với Tháng 8/2026»');
  assert.ok(report.includes('Thay đổi so với Tháng 8/2026'));
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await context.close();
});

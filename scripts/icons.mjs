// Usage: node scripts/icons.mjs (from the repository root, after make setup-browser).
// Renders static/icon.svg to the PNG icons of the web app manifest (run once; the PNGs are committed).
import { launch } from '../tests/e2e/harness.mjs';
import { readFileSync } from 'node:fs';
const svg = readFileSync('static/icon.svg', 'utf8');
const browser = await launch();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `static/icon-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();

// Shared set-up for the end-to-end tests: dist/ served on 127.0.0.1 by a tiny static server, headless
// Debian Chromium driven by playwright-core (nothing downloaded), and the engine's answers through the
// `chiso` command line (target/debug/chiso).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(root, '.tools/package.json'));
const { chromium } = require('playwright-core');

const DIST = path.join(root, 'dist');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json' };

/** Serves dist/ at `/`; `overrides` maps a URL path to a file served in its place. */
export async function serve(overrides = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = overrides[url.pathname];
    if (!file) {
      const rel = url.pathname.replace(/^\/bench\//, '/');
      file = path.join(DIST, rel === '/' ? 'index.html' : path.normalize(rel));
      if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Runs the command-line tool and returns its stdout (parsed when JSON). */
export function chiso(...args) {
  const out = execFileSync(path.join(root, 'target/debug/chiso'), args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.trimStart().startsWith('{') ? JSON.parse(out) : out;
}

export const SNAPSHOT = path.join(root, 'data/phu-tho-2026-q3.json');

/**
 * The address of Phú Thọ Q3/2026 (the data most tests are written against: the app opens Đắk Lắk by
 * default) with the rest of a hash: `pt('#unit=H44')` → `#data=phu-tho-2026-q3&unit=H44`.
 */
export const pt = (hash = '') => `#data=phu-tho-2026-q3${hash.replace(/^#/, '&').replace(/^&$/, '')}`;

/** Points the Vietnamese way: 61.39 → "61,39". */
export const vi = (points) => points.toFixed(2).replace('.', ',');

/** Sets a range input's value as a user's drag does (an `input` event). */
export async function slide(page, selector, value) {
  await page.$eval(selector, (el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/**
 * Waits until what the page shows is in the address and kept in the browser: the address equals the
 * share link the page offers, and the working scenario kept in localStorage is that link's scenario.
 */
export async function settled(page) {
  await page.waitForFunction(() => {
    const link = document.querySelector('[data-testid=share-link]')?.dataset.hash ?? '';
    if (location.hash !== link) return false;
    const s = new URLSearchParams(link.slice(1)).get('s') ?? '';
    const store = JSON.parse(localStorage.getItem('chiso.scenarios.v1') ?? '{"data":{}}');
    return Object.values(store.data).some((d) => d.working === s) || (s === '' && Object.keys(store.data).length === 0);
  });
}

/** The site served and a browser launched, for a test file's `before`; `stop()` for its `after`. */
export async function startSite(overrides = {}, extraArgs = []) {
  const { server, origin } = await serve(overrides);
  const browser = await launch(extraArgs);
  return {
    origin,
    browser,
    /** A page of its own (fresh context: no storage shared with another test) at `hash`, once
     * `waitFor` is there; the page's uncaught errors are collected in `errors`. */
    open: async (hash = '', { viewport = { width: 1400, height: 900 }, waitFor = '[role=row][data-unit]' } = {}) => {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${origin}/${hash}`);
      await page.waitForSelector(waitFor);
      return { context, page, errors };
    },
    stop: async () => {
      await browser.close();
      server.close();
    },
  };
}

// Trunk's post-build hook (Trunk.toml): finishes the site in trunk's staging folder.
// - The Content-Security-Policy allows the one inline script trunk writes (its loader) by its hash, so
//   that script-src needs no 'unsafe-inline'.
// - The service worker (static/sw.js) gets the list of the site's files and a version made of their
//   contents: a new build is a new version, which browsers install and the page announces.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) throw new Error('post-build.mjs runs as trunk hook (TRUNK_STAGING_DIR is not set)');

const htmlPath = path.join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
const before = html;
html = html.replace(/(script-src 'self')/, `$1 ${hashes.join(' ')}`);
if (html === before || /script-src[^;]*'unsafe-inline'/.test(html)) {
  throw new Error("post-build.mjs: index.html's Content-Security-Policy must have script-src 'self' and no 'unsafe-inline'");
}
writeFileSync(htmlPath, html);

// The built-in data files (*.json) are fetched only when chosen: the one the page preloads (the default)
// is kept at install, the others once they are first opened.
const all = readdirSync(staging).filter((f) => f !== 'sw.js').sort();
const preloaded = [...html.matchAll(/<link rel="preload" href="([^"]+)"/g)].map((m) => m[1]);
const lazy = all.filter((f) => f.endsWith('.json') && !preloaded.includes(f));
const files = all.filter((f) => !lazy.includes(f));
const version = createHash('sha256');
for (const f of all) version.update(f).update(readFileSync(path.join(staging, f)));
const sw = readFileSync(path.join(source, 'static/sw.js'), 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(['./', ...files]))
  .replace('__ON_USE__', JSON.stringify(lazy));
writeFileSync(path.join(staging, 'sw.js'), sw);
console.log(`post-build: ${hashes.length} inline script(s) allowed by hash; service worker keeps ${files.length + 1} files, and ${lazy.length} data file(s) once opened`);

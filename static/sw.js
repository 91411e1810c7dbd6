// chiso's service worker: after one visit the app opens and works with no network. It keeps the site's
// own files (their list and the version are written in at build time by scripts/post-build.mjs) and
// serves them from its cache; a new version installs in the background, and the page tells the user,
// who reloads when ready. Nothing but the site's own files is ever fetched or kept.
const VERSION = '__VERSION__';
const FILES = __FILES__;
// Data files kept once the user first opens them (not fetched before: each is loaded only when chosen).
const ON_USE = __ON_USE__;
const CACHE = `chiso-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('chiso-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The page asks for the new version once the user has said so.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = (await cache.match(request, { ignoreSearch: true }))
      ?? (request.mode === 'navigate' ? await cache.match('./') : undefined);
    if (hit) return hit;
    const response = await fetch(request);
    const name = new URL(request.url).pathname.split('/').pop();
    if (response.ok && ON_USE.includes(name)) await cache.put(request, response.clone());
    return response;
  })());
});

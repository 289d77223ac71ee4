// The field app's service worker: precaches the app so it opens with no signal, and answers app
// files from that cache. The API is never cached here (the app keeps its data in IndexedDB).
// Change VERSION whenever a file below changes; FieldAppAssetsTest checks the list is complete.
const VERSION = 'field-app-3';
const PRECACHE = [
  './', 'index.html', 'app.css', 'manifest.json', 'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png',
  'js/main.js', 'js/api.js', 'js/db.js', 'js/records.js', 'js/sync.js', 'js/form.js', 'js/guidance.js',
  'js/eligibility.js', 'js/words.js', 'js/qr.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION)
    .then((cache) => cache.addAll(PRECACHE.map((p) => new Request(p, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('field-app-') && k !== VERSION).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/app/')) return;
  event.respondWith(caches.open(VERSION).then(async (cache) => {
    const hit = await cache.match(event.request, { ignoreSearch: true })
      || (event.request.mode === 'navigate' ? await cache.match('./') : undefined);
    return hit || fetch(event.request);
  }));
});

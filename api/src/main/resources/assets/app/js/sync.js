// The native sync protocol (docs/sync-protocol.md): push the outbox, then pull to the end of the
// feed; automatically when online, with exponential backoff after a failure, and on "Sync now".
import { write, meta, setMeta, get, all } from './db.js';
import { call, HttpError } from './api.js';
import { pick } from './records.js';
import { LOCALES } from './words.js';

const MAX_MUTATIONS = 500;
const PERIOD_MS = 60_000;
const MAX_BACKOFF_MS = 5 * 60_000;
const DAY_MS = 24 * 3600_000;
let running = null;
let timer = null;
let failures = 0;
let again = false;
const listeners = new Set();

export const state = { syncing: false, nextTryAt: null, lastError: null };
export function onChange(listener) { listeners.add(listener); }
export function changed() { listeners.forEach((l) => l()); }

/** Syncs after `delayMs` (default now) unless a sync is already due sooner. */
export function syncSoon(delayMs = 0) {
  clearTimeout(timer);
  state.nextTryAt = Date.now() + delayMs;
  timer = setTimeout(() => { syncNow().catch(() => {}); }, delayMs);
}

/** One sync session; concurrent callers share it. Resolves to true when it reached the end of the feed. */
export function syncNow() {
  if (running) {
    again = true; // a change made during this session goes in the next one, straight after
    return running;
  }
  running = session().then((ok) => {
    running = null;
    if (again && ok) syncSoon(0); // after a failure the backoff stands
    again = false;
    return ok;
  }, (e) => { running = null; again = false; throw e; });
  return running;
}

async function session() {
  const device = await meta('device');
  if (!device || (await meta('revoked'))) return false;
  clearTimeout(timer);
  state.syncing = true; state.nextTryAt = null; changed();
  try {
    while (await pushOnce(device)) { /* one mutation per record per push: repeat until empty */ }
    await pull(device);
    await refreshRuleset();
    failures = 0;
    state.lastError = null;
    await setMeta('lastSyncedAt', new Date().toISOString());
    if (navigator.onLine) syncSoon(PERIOD_MS);
    return true;
  } catch (e) {
    if (e instanceof HttpError && e.status === 401) {
      await setMeta('revoked', { at: new Date().toISOString() });
      state.lastError = null;
      return false; // nothing more is pushed: the token no longer works, and the phone may be lost
    }
    failures++;
    state.lastError = describe(e);
    const backoff = Math.min(MAX_BACKOFF_MS, 2000 * 2 ** (failures - 1)) * (0.75 + Math.random() / 2);
    syncSoon(e.retryAfter ? e.retryAfter * 1000 : backoff);
    return false;
  } finally {
    state.syncing = false;
    changed();
  }
}

function describe(e) {
  if (e instanceof HttpError && e.status === 0) return 'No connection to the server.';
  if (e instanceof HttpError && e.status >= 500) return 'The server is busy or unavailable.';
  if (e instanceof HttpError && e.status === 426) return 'This app is too old for the server: reload it when online.';
  return 'Sync failed: ' + e.message;
}

/** Pushes the earliest waiting mutation of each record; false when the outbox is empty. */
async function pushOnce(device) {
  const entries = (await all('outbox')).sort((a, b) => a.deviceSeq - b.deviceSeq);
  const batch = [];
  const seen = new Set();
  for (const e of entries) {
    if (seen.has(e.id) || batch.length >= MAX_MUTATIONS) continue;
    seen.add(e.id);
    batch.push(e);
  }
  if (!batch.length) return false;
  // Freeze before sending: if the answer is lost, the retry must carry exactly the same mutations.
  const frozen = await write(['outbox', 'records'], async ({ outbox, records }, result) => {
    const out = [];
    for (const e of batch) {
      if (e.frozen) { out.push(e); continue; }
      const local = await result(records.get(e.id));
      const base = e.baseVersion === 'after' ? (local && local.version != null ? local.version : null) : e.baseVersion;
      const f = { ...e, baseVersion: base, frozen: true };
      outbox.put(f);
      out.push(f);
    }
    return out;
  });
  const body = {
    deviceId: device.deviceId, protocolVersion: 1, sentAt: new Date().toISOString(),
    mutations: frozen.map((e) => ({
      mutationId: e.mutationId, deviceSeq: e.deviceSeq, entity: 'drive_record', op: e.op, id: e.id,
      baseVersion: e.baseVersion, ...(e.op === 'upsert' ? { record: e.record } : {}),
    })),
  };
  const { body: answer } = await call('POST', '/api/v1/sync/push', { token: device.token, body });
  await applyResults(frozen, answer.results);
  return true;
}

async function applyResults(sent, results) {
  const byMutation = new Map(sent.map((e) => [e.mutationId, e]));
  await write(['outbox', 'records', 'notices'], async ({ outbox, records, notices }, result) => {
    for (const r of results) {
      const e = byMutation.get(r.mutationId);
      if (!e) continue;
      outbox.delete(e.deviceSeq); // any answer ends the mutation: never resend it unchanged
      const local = await result(records.get(e.id));
      if (r.status === 'rejected') {
        notices.put({ key: 'rejected:' + r.mutationId, kind: 'rejected', id: e.id, error: r.error, at: new Date().toISOString() });
        if (local) records.put({ ...local, rejected: r.error, followUpWaiting: false });
        continue;
      }
      if (r.status === 'duplicate') continue;
      if (r.status === 'conflict') {
        notices.put({ key: 'conflict:' + r.mutationId, kind: 'conflict', id: e.id, conflict: r.conflict, at: new Date().toISOString() });
      }
      if (r.record) records.put(fromServer(r.record, r.version));
      else if (e.op === 'delete') records.delete(e.id);
    }
  });
}

const fromServer = (record, version) => ({
  id: record.id, record: pick(record), version: version ?? record.version, deleted: Boolean(record.deleted),
  flags: record.flags || [], followUpWaiting: false, rejected: null,
});

async function pull(device) {
  for (;;) {
    const cursor = await meta('cursor');
    const query = '?limit=500' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    let page;
    try {
      page = (await call('GET', '/api/v1/sync/pull' + query, { token: device.token })).body;
    } catch (e) {
      if (e instanceof HttpError && e.status === 410) { await resetSyncedData(); continue; }
      throw e;
    }
    await write(['meta', 'records', 'outbox'], async ({ meta: m, records, outbox }, result) => {
      const waiting = new Set((await result(outbox.getAll())).map((e) => e.id));
      const drives = (await result(m.get('drives'))) || {};
      for (const c of page.changes) {
        if (c.entity === 'drive') {
          if (c.op === 'upsert') drives[c.id] = c.record; else delete drives[c.id];
        } else if (c.entity === 'drive_record' && !waiting.has(c.id)) {
          // A record with edits still waiting keeps the phone's view; their answer brings the merge.
          if (c.op === 'upsert') records.put(fromServer(c.record, c.version)); else records.delete(c.id);
        }
      }
      m.put(drives, 'drives');
      if (Array.isArray(page.polls)) m.put(page.polls, 'polls');
      if (page.ruleset) m.put(page.ruleset, 'rulesetAnnounced');
      m.put(page.cursor, 'cursor'); // in the same transaction as the changes it covers
    });
    if (!page.hasMore) return;
  }
}

/** 410 reset_required: drop synced copies (never the outbox) and pull from the start. */
async function resetSyncedData() {
  await write(['meta', 'records', 'outbox'], async ({ meta: m, records, outbox }, result) => {
    const waiting = new Set((await result(outbox.getAll())).map((e) => e.id));
    for (const r of await result(records.getAll())) if (!waiting.has(r.id)) records.delete(r.id);
    m.delete('cursor');
    m.put({}, 'drives');
  });
}

/**
 * Fetches the ruleset when the pull announced another one (its etag as announced, since a
 * compressed answer may carry a changed ETag), then its translations (contract 5): on a new
 * ruleset and at most daily, each revalidated with If-None-Match.
 */
async function refreshRuleset() {
  const announced = await meta('rulesetAnnounced');
  const held = await meta('ruleset');
  if (!held || !announced || held.etag !== announced.etag) {
    const answer = await call('GET', '/api/v1/eligibility/rulesets/current');
    await setMeta('ruleset', { etag: announced ? announced.etag : answer.etag, definition: answer.body });
  }
  const version = (await meta('ruleset')).definition.version;
  const checked = await meta('translationsChecked');
  if (checked && checked.version === version && Date.now() - checked.at < DAY_MS) return;
  for (const locale of LOCALES.map((l) => l.code).filter((c) => c !== 'en')) {
    const key = version + '/' + locale;
    const cached = await get('translations', key);
    try {
      const answer = await call('GET', `/api/v1/eligibility/rulesets/${encodeURIComponent(version)}/translations/${locale}`,
        { headers: cached && cached.etag ? { 'If-None-Match': cached.etag } : {} });
      if (answer.status !== 304) {
        await write(['translations'], ({ translations }) => { translations.put({ etag: answer.etag, ...answer.body }, key); });
      }
    } catch (e) {
      if (!(e instanceof HttpError) || (e.status !== 404 && e.status !== 400)) throw e;
      break; // translations are not served (yet): the app shows English
    }
  }
  await setMeta('translationsChecked', { version, at: Date.now() });
}

window.addEventListener('online', () => syncSoon(0));
window.addEventListener('offline', () => { clearTimeout(timer); state.nextTryAt = null; changed(); });

// The phone's storage: IndexedDB, so a reload or a restart offline loses nothing.
// meta: key/value (device token, deviceId, cursor, counters, drives, polls, ruleset, last sync).
// records: the conversations as last known ({id, record, version, deleted, flags}).
// outbox: mutations not yet answered, in the order they were made (key: deviceSeq).
// notices: what the volunteer should read (rejections, conflicts), until dismissed.
const NAME = 'drivesync-field-app';
const STORES = ['meta', 'records', 'outbox', 'notices', 'translations'];
let opening;

function open() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('meta');
      db.createObjectStore('records', { keyPath: 'id' });
      db.createObjectStore('outbox', { keyPath: 'deviceSeq' });
      db.createObjectStore('notices', { keyPath: 'key' });
      db.createObjectStore('translations');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opening;
}

const done = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = () => reject(tx.error);
  tx.onabort = () => reject(tx.error || new Error('transaction aborted'));
});
const result = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** Runs `work(stores)` in one read-write transaction over `names`; resolves when it has committed. */
export async function write(names, work) {
  const db = await open();
  const tx = db.transaction(names, 'readwrite');
  const stores = Object.fromEntries(names.map((n) => [n, tx.objectStore(n)]));
  const value = await work(stores, result);
  await done(tx);
  return value;
}

export async function get(store, key) {
  const db = await open();
  return result(db.transaction(store).objectStore(store).get(key));
}

export async function all(store) {
  const db = await open();
  return result(db.transaction(store).objectStore(store).getAll());
}

/** Everything the screens show, read in one transaction: {meta, records, outbox, notices}. */
export async function snapshot() {
  const db = await open();
  const tx = db.transaction(['meta', 'records', 'outbox', 'notices']);
  const [keys, values, records, outbox, notices] = await Promise.all([
    result(tx.objectStore('meta').getAllKeys()), result(tx.objectStore('meta').getAll()),
    result(tx.objectStore('records').getAll()), result(tx.objectStore('outbox').getAll()),
    result(tx.objectStore('notices').getAll())]);
  return { meta: Object.fromEntries(keys.map((k, i) => [k, values[i]])), records, outbox, notices };
}

export const meta = (key) => get('meta', key);
export const setMeta = (key, value) => write(['meta'], ({ meta }) => { meta.put(value, key); });

/** Deletes everything on the phone (after a revoke, once the volunteer confirms). */
export async function wipe() {
  const db = await open();
  await write(STORES, (s) => { STORES.forEach((n) => s[n].clear()); });
  db.close();
  opening = undefined;
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

// Conversations on the phone and the outbox of mutations that carry them to the server.
// Every change gets its mutationId and deviceSeq when it is made. An entry is "frozen" once a push
// has carried it: from then on it is resent byte for byte (same id, same base) until answered, so
// a push whose answer was lost replays instead of creating anything twice. An entry not yet sent
// may still absorb later edits of the same record (docs/sync-protocol.md, "What a client must persist").
import { write } from './db.js';

/** The fields of a record the volunteer sets; the server adds the rest on read. */
export const FIELDS = ['driveId', 'recordedAt', 'outcome', 'guidance', 'ageBand', 'firstTimeRegistrant', 'language'];
export const pick = (record) => Object.fromEntries(FIELDS.map((f) => [f, record[f] ?? null]));

const pendingFor = async (outbox, result, id) =>
  (await result(outbox.getAll())).filter((e) => e.id === id).sort((a, b) => a.deviceSeq - b.deviceSeq);

async function nextSeq(meta, result) {
  const seq = ((await result(meta.get('deviceSeq'))) || 0) + 1;
  meta.put(seq, 'deviceSeq');
  return seq;
}

/** The base of a new mutation: the server version the edit started from ("after" = the one in flight). */
function baseOf(local, entries) {
  if (local && local.version != null) return local.version;
  return entries.some((e) => e.frozen) ? 'after' : null;
}

/**
 * Saves a new (`isNew`: an id just made, so nothing to look up) or edited conversation, and its
 * consented follow-up, which is kept only in the outbox until the server has it.
 */
export function saveConversation(id, fields, followUp, isNew) {
  return write(['records', 'outbox', 'meta'], async ({ records, outbox, meta }, result) => {
    if (isNew) {
      const record = { ...pick(fields), ...(followUp ? { followUp } : {}) };
      records.put({ id, version: null, deleted: false, flags: [], record: pick(fields), followUpWaiting: Boolean(followUp), rejected: null });
      outbox.put({ deviceSeq: await nextSeq(meta, result), mutationId: crypto.randomUUID(), op: 'upsert', id,
        baseVersion: null, record, frozen: false, madeAt: new Date().toISOString() });
      return;
    }
    const local = (await result(records.get(id))) || { id, version: null, deleted: false, flags: [] };
    const entries = await pendingFor(outbox, result, id);
    const record = { ...pick(fields), ...(followUp ? { followUp } : {}) };
    records.put({ ...local, record: pick(fields), followUpWaiting: Boolean(followUp) || local.followUpWaiting || false,
      rejected: null });
    const open = entries.find((e) => !e.frozen);
    if (open) {
      const keep = open.record && open.record.followUp && !followUp ? { followUp: open.record.followUp } : {};
      outbox.put({ ...open, op: 'upsert', record: { ...record, ...keep } });
    } else {
      outbox.put({ deviceSeq: await nextSeq(meta, result), mutationId: crypto.randomUUID(), op: 'upsert', id,
        baseVersion: baseOf(local, entries), record, frozen: false, madeAt: new Date().toISOString() });
    }
  });
}

/** Deletes a conversation; one the server never saw simply disappears. */
export function deleteConversation(id) {
  return write(['records', 'outbox', 'meta'], async ({ records, outbox, meta }, result) => {
    const local = await result(records.get(id));
    const entries = await pendingFor(outbox, result, id);
    const open = entries.find((e) => !e.frozen);
    if (local && local.version == null && entries.length && entries.every((e) => !e.frozen)) {
      entries.forEach((e) => outbox.delete(e.deviceSeq));
      records.delete(id);
      return;
    }
    if (local) records.put({ ...local, deleted: true });
    if (open) {
      outbox.put({ ...open, op: 'delete', record: undefined });
    } else {
      outbox.put({ deviceSeq: await nextSeq(meta, result), mutationId: crypto.randomUUID(), op: 'delete', id,
        baseVersion: baseOf(local, entries), frozen: false, madeAt: new Date().toISOString() });
    }
  });
}

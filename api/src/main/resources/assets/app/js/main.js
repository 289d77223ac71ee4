// The field app's screens: enrol, home (outbox, drives and polls, conversations), the conversation
// form, and the revoked notice. State lives in IndexedDB (db.js); sync.js talks to the server.
import { meta, setMeta, snapshot, wipe, write } from './db.js';
import { call, HttpError, APP_VERSION } from './api.js';
import { syncNow, syncSoon, onChange, state } from './sync.js';
import { saveConversation, deleteConversation } from './records.js';
import { parsePayload, decodeFile, scan } from './qr.js';
import { openForm, closeForm, readForm, formProblem } from './form.js';
import * as words from './words.js';

const $ = (id) => document.getElementById(id);
const el = (tag, text, attrs = {}) => Object.assign(document.createElement(tag), { textContent: text ?? '' }, attrs);
const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const when = (iso) => iso ? WHEN.format(new Date(iso)) : '';
const day = (iso) => DAY.format(new Date(iso + 'T12:00:00Z'));

async function screen() {
  const data = await snapshot();
  const { device, revoked } = data.meta;
  $('loading').hidden = true;
  $('enrol').hidden = Boolean(device);
  $('revoked').hidden = !revoked;
  $('home').hidden = !device || Boolean(revoked);
  $('connection').textContent = navigator.onLine ? (state.syncing ? 'Online · syncing…' : 'Online')
    : 'Offline · everything is kept on this phone';
  if (revoked) {
    const waiting = data.outbox.length;
    $('revoked-waiting').textContent = waiting
      ? `${waiting} change(s) on this phone were never sent and will be lost: tell your organiser before wiping.` : '';
  }
  if (device && !revoked) renderHome(data);
}

function renderHome(data) {
  const entries = data.outbox;
  const records = data.records.filter((r) => !r.deleted)
    .sort((a, b) => (b.record.recordedAt || '').localeCompare(a.record.recordedAt || ''));
  const { drives = {}, polls = [], lastSyncedAt: lastSynced } = data.meta;
  const notices = data.notices;
  const n = entries.length;
  $('waiting').textContent = n ? `${n} waiting to send` : 'Nothing waiting to send';
  $('last-synced').textContent = lastSynced ? 'Last synced ' + when(lastSynced) : 'Not synced yet';
  $('sync-error').textContent = state.lastError
    ? state.lastError + (state.nextTryAt ? ` Trying again at ${new Date(state.nextTryAt).toLocaleTimeString('en-GB')}.` : '') : '';
  $('sync-now').disabled = state.syncing;

  $('notices-card').hidden = notices.length === 0;
  $('notices').replaceChildren(...notices.sort((a, b) => a.at.localeCompare(b.at)).map(noticeItem));

  const driveList = Object.values(drives).sort((a, b) => a.name.localeCompare(b.name));
  $('drives').replaceChildren(...(driveList.length ? driveList.map((d) => driveItem(d, polls))
    : [el('li', 'No drives yet: sync with signal to get your assignments.')]));

  const waitingIds = new Set(entries.map((e) => e.id));
  $('records-count').textContent = `${records.length} conversation(s) on this phone`;
  $('records').replaceChildren(...records.map((r) => recordItem(r, drives, waitingIds.has(r.id))));
}

function noticeItem(n) {
  const li = el('li');
  if (n.kind === 'rejected') {
    const why = words.REJECTIONS[n.error && n.error.code] || (n.error && n.error.message) || 'refused';
    li.append(el('span', `A conversation was not accepted by the server: ${why} (${n.error && n.error.code})`));
  } else {
    const c = n.conflict || {};
    li.append(el('span', words.CONFLICT_REASONS[c.reason] || 'This conversation was also changed elsewhere.'));
    for (const f of c.fields || []) {
      li.append(el('span', ` ${words.FIELD_NAMES[f] || f}: yours “${words.describeValue(f, (c.yours || {})[f])}”,`
        + ` the other “${words.describeValue(f, (c.theirs || {})[f])}”.`, { className: 'conflict-field' }));
    }
  }
  const ok = el('button', 'Understood', { type: 'button', className: 'small' });
  ok.addEventListener('click', async () => { await write(['notices'], ({ notices }) => { notices.delete(n.key); }); render(); });
  li.append(' ', ok);
  return li;
}

function driveItem(d, polls) {
  const li = el('li');
  li.append(el('strong', d.name), el('span', ` · ${day(d.startsOn)} to ${day(d.endsOn)}`));
  const mine = polls.filter((p) => !p.cancelled && (p.localAuthorities || []).includes(d.localAuthority))
    .sort((a, b) => a.pollDate.localeCompare(b.pollDate));
  if (mine.length) {
    const ul = el('ul');
    for (const p of mine) {
      const item = el('li', `${p.label}: poll on ${day(p.pollDate)}.`);
      const dl = p.deadlines || {};
      const parts = [['registration', 'Register by'], ['postalVote', 'Postal vote by'], ['proxy', 'Proxy by'],
        ['voterAuthorityCertificate', 'Voter ID certificate by']].filter(([k]) => dl[k]).map(([k, t]) => `${t} ${when(dl[k])}`);
      if (parts.length) item.append(el('span', ' ' + parts.join('; ') + '.'));
      ul.append(item);
    }
    li.append(ul);
  } else {
    li.append(el('p', 'No upcoming polls known for this council.', { className: 'muted' }));
  }
  return li;
}

function recordItem(r, drives, waiting) {
  const li = el('li', '', { className: 'record' });
  li.dataset.id = r.id;
  const rec = r.record;
  const drive = drives[rec.driveId];
  li.append(el('strong', when(rec.recordedAt)), el('span', ` · ${drive ? drive.name : 'a past drive'} · ${words.OUTCOMES[rec.outcome] || rec.outcome}`));
  if (rec.guidance) li.append(el('span', ` · ${words.REGISTRATION[rec.guidance.registration] || ''}`, { className: 'guidance-summary' }));
  const status = waiting ? 'Waiting to send' : r.rejected ? `Not accepted (${r.rejected.code})` : 'Sent';
  li.append(el('p', status + (r.followUpWaiting ? ' · follow-up contact waiting to send' : ''), { className: 'muted record-status' }));
  for (const f of r.flags || []) li.append(el('p', words.FLAGS[f] || f, { className: 'flag' }));
  const row = el('div', '', { className: 'row' });
  const edit = el('button', 'Edit', { type: 'button', className: 'small' });
  edit.setAttribute('aria-label', 'Edit the conversation of ' + when(rec.recordedAt));
  edit.addEventListener('click', () => openForm(r, drives));
  const del = el('button', 'Delete', { type: 'button', className: 'small' });
  del.setAttribute('aria-label', 'Delete the conversation of ' + when(rec.recordedAt));
  del.addEventListener('click', async () => {
    if (!window.confirm('Delete this conversation? This cannot be undone.')) return;
    await deleteConversation(r.id);
    render();
    if (navigator.onLine) syncSoon(0);
  });
  row.append(edit, del);
  li.append(row);
  return li;
}

let rendering = Promise.resolve();
export function render() {
  rendering = rendering.then(screen, screen);
  return rendering;
}

// ---- enrolment ----
async function enrol(code) {
  $('enrol-message').textContent = 'Enrolling…';
  try {
    const { body } = await call('POST', '/api/v1/devices/enrol', { body: {
      code: code.trim(), deviceName: $('device-name').value.trim() || 'Field phone', appVersion: APP_VERSION } });
    await setMeta('device', { deviceId: body.deviceId, token: body.token, expiresAt: body.expiresAt });
    $('enrol-message').textContent = '';
    await render();
    await syncNow();
  } catch (e) {
    $('enrol-message').textContent = e instanceof HttpError && e.status === 0 ? 'No signal: enrol where there is a connection.'
      : e instanceof HttpError && e.status < 500 ? 'That code was not accepted (it is used up, expired or mistyped): ask your organiser for a new one.'
        : 'The server could not enrol this phone now: try again in a minute.';
  }
}

async function fromQr(text) {
  const payload = text && parsePayload(text);
  if (!payload) { $('enrol-message').textContent = 'That is not a drivesync enrolment code.'; return; }
  if (new URL(payload.server).origin !== location.origin) {
    $('enrol-message').textContent = `This code is for ${payload.server}: open ${payload.server}/app/ on this phone and scan it there.`;
    return;
  }
  $('enrol-code').value = payload.code;
  await enrol(payload.code);
}

function wireEnrolment() {
  $('enrol-form').addEventListener('submit', (e) => { e.preventDefault(); enrol($('enrol-code').value); });
  $('qr-photo').addEventListener('change', async () => {
    const file = $('qr-photo').files[0];
    if (!file) return;
    try { await fromQr(await decodeFile(file)); } catch (e) { $('enrol-message').textContent = 'Could not read a QR code in that photo.'; }
  });
  let scanning = null;
  $('scan').addEventListener('click', async () => {
    if (scanning) { scanning.abort(); return; }
    scanning = new AbortController();
    $('scan').textContent = 'Stop scanning';
    try { const text = await scan($('camera'), scanning.signal); if (text) await fromQr(text); } catch (e) {
      $('enrol-message').textContent = 'The camera is not available: type the code or use a photo of it.';
    } finally { scanning = null; $('scan').textContent = 'Scan the QR code'; }
  });
}

// ---- the conversation form and the rest of home ----
function wireHome() {
  $('sync-now').addEventListener('click', () => syncNow());
  $('new-conversation').addEventListener('click', async () => openForm(null, (await meta('drives')) || {}));
  $('cancel').addEventListener('click', closeForm);
  $('conversation').addEventListener('submit', async (e) => {
    e.preventDefault();
    const started = performance.now();
    const form = readForm();
    if (form.problem) { formProblem(form.problem); return; }
    await saveConversation(form.id, form.fields, form.followUp, form.isNew);
    closeForm();
    // Saved = committed to IndexedDB and the form closed; the browser test reads both figures.
    window.drivesyncLastSaveMs = performance.now() - started;
    await render();
    window.drivesyncLastSaveAndListMs = performance.now() - started;
    if (navigator.onLine) syncSoon(0);
  });
  $('wipe').addEventListener('click', async () => {
    if (!window.confirm('Wipe all of this app\'s data from this phone?')) return;
    await wipe(); // the app's own files stay cached: they hold nothing about anyone
    location.reload();
  });
}

onChange(render);
window.addEventListener('online', render);
window.addEventListener('offline', render);
wireEnrolment();
wireHome();
if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
render().then(async () => { if ((await meta('device')) && navigator.onLine) syncSoon(0); });

// The conversation form: what was talked about, the guidance worked out on the phone, and a
// consented follow-up. Under a minute: only Drive and Outcome are required.
import { meta } from './db.js';
import { work, show, guidanceBlock, nationOf } from './guidance.js';
import * as words from './words.js';

const $ = (id) => document.getElementById(id);
const option = (value, text) => Object.assign(document.createElement('option'), { value, textContent: text });
let editing = null; // the local record being edited, or null for a new conversation
let current = { assessment: null };
let ruleset = null;

function fillStatic() {
  if ($('outcome').options.length) return;
  $('outcome').append(option('', 'Choose…'), ...Object.entries(words.OUTCOMES).map(([k, v]) => option(k, v)));
  $('age-band').append(option('', 'Not asked'), ...words.AGE_BANDS.map((b) => option(b, b)));
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  $('language').append(option('', 'Not recorded'), ...words.LANGUAGES.map((c) => option(c, names.of(c) || c)));
  $('guidance-locale').append(...words.LOCALES.map((l) => option(l.code, l.name)));
  ['nationality', 'nationality-2', 'status', 'date-of-birth', 'resident-since', 'eu-since', 'guidance-locale', 'drive']
    .forEach((id) => $(id).addEventListener('change', recompute));
  $('follow-up').addEventListener('change', () => { $('follow-up-details').hidden = !$('follow-up').checked; });
}

function fillRuleset(definition) {
  if (ruleset === definition) return;
  ruleset = definition;
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  const c = definition.countries;
  const name = (code) => {
    if (code === c.statelessCode) return 'Stateless';
    try { return /^[A-Z]{2}$/.test(code) ? (regions.of(code) || code) : code; } catch (e) { return code; }
  };
  const codes = [...new Set([...c.iso3166Alpha2, ...c.britishNationalsCommonwealth, ...c.britishNationalsNotCommonwealth,
    ...(c.extraNationalityCodes || []), c.statelessCode])].map((code) => [code, name(code)])
    .sort((a, b) => a[1].localeCompare(b[1]));
  for (const id of ['nationality', 'nationality-2']) {
    $(id).replaceChildren(option('', id === 'nationality' ? 'Not asked' : 'None'), ...codes.map(([k, v]) => option(k, `${v} (${k})`)));
  }
  $('status').replaceChildren(option('', 'Not asked'),
    ...definition.immigrationStatuses.map((s) => option(s.code, words.STATUSES[s.code] || s.description)));
}

function answers() {
  return {
    nationality: $('nationality').value, nationality2: $('nationality-2').value, status: $('status').value,
    dateOfBirth: $('date-of-birth').value, residentSince: $('resident-since').value, euSince: $('eu-since').value,
  };
}

async function recompute() {
  const drives = (await meta('drives')) || {};
  const problem = $('guidance-problem');
  current = { assessment: null };
  $('guidance-result').replaceChildren();
  problem.textContent = '';
  if (!ruleset) { problem.textContent = 'The guidance rules are not on this phone yet: sync once with signal.'; return; }
  const a = answers();
  if (!a.nationality && !a.status && !a.dateOfBirth) return;
  const result = work(ruleset, { ...a, nation: nationOf(drives[$('drive').value]) });
  if (result.missing) {
    const needsDates = 'residentInUkSince' in result.missing || 'euCitizenshipSince' in result.missing;
    if (needsDates) $('retained').hidden = false;
    problem.textContent = 'To work out the guidance: ' + Object.entries(result.missing)
      .map(([field, why]) => `${fieldName(field)} ${why}`).join('; ') + '.';
    return;
  }
  current = result;
  await show($('guidance-result'), result.assessment, $('guidance-locale').value);
  // Suggest the age band from the date of birth; the date itself is never stored.
  if (a.dateOfBirth && !$('age-band').value) $('age-band').value = bandOf(a.dateOfBirth);
}

const fieldName = (f) => ({ nationalities: 'nationality', immigrationStatus: 'immigration status', dateOfBirth: 'date of birth',
  nation: "the drive's nation", residentInUkSince: 'living in the UK since', euCitizenshipSince: 'EU citizen since' })[f.replace(/\[\d+\]/, '')] || f;

function bandOf(dateOfBirth) {
  const born = new Date(dateOfBirth + 'T00:00:00Z');
  const now = new Date();
  let age = now.getUTCFullYear() - born.getUTCFullYear();
  if (now.getUTCMonth() < born.getUTCMonth() || (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate())) age--;
  if (age < 16) return '';
  return age < 18 ? '16-17' : age < 25 ? '18-24' : age < 35 ? '25-34' : age < 50 ? '35-49' : age < 65 ? '50-64' : '65+';
}

/** Opens the form for a new conversation (null) or to edit one. */
export async function openForm(local, drives) {
  fillStatic();
  const held = await meta('ruleset');
  if (held) fillRuleset(held.definition);
  editing = local;
  const live = Object.values(drives).filter((d) => d.status !== 'closed');
  $('drive').replaceChildren(...live.map((d) => option(d.id, d.name)));
  const rec = local ? local.record : {};
  if (rec.driveId && !drives[rec.driveId]) $('drive').append(option(rec.driveId, 'A past drive'));
  $('drive').value = rec.driveId || (live[0] && live[0].id) || '';
  $('outcome').value = rec.outcome || '';
  $('age-band').value = rec.ageBand || '';
  $('first-time').value = rec.firstTimeRegistrant == null ? '' : String(rec.firstTimeRegistrant);
  $('language').value = rec.language || '';
  for (const id of ['nationality', 'nationality-2', 'status', 'date-of-birth', 'resident-since', 'eu-since', 'contact-name', 'contact']) $(id).value = '';
  $('follow-up').checked = false; $('consent').checked = false; $('follow-up-details').hidden = true;
  $('retained').hidden = true;
  $('form-problem').textContent = '';
  $('conversation-title').textContent = local ? 'Edit conversation' : 'New conversation';
  current = { assessment: null };
  $('guidance-result').replaceChildren();
  $('guidance-problem').textContent = local && rec.guidance
    ? 'The guidance given stays as recorded unless you answer the questions again.' : '';
  $('conversation').hidden = false;
  $('new-conversation').hidden = true;
  $('drive').focus();
}

export function closeForm() {
  $('conversation').hidden = true;
  $('new-conversation').hidden = false;
  editing = null;
}

export const formProblem = (text) => { $('form-problem').textContent = text; };

/** The record fields and follow-up the form holds, or {problem}. */
export function readForm() {
  if (!$('drive').value) return { problem: 'Choose the drive (sync first if none is listed).' };
  if (!$('outcome').value) return { problem: 'Choose the outcome.' };
  let followUp = null;
  if ($('follow-up').checked) {
    if (!$('consent').checked) return { problem: 'A follow-up needs the person’s agreement to the notice: tick it, or untick the follow-up.' };
    if (!$('contact').value.trim()) return { problem: 'Enter the phone number or email for the follow-up.' };
    followUp = { consent: true, noticeVersion: '2026-03', channel: $('channel').value, contact: $('contact').value.trim(),
      ...($('contact-name').value.trim() ? { name: $('contact-name').value.trim() } : {}) };
  }
  const rec = editing ? editing.record : {};
  const first = $('first-time').value;
  return {
    id: editing ? editing.id : crypto.randomUUID(),
    isNew: !editing,
    fields: {
      driveId: $('drive').value, recordedAt: rec.recordedAt || new Date().toISOString(), outcome: $('outcome').value,
      guidance: current.assessment ? guidanceBlock(current.assessment) : (rec.guidance || null),
      ageBand: $('age-band').value || null, firstTimeRegistrant: first === '' ? null : first === 'true',
      language: $('language').value || null,
    },
    followUp,
  };
}

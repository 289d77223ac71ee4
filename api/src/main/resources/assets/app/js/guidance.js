// Eligibility guidance on the phone: a few questions, the evaluator over the ruleset the server
// serves, and the answer in the person's language (reviewed translations; English otherwise).
// Nationality, status and dates never leave this form: the record keeps only the guidance codes.
import { assess, InvalidAssessment } from './eligibility.js';
import { get } from './db.js';
import { ELECTIONS, REGISTRATION, RTL, LOCALES } from './words.js';

/** The nation of a drive's council: ONS codes start E (England), W (Wales), S (Scotland). */
export const nationOf = (drive) => ({ E: 'england', W: 'wales', S: 'scotland' })[(drive && drive.localAuthority || '')[0]];

/** The record's guidance block for an engine answer. */
export const guidanceBlock = (a) => ({
  rulesetVersion: a.rulesetVersion, basis: a.basis, registration: a.registration,
  elections: Object.entries(a.elections).filter(([, v]) => v === 'yes').map(([k]) => k), signposts: a.signposts,
});

/**
 * Answers the questions: {assessment} when they are enough, {missing: {field: problem}} when the
 * ruleset needs more (e.g. the date an EU citizen came to the UK), {none} when nothing is asked.
 */
export function work(ruleset, answers) {
  if (!answers.nationality && !answers.status && !answers.dateOfBirth) return { none: true };
  const request = {
    nationalities: [answers.nationality, answers.nationality2].filter(Boolean), immigrationStatus: answers.status || null,
    dateOfBirth: answers.dateOfBirth || null, nation: answers.nation || null,
    residentInUkSince: answers.residentSince || null, euCitizenshipSince: answers.euSince || null, asOf: null,
  };
  try {
    return { assessment: assess(ruleset, request) };
  } catch (e) {
    if (e instanceof InvalidAssessment) return { missing: e.errors };
    throw e;
  }
}

/** Renders an assessment into `target` in `locale`; a translation is used only once reviewed. */
export async function show(target, assessment, locale) {
  const translation = locale === 'en' ? null : await get('translations', assessment.rulesetVersion + '/' + locale);
  const say = (id, english) => {
    const t = translation && translation.messages && translation.messages[id];
    return t && t.state === 'reviewed' && t.text ? { text: t.text, translated: true } : { text: english, translated: false };
  };
  const label = (code, english) => {
    const t = translation && translation.labels && translation.labels[code];
    return t && t.state === 'reviewed' && t.text ? t.text : english;
  };
  const lang = (LOCALES.find((l) => l.code === locale) || LOCALES[0]).lang;
  target.replaceChildren();
  const box = document.createElement('div');
  const texts = assessment.guidance.map((g) => say(g.messageId, g.text));
  const anyTranslated = texts.some((t) => t.translated);
  box.lang = anyTranslated ? lang : 'en';
  box.dir = anyTranslated && RTL.has(locale) ? 'rtl' : 'ltr';
  const heading = document.createElement('h3');
  heading.textContent = label('registration.' + assessment.registration, REGISTRATION[assessment.registration]);
  box.append(heading);
  const yes = Object.entries(assessment.elections).filter(([, v]) => v === 'yes').map(([k]) => label('election.' + k, ELECTIONS[k] || k));
  const elections = document.createElement('p');
  elections.textContent = yes.length ? yes.join(' · ') : '—';
  box.append(elections);
  const list = document.createElement('ul');
  texts.forEach((t) => { const li = document.createElement('li'); li.textContent = t.text; list.append(li); });
  box.append(list);
  target.append(box);
  if (locale !== 'en' && !anyTranslated) {
    const note = document.createElement('p');
    note.className = 'muted';
    note.textContent = 'Shown in English: no reviewed translation of this guidance is on the phone yet.';
    target.append(note);
  }
}

// The on-phone eligibility evaluator: a line-by-line port of the Java engine (eligibility/ module,
// EligibilityEngine and the classes it calls) over the same ruleset JSON the server serves. It must
// answer exactly as the Java engine: EvaluatorConformanceTest runs every case of the Java franchise
// table, and a sweep of generated requests, through both and compares whole answers. Keep it
// self-contained (no imports): the conformance test loads it into Node as a data: module.

const BRITISH = 'british', IRISH = 'irish', COMMONWEALTH = 'qualifying_commonwealth', EU5 = 'eu5';
const EU_RETAINED = 'eu_retained_rights', RELEVANT_EU = 'relevant_eu_citizen';
const FOREIGN_NATIONAL = 'qualifying_foreign_national', FOREIGN_CITIZEN = 'qualifying_foreign_citizen';
const ERO = 'electoral_registration_officer';
const HELD = 'held';

/** A request the ruleset cannot judge; `errors` maps each field to its problem, as the server's 400 does. */
export class InvalidAssessment extends Error {
  constructor(errors) {
    super('invalid assessment: ' + Object.keys(errors).join(', '));
    this.errors = errors;
  }
}

/** Today in Europe/London (the law's calendar), as the Java engine's default asOf. */
export function ukToday(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/**
 * Judges `request` ({nationalities, immigrationStatus, residentInUkSince, dateOfBirth, nation, asOf,
 * euCitizenshipSince}, dates as YYYY-MM-DD) by `ruleset` (the parsed ruleset file), as
 * EligibilityEngine.assess(request, ruleset) does. Throws InvalidAssessment.
 */
export function assess(ruleset, request) {
  const r = new Rules(ruleset);
  const asOf = request && request.asOf != null ? request.asOf : ukToday();
  const facts = validate(r, request, asOf);
  return assemble(r, facts);
}

// ---- dates (LocalDate as {y, m, d}; ISO strings at the edges) ----
const parse = (s) => { const [y, m, d] = s.split('-').map(Number); return { y, m, d }; };
const fmt = (t) => String(t.y).padStart(4, '0') + '-' + String(t.m).padStart(2, '0') + '-' + String(t.d).padStart(2, '0');
const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y, m) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
const cmp = (a, b) => (a.y - b.y) || (a.m - b.m) || (a.d - b.d);
const isAfter = (a, b) => cmp(a, b) > 0;
const isBefore = (a, b) => cmp(a, b) < 0;
function plusMonths(t, months) {
  const total = t.y * 12 + (t.m - 1) + months;
  const y = Math.floor(total / 12), m = total - y * 12 + 1;
  return { y, m, d: Math.min(t.d, monthLength(y, m)) };
}
const plusYears = (t, years) => plusMonths(t, years * 12);
function plusDays(t, days) {
  const ms = Date.UTC(t.y, t.m - 1, t.d) + days * 86400000;
  const u = new Date(ms);
  return { y: u.getUTCFullYear(), m: u.getUTCMonth() + 1, d: u.getUTCDate() };
}
// Ages.java
function dateReaching(dob, years) {
  const date = plusYears(dob, years);
  return dob.m === 2 && dob.d === 29 && !leap(date.y) ? plusDays(date, 1) : date;
}
const reached = (dob, years, on) => !isAfter(dateReaching(dob, years), on);
function yearsOn(dob, on) {
  let years = Math.max(0, on.y - dob.y);
  while (years > 0 && !reached(dob, years, on)) years--;
  return years;
}
function atYear(monthDay, y) {
  const [m, d] = monthDay.replace(/^--/, '').split('-').map(Number);
  return { y, m, d: Math.min(d, monthLength(y, m)) };
}
function windowEnd(relevant, start, months) {
  let next = atYear(start, relevant.y);
  if (!isAfter(next, relevant)) next = atYear(start, relevant.y + 1);
  return plusDays(plusMonths(next, months), -1);
}

// ---- the ruleset, with the lookups RulesetDefinition offers ----
class Rules {
  constructor(def) {
    this.def = def;
    this.countries = def.countries;
    this.switches = (def.switches || []).map((s) => ({ ...s, countries: s.countries || [], ruleIds: s.ruleIds || [] }));
    this.guidanceRules = def.guidanceRules || [];
  }
  franchise(id) { return this.def.franchises.find((f) => f.id === id); }
  attainerRule(id) { return this.def.attainerRules.find((a) => a.id === id); }
  nation(code) { return this.def.nations.find((n) => n.code === code) || null; }
  status(code) { return this.def.immigrationStatuses.find((s) => s.code === code) || null; }
  message(id) { return ((this.def.messages || {})[this.def.defaultLanguage] || {})[id]; }
  electionsAdmitting(nation, basis) {
    return nation.elections.filter((e) => this.franchise(e.franchise).bases.includes(basis)).length;
  }
  nationUsesBasis(nation, basis) { return this.electionsAdmitting(nation, basis) > 0; }
  group(name) {
    if (!GROUPS.includes(name)) throw new Error('unknown country group ' + name);
    return this.countries[name] || [];
  }
  isNationalityCode(code) {
    const c = this.countries;
    return c.iso3166Alpha2.includes(code) || (c.extraNationalityCodes || []).includes(code)
      || c.britishNationalsCommonwealth.includes(code) || c.britishNationalsNotCommonwealth.includes(code)
      || code === c.statelessCode;
  }
}
const GROUPS = ['britishCitizen', 'crownDependencies', 'overseasTerritories', 'britishNationalsCommonwealth',
  'britishNationalsNotCommonwealth', 'irish', 'schedule3Commonwealth', 'euMemberStates', 'schedule6A',
  'euOther', 'eeaEftaNotEu'];
const list = (codes) => '[' + codes.join(', ') + ']'; // Java's List.toString, for identical messages
const blank = (s) => s == null || String(s).trim() === '';
const anyOf = (have, codes) => have.some((n) => codes.includes(n));

// ---- RequestValidator.java ----
const MAX_AGE_YEARS = 130;
function validate(r, request, asOfText) {
  const errors = {};
  const asOf = parse(asOfText);
  const facts = check(r, request, asOf, errors);
  if (Object.keys(errors).length) throw new InvalidAssessment(errors);
  return facts;
}
function check(r, request, asOf, errors) {
  if (request == null) { errors.request = 'missing'; return null; }
  const c = r.countries;
  const nationalities = checkNationalities(r, request.nationalities, errors);
  const status = checkStatus(r, request.immigrationStatus, errors);
  const dob = checkDateOfBirth(request.dateOfBirth, asOf, errors);
  const nation = checkNation(r, request.nation, request.localAuthority, errors);
  const resident = notBeforeBirthOrAfterAsOf('residentInUkSince', request.residentInUkSince, dob, asOf, errors);
  const euSince = notBeforeBirthOrAfterAsOf('euCitizenshipSince', request.euCitizenshipSince, dob, asOf, errors);
  if (nationalities == null || status == null || dob == null || nation == null) return null;
  if (euSince != null && !anyOf(nationalities, c.euMemberStates)) {
    errors.euCitizenshipSince = 'given, but no EU nationality is listed';
  }
  crossCheckBritish(c, nationalities, status, errors);
  const facts = { nationalities, status, dob, nation, asOf, resident, euSince };
  requireRetainedRightsFacts(r, facts, errors);
  return facts;
}
function checkNationalities(r, codes, errors) {
  const c = r.countries;
  if (codes == null || codes.length === 0) {
    errors.nationalities = 'at least one is required: an ISO 3166-1 alpha-2 code, one of '
      + list(c.britishNationalsCommonwealth) + list(c.britishNationalsNotCommonwealth)
      + " or '" + c.statelessCode + "'";
    return null;
  }
  const valid = [];
  codes.forEach((code, i) => {
    const field = 'nationalities[' + i + ']';
    if (blank(code)) errors[field] = 'missing';
    else if (!r.isNationalityCode(code)) errors[field] = unknownCodeProblem(r, code);
    else if (valid.includes(code)) errors[field] = "duplicate of '" + code + "'";
    else valid.push(code);
  });
  if (valid.includes(c.statelessCode) && codes.length > 1) {
    errors.nationalities = "'" + c.statelessCode + "' cannot be combined with a nationality";
    return null;
  }
  return valid.length === codes.length ? valid : null;
}
function unknownCodeProblem(r, code) {
  const c = r.countries;
  const upper = code.toUpperCase();
  let hint = (c.codeHints || {})[upper];
  if (hint == null && r.isNationalityCode(upper)) hint = upper;
  return "unknown nationality code '" + code + "'" + (hint != null ? "; use '" + hint + "'"
    : " (expected ISO 3166-1 alpha-2, a GB-… category or '" + c.statelessCode + "')");
}
function checkStatus(r, code, errors) {
  if (blank(code)) { errors.immigrationStatus = 'required'; return null; }
  const status = r.status(code);
  if (status == null) {
    errors.immigrationStatus = "unknown status '" + code + "'; expected one of "
      + r.def.immigrationStatuses.map((s) => s.code).join(', ');
  }
  return status;
}
function checkDateOfBirth(text, asOf, errors) {
  if (text == null) { errors.dateOfBirth = 'required'; return null; }
  const dob = parse(text);
  if (isAfter(dob, asOf)) { errors.dateOfBirth = 'is in the future (after ' + fmt(asOf) + ')'; return null; }
  if (isBefore(dob, plusYears(asOf, -MAX_AGE_YEARS))) {
    errors.dateOfBirth = 'is more than ' + MAX_AGE_YEARS + ' years before ' + fmt(asOf);
    return null;
  }
  return dob;
}
// The nation of a council from its GSS code's first letter (LocalAuthorityCodes.java).
const GSS = /^[EWSN][0-9]{8}$/;
const NATION_OF_GSS = { E: 'england', W: 'wales', S: 'scotland', N: 'northern_ireland' };
function checkNation(r, code, localAuthority, errors) {
  if (localAuthority == null) return checkNationCode(r, code, errors);
  if (!GSS.test(localAuthority)) {
    errors.localAuthority = "'" + localAuthority + "' is not a council's GSS code (e.g. E08000003)";
    return null;
  }
  const derived = NATION_OF_GSS[localAuthority[0]];
  if (!blank(code) && code !== derived) {
    errors.nation = "is '" + code + "' but localAuthority " + localAuthority + ' is in ' + derived;
    return null;
  }
  if (r.nation(derived) == null) {
    errors.localAuthority = localAuthority + ' is in ' + derived + ', which these rules do not cover';
    return null;
  }
  return r.nation(derived);
}
function checkNationCode(r, code, errors) {
  if (blank(code)) { errors.nation = 'required (or give localAuthority)'; return null; }
  const nation = r.nation(code);
  if (nation == null) {
    errors.nation = "unknown nation '" + code + "'; expected one of " + r.def.nations.map((n) => n.code).join(', ');
  }
  return nation;
}
function notBeforeBirthOrAfterAsOf(field, text, dob, asOf, errors) {
  if (text == null) return null;
  const date = parse(text);
  if (isAfter(date, asOf)) errors[field] = 'is after the assessment date ' + fmt(asOf);
  else if (dob != null && isBefore(date, dob)) errors[field] = 'is before dateOfBirth';
  return date;
}
function crossCheckBritish(c, nationalities, status, errors) {
  const britishCodes = [...c.britishCitizen, ...c.crownDependencies, ...c.overseasTerritories];
  if (status.britishCitizen && !anyOf(nationalities, britishCodes)) {
    errors.immigrationStatus = status.code + ' needs ' + list(c.britishCitizen)
      + ' (or a Crown Dependency or British Overseas Territory code) among nationalities';
  } else if (anyOf(nationalities, c.britishCitizen) && status.leave !== 'not_required') {
    errors.immigrationStatus = 'British citizens do not need leave: use the British citizen status';
  }
}
// Ask for a missing date only if some value of it changes what the person is told (RelevantFacts.java):
// judge them with its earliest and latest possible values and compare.
function requireRetainedRightsFacts(r, f, errors) {
  const c = r.countries;
  if (!r.nationUsesBasis(f.nation, EU_RETAINED) || !anyOf(f.nationalities, c.euOther)
    || f.status.britishCitizen) return;
  const citizenshipMissing = f.euSince == null && f.nationalities.some((n) => !c.euMemberStates.includes(n));
  const residences = f.resident == null ? [f.dob, f.asOf] : [f.resident];
  const citizenships = citizenshipMissing ? [null, f.asOf] : [f.euSince]; // null: since birth
  const told = (resident, euSince) => {
    const a = assemble(r, { ...f, resident, euSince });
    return JSON.stringify([a.registration, a.elections, a.basis, a.signposts, a.guidance.map((g) => g.messageId)]);
  };
  const cutOff = r.def.retainedRights.lastDayBeforeCutOff;
  if (residences.length > 1 && citizenships.some((e) => told(residences[0], e) !== told(residences[1], e))) {
    errors.residentInUkSince = 'required for this EU citizen: retained rights depend on living in the UK'
      + ' on or before ' + cutOff;
  }
  if (citizenships.length > 1 && residences.some((d) => told(d, citizenships[0]) !== told(d, citizenships[1]))) {
    errors.euCitizenshipSince = 'required for a dual national: retained rights depend on holding the EU'
      + ' citizenship on ' + cutOff;
  }
}

// ---- SwitchState.java ----
class SwitchState {
  constructor(switches, asOf, permissiveOpen) {
    this.switches = switches; this.asOf = asOf; this.open = permissiveOpen;
  }
  permissive(idOrSwitch) {
    const s = typeof idOrSwitch === 'string' ? this.switches.find((x) => x.id === idOrSwitch) : idOrSwitch;
    if (!s) return false;
    if (s.appliesFrom != null && isBefore(this.asOf, parse(s.appliesFrom))) return false;
    if (s.appliesUntil != null && !isBefore(this.asOf, parse(s.appliesUntil))) return true;
    if (s.value === 'signpost') return this.open.has(s.id);
    return s.value === s.readings.permissive;
  }
  ofKind(kind) { return this.switches.find((s) => s.kind === kind) || null; }
  permissiveOfKind(kind) { const s = this.ofKind(kind); return s ? this.permissive(s) : false; }
}

// ---- BasisClassifier.java ----
function classify(r, p, sw) {
  const c = r.countries;
  const has = (codes) => anyOf(p.nationalities, codes);
  const irish = has(c.irish);
  const lawful = p.status.leave !== 'none' || irish;
  const crown = has(c.crownDependencies);
  const british = has(c.britishCitizen) || p.status.britishCitizen
    || (crown && sw.permissiveOfKind('crown_dependency_british'));
  const listing = sw.ofKind('schedule3_listing');
  const schedule3 = p.nationalities.some((code) => c.schedule3Commonwealth.includes(code)
    && (!listing || !(listing.countries || []).includes(code) || sw.permissive(listing)));
  const commonwealth = schedule3 || has(c.britishNationalsCommonwealth) || has(c.overseasTerritories);
  const euNational = !british && !commonwealth && !irish && (has(c.schedule6A) || has(c.euOther));
  const eu5 = has(c.schedule6A) && lawful;
  const reason = eu5 ? null : retainedRightsReason(r, p, sw);
  const retained = reason === HELD;
  const relevantEu = euNational && (lawful || sw.permissiveOfKind('relevant_eu_citizen_without_leave'));
  const foreign = !british && !commonwealth && !irish;
  const holds = {
    [BRITISH]: british, [IRISH]: irish, [COMMONWEALTH]: commonwealth && lawful, [EU5]: eu5,
    [EU_RETAINED]: retained, [RELEVANT_EU]: relevantEu, [FOREIGN_NATIONAL]: foreign && lawful,
    [FOREIGN_CITIZEN]: foreign && !euNational && lawful,
  };
  const held = r.def.vocabularies.bases.map((b) => b.code).filter((code) => holds[code] === true);
  return { held, category: category(british, irish, commonwealth, euNational, lawful, held),
    retainedRightsReason: euNational ? reason : null };
}
function retainedRightsReason(r, p, sw) {
  const rule = r.def.retainedRights;
  if (rule == null || !anyOf(p.nationalities, r.countries.euOther)) return null;
  const route = p.status.retainedRightsRoute;
  if (route === 'euss_joining_family_member') return 'joining_family_member';
  if (route !== 'euss' && route !== 'other_leave' && route !== 'not_required') return 'no_leave';
  const cutOff = parse(rule.lastDayBeforeCutOff);
  if (p.euSince != null && isAfter(p.euSince, cutOff)) return 'citizenship_after_cut_off';
  if (p.resident == null || isAfter(p.resident, cutOff)) return 'resident_after_cut_off';
  if (route === 'euss') return HELD;
  return sw.permissiveOfKind('retained_rights_continuity') ? HELD : 'continuity_unconfirmed';
}
function category(british, irish, commonwealth, euNational, lawful, held) {
  if (british) return 'british';
  if (irish) return 'irish';
  if (commonwealth) return lawful ? 'commonwealth_with_leave' : 'commonwealth_without_leave';
  if (euNational) {
    if (held.includes(EU5)) return 'eu5_with_leave';
    if (held.includes(EU_RETAINED)) return 'eu_retained_rights';
    return lawful ? 'eu_with_leave' : 'eu_without_leave';
  }
  return lawful ? 'other_with_leave' : 'other_without_leave';
}

// ---- FranchiseEvaluator.java ----
function evaluate(r, p, sw) {
  const cl = classify(r, p, sw);
  const elections = {};
  const attainerRulesUsed = [];
  let anyYes = false, anyAttainer = false;
  for (const code of r.def.vocabularies.elections) {
    const election = p.nation.elections.find((e) => e.election === code);
    if (!election) { elections[code] = 'n-a'; continue; }
    const franchiseKnown = election.franchiseSwitch == null || sw.permissive(election.franchiseSwitch);
    const basisOk = franchiseKnown && r.franchise(election.franchise).bases.some((b) => cl.held.includes(b));
    const age = votingAge(election, sw);
    const yes = basisOk && reached(p.dob, age, p.asOf);
    elections[code] = yes ? 'yes' : 'no';
    anyYes = anyYes || yes;
    if (basisOk && !yes) {
      const rule = r.attainerRule(election.attainerRule);
      if (!attainerRulesUsed.includes(rule.id)) attainerRulesUsed.push(rule.id);
      anyAttainer = anyAttainer || isAttainer(rule, age, p, sw);
    }
  }
  return { registration: anyYes ? 'yes' : anyAttainer ? 'attainer' : 'no', elections, heldBases: cl.held,
    category: cl.category, retainedRightsReason: cl.retainedRightsReason, attainerRulesUsed };
}
function votingAge(election, sw) {
  const pending = election.pendingVotingAge;
  return pending != null && sw.permissive(pending.switchId) ? Math.min(election.votingAge, pending.age) : election.votingAge;
}
function isAttainer(rule, age, p, sw) {
  const end = windowEnd(p.asOf, rule.windowStart, rule.windowMonths);
  if (!isAfter(dateReaching(p.dob, age), end)) return true;
  return rule.minimumAge != null && sw.permissive(rule.minimumAgeSwitch) && reached(p.dob, rule.minimumAge, p.asOf);
}
const sameAnswer = (a, b) => a.registration === b.registration
  && JSON.stringify(a.elections) === JSON.stringify(b.elections);

// ---- ReadingCombinations.java + AssessmentAssembler.java ----
function assemble(r, p) {
  const open = r.switches.filter((s) => s.value === 'signpost');
  const outcomes = [];
  for (let mask = 0; mask < 1 << open.length; mask++) {
    const ids = new Set(open.filter((_, i) => mask & (1 << i)).map((s) => s.id));
    outcomes.push(evaluate(r, p, new SwitchState(r.switches, p.asOf, ids)));
  }
  const outcome = outcomes[0];
  const mattered = open.filter((_, i) => outcomes.some((o, mask) => (mask & (1 << i)) === 0
    && !sameAnswer(o, outcomes[mask | (1 << i)])));
  const basis = widestBasis(r, p.nation, outcome.heldBases) || (mattered.length ? 'unconfirmed' : 'none');
  const rules = r.guidanceRules.filter((rule) => matches(r, rule.when || {}, p, outcome, basis));
  const guidance = [];
  const signposts = new Set();
  const addMessage = (id) => {
    if (!guidance.some((g) => g.messageId === id)) guidance.push({ messageId: id, text: r.message(id) });
  };
  for (const rule of rules) { addMessage(rule.messageId); (rule.signposts || []).forEach((s) => signposts.add(s)); }
  for (const s of mattered) { addMessage(s.messageId); signposts.add(ERO); }
  return {
    rulesetVersion: r.def.version, registration: outcome.registration,
    elections: electionAnswers(p, outcome, outcomes, open), basis,
    ruleIds: ruleIds(r, p, outcome, basis, mattered, rules), guidance,
    signposts: r.def.vocabularies.signposts.filter((s) => signposts.has(s)),
  };
}
// An election no Act has set the franchise of yet is "not_yet_known", not "no", for someone the
// precedent reading would admit (AssessmentAssembler.electionAnswers, ReadingCombinations.opensElection).
function electionAnswers(p, outcome, outcomes, open) {
  const answers = { ...outcome.elections };
  const opens = (switchId, election) => open.some((s, i) => s.id === switchId && outcomes.some((o, mask) =>
    (mask & (1 << i)) === 0 && outcomes[mask | (1 << i)].elections[election] === 'yes' && o.elections[election] !== 'yes'));
  for (const e of p.nation.elections) {
    if (e.franchiseSwitch != null && answers[e.election] === 'no' && opens(e.franchiseSwitch, e.election)) {
      answers[e.election] = 'not_yet_known';
    }
  }
  return answers;
}
function widestBasis(r, nation, held) {
  let best = null, bestCount = 0;
  for (const basis of held) {
    const count = r.electionsAdmitting(nation, basis);
    if (count > bestCount) { best = basis; bestCount = count; }
  }
  return best;
}
function ruleIds(r, p, outcome, basis, mattered, rules) {
  const ids = new Set();
  ids.add(r.def.decisionRows[outcome.category]);
  r.def.vocabularies.bases.filter((b) => b.code === basis && b.definition != null).forEach((b) => ids.add(b.definition));
  if (p.status.definition != null) ids.add(p.status.definition);
  p.nation.elections.forEach((e) => ids.add(e.franchise));
  if (outcome.retainedRightsReason != null && r.nationUsesBasis(p.nation, EU_RETAINED)) {
    ids.add(r.def.retainedRights.ruleIds[outcome.retainedRightsReason]);
  }
  ids.add(r.def.registrationRules.general);
  outcome.attainerRulesUsed.forEach((id) => ids.add(id));
  if (p.nationalities.length > 1) ids.add(r.def.registrationRules.multipleNationalities);
  mattered.forEach((s) => s.ruleIds.forEach((id) => ids.add(id)));
  rules.forEach((rule) => (rule.ruleIds || []).forEach((id) => ids.add(id)));
  return [...ids];
}
function matches(r, w, p, outcome, basis) {
  const any = (allowed, value) => !allowed || allowed.length === 0 || allowed.includes(value);
  const has = (codes) => anyOf(p.nationalities, codes || []);
  return any(w.registration, outcome.registration) && any(w.basis, basis) && any(w.statuses, p.status.code)
    && any(w.nations, p.nation.code)
    && (!w.nationalities || w.nationalities.length === 0 || has(w.nationalities))
    && !has(w.withoutNationalities)
    && (!w.nationalityGroups || w.nationalityGroups.length === 0 || w.nationalityGroups.some((g) => has(r.group(g))))
    && (!w.electionsYes || w.electionsYes.length === 0 || w.electionsYes.some((e) => outcome.elections[e] === 'yes'))
    && (w.ageBelow == null || yearsOn(p.dob, p.asOf) < w.ageBelow)
    && (w.multipleNationalities == null || w.multipleNationalities === (p.nationalities.length > 1));
}

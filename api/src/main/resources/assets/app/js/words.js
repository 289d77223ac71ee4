// Everything the app says about codes, in plain words. Guidance texts come from the ruleset and
// its translations; these are the volunteer-facing labels of the app itself (English).
export const LOCALES = [
  { code: 'en', name: 'English', lang: 'en' }, { code: 'cy', name: 'Cymraeg (Welsh)', lang: 'cy' },
  { code: 'ur', name: 'اردو (Urdu)', lang: 'ur' }, { code: 'pa-Guru', name: 'ਪੰਜਾਬੀ (Punjabi, Gurmukhi)', lang: 'pa' },
  { code: 'pa-Arab', name: 'پنجابی (Punjabi, Shahmukhi)', lang: 'pa' }, { code: 'bn', name: 'বাংলা (Bengali)', lang: 'bn' },
  { code: 'pl', name: 'Polski (Polish)', lang: 'pl' }, { code: 'ro', name: 'Română (Romanian)', lang: 'ro' },
  { code: 'ar', name: 'العربية (Arabic)', lang: 'ar' }, { code: 'so', name: 'Soomaali (Somali)', lang: 'so' },
  { code: 'ti', name: 'ትግርኛ (Tigrinya)', lang: 'ti' }, { code: 'fa', name: 'فارسی (Persian)', lang: 'fa' },
  { code: 'uk', name: 'Українська (Ukrainian)', lang: 'uk' }, { code: 'zh-Hans', name: '简体中文 (Chinese)', lang: 'zh' },
];
export const RTL = new Set(['ur', 'pa-Arab', 'ar', 'fa']);

export const OUTCOMES = {
  registered_on_site: 'Registered on the spot', pledged: 'Pledged to register', already_registered: 'Already registered',
  not_eligible: 'Not eligible', declined: 'Declined', follow_up: 'Wants a follow-up',
};
export const AGE_BANDS = ['16-17', '18-24', '25-34', '35-49', '50-64', '65+'];
export const ELECTIONS = {
  uk_parliament: 'UK Parliament', local_england: 'Local council (England)', pcc: 'Police and crime commissioner',
  mayoral: 'Mayor', referendum_uk: 'UK referendum', scottish_parliament: 'Scottish Parliament and councils',
  senedd: 'Senedd and Welsh councils',
};
export const REGISTRATION = { yes: 'Can register now', attainer: 'Can register now, to vote from their birthday', no: 'Cannot register' };
export const STATUSES = {
  british_citizen: 'British citizen', no_leave_required: 'Does not need permission (e.g. Irish, right of abode)',
  indefinite_leave: 'Indefinite leave (ILR, not EU scheme)', settled: 'EU Settlement Scheme: settled',
  pre_settled: 'EU Settlement Scheme: pre-settled', eu_joining_family_member: 'EU scheme as a joining family member',
  limited_leave: 'Visa / limited leave', leave_extended_s3c: 'Leave extended while an application or appeal is pending',
  refugee_status: 'Refugee', asylum_seeker_pending: 'Asylum claim waiting for a decision', no_leave: 'No permission at present',
};
export const FLAGS = {
  conflict: 'Changed on two devices before they synced: the later change was kept and an organiser will check it.',
  clock_skew: "This phone's clock looked wrong when it was recorded: the server kept its own time of arrival.",
  outdated_ruleset: 'The guidance was worked out with rules that had since changed: an organiser may contact the person again.',
  late: 'Arrived after the drive closed (or after you left it): kept, and marked as late for the organiser.',
};
export const CONFLICT_REASONS = {
  fields: 'The same answer was changed on another phone or by an organiser. Your change arrived later, so it was kept; the other value is saved for an organiser to check.',
  deleted: 'This conversation had already been deleted, so your edit was not applied. It is kept for an organiser to see.',
  delete_supersedes_edits: 'You deleted this conversation after it had been changed elsewhere; the deletion stands and the other changes are kept in its history.',
};
export const FIELD_NAMES = {
  outcome: 'Outcome', ageBand: 'Age band', firstTimeRegistrant: 'First-time registrant', language: 'Conversation language',
  guidance: 'Guidance', driveId: 'Drive', recordedAt: 'Time recorded',
};
export const REJECTIONS = {
  drive_closed: 'The drive had closed before this reached the server.',
  drive_not_assigned: 'You are no longer assigned to this drive.',
  unknown_ruleset: "The guidance rules this phone used are unknown to the server: sync, then record the guidance again.",
  consent_required: 'The follow-up contact had no recorded consent, so nothing of it was kept.',
  forbidden_field: 'It held personal details the charity never keeps.',
  record_not_accessible: 'This conversation belongs to someone else.',
  mutation_id_reused: 'The app sent a change twice with different content (an app fault): tell your organiser.',
  late_quarantined: 'It arrived too long after the drive closed: kept aside for staff, who will decide.',
};
export const describeValue = (field, value) => {
  if (value == null) return 'not given';
  if (field === 'outcome') return OUTCOMES[value] || value;
  if (field === 'firstTimeRegistrant') return value ? 'yes' : 'no';
  if (field === 'language') return new Intl.DisplayNames(['en'], { type: 'language' }).of(value) || value;
  if (typeof value === 'object') return 'different guidance';
  return String(value);
};
/** Conversation languages: ISO 639-1 codes, as drive records hold them. */
export const LANGUAGES = ['en', 'cy', 'ur', 'pa', 'bn', 'pl', 'ro', 'ar', 'so', 'ti', 'fa', 'uk', 'zh', 'gu', 'hi', 'ps', 'ku', 'ta', 'pt', 'es', 'fr', 'lt', 'sk', 'cs', 'bg', 'hu', 'ku', 'am', 'ne', 'tr']
  .filter((c, i, all) => all.indexOf(c) === i);

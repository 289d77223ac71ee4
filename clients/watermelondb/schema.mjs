// The WatermelonDB schema and Model classes for drivesync's two synced tables, as the field app
// declares them. docs/clients/watermelondb.md shows the same thing with decorators for a React
// Native (Babel) build; this file is plain Node ESM so the interop test runs without a build step.
//
// Column names are the raw, snake_case names of the sync protocol. `id` is the record's UUID,
// generated on the device (see useUuidIds below).

import { createRequire } from 'node:module'
import { randomUUID } from 'node:crypto'

// The package's directory imports (e.g. '@nozbe/watermelondb/adapters/lokijs') do not resolve as
// ESM, so load it as CommonJS.
const require = createRequire(import.meta.url)
const { appSchema, tableSchema, Model } = require('@nozbe/watermelondb')
const { schemaMigrations } = require('@nozbe/watermelondb/Schema/migrations')
const { setGenerator } = require('@nozbe/watermelondb/utils/common/randomId')

export const SCHEMA_VERSION = 1

export const OUTCOMES = Object.freeze([
  'registered_on_site',
  'pledged',
  'already_registered',
  'not_eligible',
  'declined',
  'follow_up',
])
export const AGE_BANDS = Object.freeze(['16-17', '18-24', '25-34', '35-49', '50-64', '65+'])

/** Columns a device may push but that the server never sends back (always null on pull). */
export const WRITE_ONLY_COLUMNS = Object.freeze([
  'follow_up_consent',
  'follow_up_notice_version',
  'follow_up_channel',
  'follow_up_name',
  'follow_up_contact',
])

export const schema = appSchema({
  version: SCHEMA_VERSION,
  tables: [
    tableSchema({
      name: 'drive_records',
      columns: [
        { name: 'drive_id', type: 'string', isIndexed: true },
        { name: 'outcome', type: 'string' },
        // Optional columns stay null rather than becoming '' / 0 / false: the server reads '' as
        // null, but a false would be stored as an answer.
        { name: 'guidance_ruleset', type: 'string', isOptional: true },
        { name: 'guidance_basis', type: 'string', isOptional: true },
        { name: 'guidance_registration', type: 'string', isOptional: true },
        { name: 'guidance_elections', type: 'string', isOptional: true },
        { name: 'guidance_signposts', type: 'string', isOptional: true },
        { name: 'age_band', type: 'string', isOptional: true },
        { name: 'first_time_registrant', type: 'boolean', isOptional: true },
        { name: 'language', type: 'string', isOptional: true },
        { name: 'recorded_at', type: 'number' },
        // Write-only: accepted on push, always null on pull.
        { name: 'follow_up_consent', type: 'boolean', isOptional: true },
        { name: 'follow_up_notice_version', type: 'string', isOptional: true },
        { name: 'follow_up_channel', type: 'string', isOptional: true },
        { name: 'follow_up_name', type: 'string', isOptional: true },
        { name: 'follow_up_contact', type: 'string', isOptional: true },
      ],
    }),
    // Read-only for devices: the server refuses any pushed change to drives.
    tableSchema({
      name: 'drives',
      columns: [
        { name: 'name', type: 'string' },
        { name: 'local_authority', type: 'string' },
        { name: 'region', type: 'string' },
        { name: 'venue_type', type: 'string' },
        { name: 'starts_on', type: 'string' },
        { name: 'ends_on', type: 'string' },
        { name: 'status', type: 'string' },
      ],
    }),
  ],
})

// No migrations yet. Declaring the (empty) list is what lets synchronize() run with
// migrationsEnabledAtVersion: 1; the first real migration goes here as { toVersion: 2, steps }.
export const migrations = schemaMigrations({ migrations: [] })

/** Defines camelCase getters/setters over raw columns, as @field / @text decorators would. */
function defineFields(ModelClass, fields) {
  for (const [property, column] of Object.entries(fields)) {
    Object.defineProperty(ModelClass.prototype, property, {
      configurable: true,
      enumerable: true,
      get() {
        return this._getRaw(column)
      },
      set(value) {
        this._setRaw(column, value)
      },
    })
  }
}

export class Drive extends Model {
  static table = 'drives'

  static associations = {
    drive_records: { type: 'has_many', foreignKey: 'drive_id' },
  }
}
defineFields(Drive, {
  name: 'name',
  localAuthority: 'local_authority',
  region: 'region',
  venueType: 'venue_type',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  status: 'status',
})

export class DriveRecord extends Model {
  static table = 'drive_records'

  static associations = {
    drives: { type: 'belongs_to', key: 'drive_id' },
  }
}
defineFields(DriveRecord, {
  driveId: 'drive_id',
  outcome: 'outcome',
  guidanceRuleset: 'guidance_ruleset',
  guidanceBasis: 'guidance_basis',
  guidanceRegistration: 'guidance_registration',
  guidanceElections: 'guidance_elections',
  guidanceSignposts: 'guidance_signposts',
  ageBand: 'age_band',
  firstTimeRegistrant: 'first_time_registrant',
  language: 'language',
  recordedAt: 'recorded_at',
  followUpConsent: 'follow_up_consent',
  followUpNoticeVersion: 'follow_up_notice_version',
  followUpChannel: 'follow_up_channel',
  followUpName: 'follow_up_name',
  followUpContact: 'follow_up_contact',
})

export const modelClasses = [Drive, DriveRecord]

/** Makes WatermelonDB give new records UUIDs (the server's record ids) instead of its own ids. */
export function useUuidIds() {
  setGenerator(() => randomUUID())
}

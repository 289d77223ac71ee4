// Interoperability test for issue 8: the real @nozbe/watermelondb synchronize() (LokiJS adapter, in
// memory, Node 20) against a running drivesync server.
//
//   DRIVESYNC_BASE_URL=http://127.0.0.1:18080 DRIVESYNC_ADMIN_TOKEN=... node --test interop.test.mjs
//
// (run-interop.sh sets both.) Two devices of one participant edit the same records offline, sync in
// both orders and in the middle of each other's sync, one deletes a record, a push is replayed after
// a lost response, and a third device must then see exactly the merged state. Values overwritten by
// a same-column conflict must survive in the record's version history (the staff history endpoint,
// or GET /api/v1/records/{id} while that endpoint is not on the server: see versions()).
//
// The steps share state and run in order; once one fails, the rest are skipped rather than piling
// up follow-on failures. The library logs protocol problems instead of throwing, so any warning or
// error it logs fails the step in which it was logged.

import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { randomBytes, randomUUID } from 'node:crypto'

import { schema, migrations, modelClasses, useUuidIds, WRITE_ONLY_COLUMNS } from './schema.mjs'
import { watermelonSyncCalls, syncWithRetry, SYNC_PATH } from './sync.mjs'

const require = createRequire(import.meta.url)
const { Database } = require('@nozbe/watermelondb')
const LokiJSAdapter = require('@nozbe/watermelondb/adapters/lokijs').default
const { hasUnsyncedChanges } = require('@nozbe/watermelondb/sync')
const logger = require('@nozbe/watermelondb/utils/common/logger').default

// ---------------------------------------------------------------------------------------------
// Bounded run time: the whole file gives up after 120 s (run-interop.sh has its own outer limit).
const OVERALL_TIMEOUT_MS = Number(process.env.INTEROP_TIMEOUT_MS || 120_000)
const overall = setTimeout(() => {
  console.error(`interop: gave up after ${OVERALL_TIMEOUT_MS} ms`)
  process.exit(1)
}, OVERALL_TIMEOUT_MS)
overall.unref()
const REQUEST_TIMEOUT_MS = 15_000

const BASE_URL = (process.env.DRIVESYNC_BASE_URL || '').replace(/\/+$/, '')
const ADMIN_TOKEN = process.env.DRIVESYNC_ADMIN_TOKEN || ''

// ---------------------------------------------------------------------------------------------
// The library's logger: warnings and errors are failures, the rest is kept for diagnosis.
const libraryProblems = []
const libraryChatter = []
const formatLog = (messages) =>
  messages.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ')
logger.warn = (...messages) => libraryProblems.push(`warn: ${formatLog(messages)}`)
logger.error = (...messages) => libraryProblems.push(`error: ${formatLog(messages)}`)
logger.log = (...messages) => libraryChatter.push(formatLog(messages))
logger.debug = (...messages) => libraryChatter.push(formatLog(messages))

useUuidIds()

// ---------------------------------------------------------------------------------------------
// Steps that share state: a failed step skips the rest.
let failedStep = null
function step(name, fn) {
  test(name, async (t) => {
    if (failedStep) {
      t.skip(`skipped: step "${failedStep}" failed`)
      return
    }
    const problemsBefore = libraryProblems.length
    try {
      await fn(t)
      const problems = libraryProblems.slice(problemsBefore)
      assert.deepEqual(problems, [], 'WatermelonDB logged warnings or errors')
    } catch (error) {
      failedStep = name
      if (error?.syncLogs) console.error('sync logs:', JSON.stringify(error.syncLogs, null, 1))
      throw error
    }
  })
}

after(() => {
  clearTimeout(overall)
  if (failedStep && libraryChatter.length) console.error(`WatermelonDB log:\n${libraryChatter.join('\n')}`)
})

// ---------------------------------------------------------------------------------------------
// Plain HTTP helpers (for setup, the audit endpoint and the raw replay).
async function api(method, path, { token = ADMIN_TOKEN, body, expect } = {}) {
  const headers = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  })
  const text = await response.text()
  let json
  try {
    json = text ? JSON.parse(text) : {}
  } catch {
    json = { unparsed: text.slice(0, 500) }
  }
  if (expect !== undefined) {
    const ok = Array.isArray(expect) ? expect.includes(response.status) : response.status === expect
    assert.ok(ok, `${method} ${path}: expected ${expect}, got ${response.status} ${JSON.stringify(json)}`)
  }
  return { status: response.status, body: json }
}

const isoDate = (offsetDays) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)
const minutesAgo = (minutes) => Date.now() - minutes * 60_000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const suffix = randomBytes(4).toString('hex')

// camelCase names of the audit endpoint's record fields
const camel = (column) => column.replace(/_([a-z])/g, (_, c) => c.toUpperCase())

// ---------------------------------------------------------------------------------------------
// A device: its own in-memory WatermelonDB, its token, and a log of every sync HTTP exchange.
class Device {
  constructor(name, enrolment) {
    this.name = name
    this.deviceId = enrolment.deviceId
    this.token = enrolment.token
    this.http = []
    this.adapter = new LokiJSAdapter({
      schema,
      migrations,
      dbName: `interop-${name}-${suffix}`,
      useWebWorker: false,
      useIncrementalIndexedDB: true,
      extraLokiOptions: { autosave: false },
    })
    this.db = new Database({ adapter: this.adapter, modelClasses })
    this.calls = watermelonSyncCalls({
      baseUrl: BASE_URL,
      token: this.token,
      timeoutMs: REQUEST_TIMEOUT_MS,
      onResponse: (exchange) => this.http.push(exchange),
    })
  }

  /** synchronize() with the 409 retry; `calls` may wrap this device's own pull/push. */
  async sync({ calls = this.calls, maxAttempts = 3 } = {}) {
    const result = await syncWithRetry(this.db, calls, { maxAttempts })
    for (const log of result.logs) {
      assert.ok(
        !log.rejectedIds || Object.values(log.rejectedIds).every((ids) => ids.length === 0),
        `${this.name}: server rejected records ${JSON.stringify(log.rejectedIds)}`,
      )
    }
    return result
  }

  /** HTTP exchanges since `mark` as "GET 200" / "POST 409" strings. */
  exchangesSince(mark) {
    return this.http.slice(mark).map((e) => `${e.method} ${e.status}`)
  }

  async create(fields) {
    let record
    await this.db.write(async () => {
      record = await this.db.get('drive_records').create((r) => Object.assign(r, fields))
    })
    return record.id
  }

  async edit(id, fields) {
    const record = await this.db.get('drive_records').find(id)
    await this.db.write(async () => {
      await record.update((r) => Object.assign(r, fields))
    })
  }

  async remove(id) {
    const record = await this.db.get('drive_records').find(id)
    await this.db.write(async () => {
      await record.markAsDeleted()
    })
  }

  /** table rows by id, without the local bookkeeping columns (_status, _changed). */
  async rows(table = 'drive_records') {
    const records = await this.db.get(table).query().fetch()
    const byId = {}
    for (const record of records) {
      const { _status, _changed, ...columns } = record._raw
      byId[record.id] = columns
    }
    return byId
  }

  async row(id) {
    return (await this.rows())[id]
  }

  async hasUnsynced() {
    return hasUnsyncedChanges({ database: this.db })
  }
}

// ---------------------------------------------------------------------------------------------
// Shared state
const ctx = {}
const devices = {}
/** What the test expects of each live record, by column (only the columns it sets). */
const expected = {}

async function enrolDevice(name) {
  const enrolment = await api('POST', `/api/v1/users/${ctx.participantId}/enrolments`, { body: {}, expect: 201 })
  assert.equal(typeof enrolment.body.code, 'string', 'enrolment has a code')
  const enrolled = await api('POST', '/api/v1/devices/enrol', {
    token: null,
    body: { code: enrolment.body.code, deviceName: `interop ${name}`, appVersion: 'interop-1' },
    expect: 201,
  })
  assert.equal(typeof enrolled.body.token, 'string', 'enrolment gives a device token')
  assert.equal(typeof enrolled.body.deviceId, 'string', 'enrolment gives a device id')
  return new Device(name, enrolled.body)
}

/** The record as staff see it now (GET /api/v1/records/{id}): its version and camelCase fields. */
async function serverRecord(recordId) {
  const { body } = await api('GET', `/api/v1/records/${recordId}`, { token: ctx.staffToken, expect: 200 })
  assert.equal(body.id, recordId)
  return body
}

// GET /api/v1/audit/records/{id}/history is built on another branch. Until it is on the server,
// it answers 404 and the version history is checked through GET /api/v1/records/{id} instead:
// versions are append-only (the service may only insert into drive_record_versions), so a value
// seen on the server at version N, with a later version holding the newer value, is still stored
// in version N. Once the endpoint answers, the full history is checked as written.
let historyEndpoint // undefined until probed, then true or false

/**
 * The record's versions, oldest first, each {version, record, deviceId}. Without the history
 * endpoint: only the current version (deviceId null).
 */
async function versions(recordId) {
  if (historyEndpoint !== false) {
    const reply = await api('GET', `/api/v1/audit/records/${recordId}/history`, { token: ctx.staffToken })
    if (reply.status === 200) {
      historyEndpoint = true
      assert.equal(reply.body.recordId, recordId)
      assert.ok(Array.isArray(reply.body.versions) && reply.body.versions.length > 0, `history of ${recordId} has versions`)
      return reply.body.versions
    }
    assert.ok(reply.status === 404 && historyEndpoint === undefined, `history endpoint: ${reply.status} ${JSON.stringify(reply.body)}`)
    historyEndpoint = false
    console.log('# no GET /api/v1/audit/records/{id}/history on this server: versions checked through GET /api/v1/records/{id}')
  }
  const record = await serverRecord(recordId)
  return [{ version: record.version, record, deviceId: null }]
}

/**
 * The value `overwritten` of `column` must be in an older version of the record than the newest,
 * and the newest must hold `current`. `seen` is the record as the server held it while
 * `overwritten` was its value (serverRecord), for servers without the history endpoint.
 */
async function assertOverwrittenValueKept(recordId, column, overwritten, current, overwrittenBy, seen) {
  const field = camel(column)
  assert.equal(seen?.[field], overwritten, `the server held ${field}=${overwritten} at version ${seen?.version}`)
  const all = await versions(recordId)
  const newest = all.reduce((a, b) => (b.version > a.version ? b : a))
  assert.equal(newest.record?.[field], current, `newest version of ${recordId} has ${field}=${current}`)
  if (!historyEndpoint) {
    assert.ok(newest.version > seen.version, `version ${seen.version} (${field}=${overwritten}) was superseded, not rewritten`)
    return
  }
  const older = all.filter((v) => v.version < newest.version && v.record?.[field] === overwritten)
  assert.ok(
    older.length > 0,
    `an older version of ${recordId} keeps ${field}=${overwritten}; versions: ${JSON.stringify(
      all.map((v) => ({ version: v.version, [field]: v.record?.[field], deviceId: v.deviceId })),
    )}`,
  )
  if (overwrittenBy) {
    assert.ok(
      older.some((v) => v.deviceId === overwrittenBy.deviceId),
      `the version with ${field}=${overwritten} was recorded by ${overwrittenBy.name}`,
    )
  }
}

/** Every device's copy of a record matches the expected column values. */
async function assertRecordEverywhere(id, deviceList) {
  for (const device of deviceList) {
    const row = await device.row(id)
    assert.ok(row, `${device.name} has record ${id}`)
    for (const [column, value] of Object.entries(expected[id])) {
      assert.deepEqual(row[column], value, `${device.name}: ${id}.${column}`)
    }
    for (const column of WRITE_ONLY_COLUMNS) {
      assert.equal(row[column], null, `${device.name}: write-only ${column} comes back null`)
    }
  }
}

function expect(id, fields) {
  expected[id] = { ...(expected[id] || {}), ...fields }
}

/** Columns (snake_case) from camelCase model fields. */
const columnsOf = (fields) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]))

/** Calls that run `hook` once, just before the first push (i.e. between this sync's pull and push). */
function callsWithHookBeforePush(device, hook) {
  let fired = false
  return {
    pullChanges: device.calls.pullChanges,
    async pushChanges(args) {
      if (!fired) {
        fired = true
        await hook()
      }
      return device.calls.pushChanges(args)
    },
  }
}

/** A full pull (no last_pulled_at) as a device, without touching its database: the server's view. */
async function serverView(device) {
  const { body } = await api('GET', `${SYNC_PATH}?schema_version=1`, { token: device.token, expect: 200 })
  const rows = {}
  for (const raw of body.changes.drive_records.updated) rows[raw.id] = raw
  return rows
}

// ---------------------------------------------------------------------------------------------
step('setup: server reachable, participant, drive and staff session created', async () => {
  assert.ok(BASE_URL, 'DRIVESYNC_BASE_URL is set')
  assert.ok(ADMIN_TOKEN.length >= 32, 'DRIVESYNC_ADMIN_TOKEN is set (32+ characters)')

  const participant = await api('POST', '/api/v1/users', {
    body: {
      name: `Interop Participant ${suffix}`,
      role: 'participant',
      regions: ['E12000005'],
      cohort: 'MPower 2026',
      trainedOn: '2026-01-10',
    },
    expect: 201,
  })
  assert.match(participant.body.id, UUID)
  ctx.participantId = participant.body.id

  const driveRequest = {
    name: `Interop drive ${suffix}`,
    localAuthority: 'E08000025',
    venueType: 'community_centre',
    startsOn: isoDate(-30),
    endsOn: isoDate(60),
    participantIds: [ctx.participantId],
  }
  const drive = await api('POST', '/api/v1/drives', { body: driveRequest, expect: 201 })
  assert.match(drive.body.id, UUID)
  assert.equal(drive.body.region, 'E12000005')
  assert.equal(typeof drive.body.status, 'string')
  ctx.drive = { ...driveRequest, id: drive.body.id, status: drive.body.status }

  const email = `staff-${suffix}-${randomBytes(3).toString('hex')}@example.org`
  const password = randomBytes(24).toString('base64url')
  await api('POST', '/api/v1/users', {
    body: { name: `Interop Staff ${suffix}`, email, role: 'staff', password },
    expect: 201,
  })
  const session = await api('POST', '/api/v1/sessions', { token: null, body: { email, password }, expect: [200, 201] })
  assert.equal(typeof session.body.token, 'string', 'a session token')
  ctx.staffToken = session.body.token
})

step('devices A and B enrol; their first sync brings the drive (read-only) and no records', async () => {
  devices.A = await enrolDevice('A')
  devices.B = await enrolDevice('B')
  assert.notEqual(devices.A.deviceId, devices.B.deviceId)

  for (const device of [devices.A, devices.B]) {
    const result = await device.sync()
    assert.equal(result.attempts, 1)
    assert.deepEqual(device.exchangesSince(0), ['GET 200'], `${device.name}: one pull, nothing to push`)
    const first = device.http[0]
    assert.ok(!first.url.includes('last_pulled_at'), 'the first pull has no last_pulled_at')
    assert.ok(first.url.includes('schema_version=1'), 'the pull sends schema_version=1')
    assert.equal(typeof first.body.timestamp, 'number', 'the pull timestamp is a JSON number')
    assert.deepEqual(first.body.changes.drives.created, [], 'drives come as updated, never created')
    assert.deepEqual(first.body.changes.drive_records.created, [], 'records come as updated, never created')

    const drives = await device.rows('drives')
    assert.deepEqual(Object.keys(drives), [ctx.drive.id], `${device.name} sees exactly its drive`)
    assert.deepEqual(drives[ctx.drive.id], {
      id: ctx.drive.id,
      name: ctx.drive.name,
      local_authority: 'E08000025',
      region: 'E12000005',
      venue_type: 'community_centre',
      starts_on: ctx.drive.startsOn,
      ends_on: ctx.drive.endsOn,
      status: ctx.drive.status,
    })
    assert.deepEqual(await device.rows(), {}, `${device.name}: no records yet`)
    assert.equal(await device.hasUnsynced(), false)
  }
})

step('A records four conversations offline and pushes them; B pulls them unchanged', async () => {
  const { A, B } = devices
  const base = { driveId: ctx.drive.id, guidanceRuleset: null }
  const seeds = [
    { outcome: 'registered_on_site', ageBand: '18-24', firstTimeRegistrant: true, language: 'ur', recordedAt: minutesAgo(50) },
    { outcome: 'pledged', ageBand: '25-34', firstTimeRegistrant: false, language: 'pa', recordedAt: minutesAgo(45) },
    { outcome: 'follow_up', ageBand: '35-49', firstTimeRegistrant: true, language: 'bn', recordedAt: minutesAgo(40) },
    { outcome: 'not_eligible', ageBand: '16-17', firstTimeRegistrant: false, language: 'so', recordedAt: minutesAgo(35) },
  ]
  ctx.ids = []
  for (const seed of seeds) {
    const id = await A.create({ ...base, ...seed })
    assert.match(id, UUID, 'record ids are UUIDs')
    ctx.ids.push(id)
    expect(id, columnsOf({ ...base, ...seed }))
  }
  const mark = A.http.length
  await A.sync()
  assert.deepEqual(A.exchangesSince(mark), ['GET 200', 'POST 200'])
  const pushed = JSON.parse(A.http.at(-1).requestBody)
  assert.equal(pushed.drive_records.created.length, 4, 'new records are pushed as created')
  assert.deepEqual(pushed.drives, { created: [], updated: [], deleted: [] }, 'no drive changes pushed')
  assert.equal(await A.hasUnsynced(), false)

  await B.sync()
  const pulled = B.http.at(-1).body.changes.drive_records
  assert.deepEqual(pulled.created, [])
  assert.deepEqual(pulled.updated.map((r) => r.id).sort(), [...ctx.ids].sort())
  for (const raw of pulled.updated) {
    assert.ok(!('_status' in raw) && !('_changed' in raw), 'pulled records carry no _status/_changed')
  }
  for (const id of ctx.ids) await assertRecordEverywhere(id, [A, B])
})

step('different columns, A syncs first then B: both edits kept on both devices', async () => {
  const { A, B } = devices
  const [r1] = ctx.ids
  await A.edit(r1, { outcome: 'pledged' })
  await B.edit(r1, { language: 'ar' })
  expect(r1, { outcome: 'pledged', language: 'ar' })

  const a = await A.sync()
  const b = await B.sync()
  assert.equal(a.conflicts + b.conflicts, 0, 'no 409: B pulled A’s change before pushing')
  const merged = b.logs.at(-1).resolvedConflicts || []
  assert.ok(merged.some((c) => c.local.id === r1), 'B merged A’s version into its local edit')
  await A.sync()
  await assertRecordEverywhere(r1, [A, B])
})

step('different columns, B syncs first then A: both edits kept on both devices', async () => {
  const { A, B } = devices
  const r2 = ctx.ids[1]
  await B.edit(r2, { ageBand: '50-64' })
  await A.edit(r2, { firstTimeRegistrant: true })
  expect(r2, { age_band: '50-64', first_time_registrant: true })

  await B.sync()
  await A.sync()
  await B.sync()
  await assertRecordEverywhere(r2, [A, B])
})

step('same column, A syncs first then B: B’s value wins, A’s stays in the history', async () => {
  const { A, B } = devices
  const r2 = ctx.ids[1]
  await A.edit(r2, { outcome: 'declined' })
  await B.edit(r2, { outcome: 'already_registered' })
  expect(r2, { outcome: 'already_registered' })

  await A.sync()
  const seen = await serverRecord(r2)
  const b = await B.sync()
  const conflict = (b.logs.at(-1).resolvedConflicts || []).find((c) => c.local.id === r2)
  assert.ok(conflict, 'B resolved a conflict on the record')
  assert.equal(conflict.remote.outcome, 'declined')
  assert.equal(conflict.resolved.outcome, 'already_registered', 'the column changed locally wins')
  await A.sync()
  await assertRecordEverywhere(r2, [A, B])
  await assertOverwrittenValueKept(r2, 'outcome', 'declined', 'already_registered', A, seen)
})

step('same column, B syncs first then A: A’s value wins, B’s stays in the history', async () => {
  const { A, B } = devices
  const r3 = ctx.ids[2]
  await B.edit(r3, { language: 'pl' })
  await A.edit(r3, { language: 'ro' })
  expect(r3, { language: 'ro' })

  await B.sync()
  const seen = await serverRecord(r3)
  await A.sync()
  await B.sync()
  await assertRecordEverywhere(r3, [A, B])
  await assertOverwrittenValueKept(r3, 'language', 'pl', 'ro', B, seen)
})

step('B pushes between A’s pull and push: A’s push gets 409 and the retry pulls again', async () => {
  const { A, B } = devices
  const [r1] = ctx.ids
  await A.edit(r1, { ageBand: '65+', language: 'so' })
  await B.edit(r1, { firstTimeRegistrant: false, language: 'ti' })
  // A pushes last, so A's language wins; B's other column survives the merge.
  expect(r1, { age_band: '65+', language: 'so', first_time_registrant: false })

  const markA = A.http.length
  const markB = B.http.length
  let seen
  const calls = callsWithHookBeforePush(A, async () => {
    const b = await B.sync()
    assert.equal(b.attempts, 1)
    seen = await serverRecord(r1)
  })
  const a = await A.sync({ calls })
  assert.deepEqual(B.exchangesSince(markB), ['GET 200', 'POST 200'], 'B synced while A was between pull and push')
  assert.deepEqual(A.exchangesSince(markA), ['GET 200', 'POST 409', 'GET 200', 'POST 200'], 'A: 409, then pull and push again')
  assert.equal(A.http[markA + 1].body.code, 'conflict', 'the 409 body has code "conflict"')
  assert.equal(a.attempts, 2)
  assert.equal(a.conflicts, 1)
  const repull = A.http[markA + 2].body.changes.drive_records.updated
  assert.ok(repull.some((r) => r.id === r1), 'the second pull brings B’s version of the record')

  await B.sync()
  await assertRecordEverywhere(r1, [A, B])
  await assertOverwrittenValueKept(r1, 'language', 'ti', 'so', B, seen)
})

step('A pushes between B’s pull and push: B’s push gets 409 and the retry pulls again', async () => {
  const { A, B } = devices
  const r3 = ctx.ids[2]
  await B.edit(r3, { outcome: 'registered_on_site' })
  await A.edit(r3, { ageBand: '25-34' })
  expect(r3, { outcome: 'registered_on_site', age_band: '25-34' })

  const markA = A.http.length
  const markB = B.http.length
  const b = await B.sync({ calls: callsWithHookBeforePush(B, () => A.sync()) })
  assert.deepEqual(A.exchangesSince(markA), ['GET 200', 'POST 200'])
  assert.deepEqual(B.exchangesSince(markB), ['GET 200', 'POST 409', 'GET 200', 'POST 200'])
  assert.equal(b.conflicts, 1)

  await A.sync()
  await assertRecordEverywhere(r3, [A, B])
})

step('B deletes a record: A’s next pull removes it', async () => {
  const { A, B } = devices
  const r4 = ctx.ids[3]
  await B.remove(r4)
  delete expected[r4]
  // A record created and discarded before any sync: the library still pushes its id as deleted,
  // so the server must accept the deletion of an id it never saw.
  const discarded = await B.create({ driveId: ctx.drive.id, outcome: 'pledged', recordedAt: minutesAgo(5) })
  await B.remove(discarded)

  const markB = B.http.length
  await B.sync()
  assert.deepEqual(B.exchangesSince(markB), ['GET 200', 'POST 200'])
  assert.deepEqual(
    [...JSON.parse(B.http.at(-1).requestBody).drive_records.deleted].sort(),
    [r4, discarded].sort(),
    'deletions are pushed by id',
  )
  assert.equal(await B.row(r4), undefined)
  assert.equal(await B.hasUnsynced(), false)

  const markA = A.http.length
  await A.sync()
  assert.deepEqual(A.exchangesSince(markA), ['GET 200'])
  const pull = A.http.at(-1)
  assert.ok(pull.body.changes.drive_records.deleted.includes(r4), 'the pull lists the deleted id')
  assert.equal(await A.row(r4), undefined, 'A no longer has the deleted record')
})

step('a push replayed after a lost response changes nothing', async () => {
  const { A, B } = devices
  const r2 = ctx.ids[1]
  const r5Fields = {
    driveId: ctx.drive.id,
    outcome: 'declined',
    ageBand: '18-24',
    firstTimeRegistrant: true,
    language: 'fa',
    recordedAt: minutesAgo(10),
  }
  const r5 = await A.create(r5Fields)
  ctx.ids.push(r5)
  expect(r5, columnsOf(r5Fields))
  await A.edit(r2, { language: 'ku' })
  expect(r2, { language: 'ku' })

  // A's push reaches the server, but the response never reaches A.
  let captured
  const lostResponse = {
    pullChanges: A.calls.pullChanges,
    async pushChanges({ changes, lastPulledAt }) {
      captured = { path: `${SYNC_PATH}?last_pulled_at=${lastPulledAt}`, body: JSON.stringify(changes) }
      const first = await api('POST', captured.path, { token: A.token, body: captured.body })
      assert.equal(first.status, 200, `the first send is accepted: ${JSON.stringify(first.body)}`)
      throw new Error('simulated lost response')
    },
  }
  await assert.rejects(A.sync({ calls: lostResponse }), /simulated lost response/)
  assert.equal(await A.hasUnsynced(), true, 'A still holds its changes as unsynced')

  const viewBefore = await serverView(B)
  const historyBefore = { r2: await versions(r2), r5: await versions(r5) }
  assert.equal(viewBefore[r5]?.language, 'fa', 'the first send created the record')

  // The same push body, sent again with raw fetch (as a retrying client would).
  const replay = await api('POST', captured.path, { token: A.token, body: captured.body })
  assert.equal(replay.status, 200, `the replay is accepted as a no-op: ${JSON.stringify(replay.body)}`)
  assert.deepEqual(replay.body, {}, 'the replay refuses no record')
  assert.deepEqual(await serverView(B), viewBefore, 'the replay changed no record')
  assert.deepEqual({ r2: await versions(r2), r5: await versions(r5) }, historyBefore, 'the replay added no version')

  // A's next ordinary sync recovers: its changes were already applied, so nothing is lost or doubled.
  const a = await A.sync()
  assert.ok(a.attempts <= 2)
  assert.equal(await A.hasUnsynced(), false)
  await B.sync()
  await assertRecordEverywhere(r5, [A, B])
  await assertRecordEverywhere(r2, [A, B])
})

step('pushing a change to a drive is refused and changes nothing', async () => {
  const { A } = devices
  const lastPull = A.http.filter((e) => e.method === 'GET').at(-1).body.timestamp
  const drive = (await A.rows('drives'))[ctx.drive.id]
  const body = {
    drives: { created: [], updated: [{ ...drive, name: 'renamed by a device', _status: 'updated', _changed: 'name' }], deleted: [] },
    drive_records: { created: [], updated: [], deleted: [] },
  }
  const refused = await api('POST', `${SYNC_PATH}?last_pulled_at=${lastPull}`, { token: A.token, body })
  assert.ok(refused.status >= 400 && refused.status < 500, `a drive change is refused, got ${refused.status}`)
  assert.equal(typeof refused.body.code, 'string', 'the refusal has an error code')
  const { body: pull } = await api('GET', `${SYNC_PATH}?schema_version=1`, { token: A.token, expect: 200 })
  const serverDrive = pull.changes.drives.updated.find((d) => d.id === ctx.drive.id)
  assert.equal(serverDrive.name, ctx.drive.name, 'the drive keeps its name')
})

step('device C enrols and sees exactly the merged state', async () => {
  const { A, B } = devices
  // Let A and B settle: each pulls what the other pushed last.
  await A.sync()
  await B.sync()
  await A.sync()
  assert.equal(await A.hasUnsynced(), false)
  assert.equal(await B.hasUnsynced(), false)

  devices.C = await enrolDevice('C')
  const { C } = devices
  await C.sync()
  assert.deepEqual(C.exchangesSince(0), ['GET 200'])

  const liveIds = Object.keys(expected).sort()
  const [rowsA, rowsB, rowsC] = [await A.rows(), await B.rows(), await C.rows()]
  assert.deepEqual(Object.keys(rowsC).sort(), liveIds, 'C has exactly the live records')
  assert.deepEqual(rowsA, rowsC, 'A and C hold the same records')
  assert.deepEqual(rowsB, rowsC, 'B and C hold the same records')
  for (const id of liveIds) await assertRecordEverywhere(id, [A, B, C])
  assert.deepEqual(Object.keys(await C.rows('drives')), [ctx.drive.id])
})

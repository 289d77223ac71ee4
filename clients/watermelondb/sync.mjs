// The glue between WatermelonDB's synchronize() and drivesync's sync endpoint: two fetch calls
// (pull and push) with the device's bearer token, and the retry the app must do when a push is
// refused with 409 because the server changed since the pull.
//
// Everything here uses only fetch, so it is the same code a React Native app runs (there the
// import is simply `import { synchronize } from '@nozbe/watermelondb/sync'`).

import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { synchronize } = require('@nozbe/watermelondb/sync')

export const SYNC_PATH = '/api/v1/sync/watermelon'

/** A non-2xx answer from drivesync; `code` is the error body's code ("conflict" for a 409). */
export class SyncHttpError extends Error {
  constructor(method, url, status, body) {
    const code = body && typeof body === 'object' ? body.code : undefined
    const message = body && typeof body === 'object' ? body.message : undefined
    super(`${method} ${url} -> ${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`)
    this.name = 'SyncHttpError'
    this.status = status
    this.code = code
    this.body = body
  }
}

/** True when synchronize() failed because the push met newer server changes (pull again). */
export function isConflict(error) {
  return error instanceof SyncHttpError && error.status === 409
}

async function readJson(response) {
  const text = await response.text()
  if (!text) return {}
  try {
    return JSON.parse(text)
  } catch {
    return { code: 'not_json', message: text.slice(0, 500) }
  }
}

/**
 * The pullChanges/pushChanges pair for synchronize().
 *
 * @param {object} options
 * @param {string} options.baseUrl e.g. https://drivesync.example.org (no trailing slash needed)
 * @param {string | (() => string | Promise<string>)} options.token the device token from enrolment
 * @param {typeof fetch} [options.fetch] defaults to the global fetch
 * @param {number} [options.timeoutMs] per request; defaults to 30 s
 * @param {(event: object) => void} [options.onResponse] sees every request/answer (tests, logging)
 */
export function watermelonSyncCalls({ baseUrl, token, fetch: fetchImpl, timeoutMs = 30_000, onResponse }) {
  const doFetch = fetchImpl ?? globalThis.fetch
  const root = String(baseUrl).replace(/\/+$/, '')

  async function call(method, url, body) {
    const bearer = typeof token === 'function' ? await token() : token
    const headers = { Accept: 'application/json', Authorization: `Bearer ${bearer}` }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const requestBody = body === undefined ? undefined : JSON.stringify(body)
    const response = await doFetch(url, {
      method,
      headers,
      body: requestBody,
      signal: AbortSignal.timeout(timeoutMs),
    })
    const json = await readJson(response)
    onResponse?.({ method, url, status: response.status, requestBody, body: json })
    if (!response.ok) throw new SyncHttpError(method, url, response.status, json)
    return json
  }

  return {
    async pullChanges({ lastPulledAt, schemaVersion, migration }) {
      const params = new URLSearchParams()
      // Absent on the first sync: the server then sends everything the device may see.
      if (lastPulledAt) params.set('last_pulled_at', String(lastPulledAt))
      params.set('schema_version', String(schemaVersion))
      // Only after an app upgrade that migrated the local schema (see migrationsEnabledAtVersion).
      if (migration) params.set('migration', JSON.stringify(migration))
      const { changes, timestamp, experimentalStrategy } = await call('GET', `${root}${SYNC_PATH}?${params}`)
      if (!changes || typeof changes !== 'object' || typeof timestamp !== 'number') {
        throw new Error(`pull answered without {changes, timestamp:number}: ${JSON.stringify({ changes, timestamp }).slice(0, 300)}`)
      }
      // "replacement" lets a server answer a too-old last_pulled_at with the full data set: the
      // library then drops local synced records that are not in it.
      return experimentalStrategy ? { changes, timestamp, experimentalStrategy } : { changes, timestamp }
    },

    async pushChanges({ changes, lastPulledAt }) {
      const params = new URLSearchParams({ last_pulled_at: String(lastPulledAt) })
      const result = await call('POST', `${root}${SYNC_PATH}?${params}`, changes)
      // Records the server refused stay unsynced on the device and are pushed again next time.
      return result.experimentalRejectedIds ? { experimentalRejectedIds: result.experimentalRejectedIds } : {}
    },
  }
}

/** The synchronize() options drivesync needs, with the two calls above. */
export function syncOptions(database, calls, extra = {}) {
  return {
    database,
    pullChanges: calls.pullChanges,
    pushChanges: calls.pushChanges,
    // The server sends every live record as `updated`; without this flag the library logs an
    // error for each record it has not seen before.
    sendCreatedAsUpdated: true,
    // Schema version 1 is the first synced version; later versions add migrations, and the
    // library then sends `migration` on the first pull after the upgrade.
    migrationsEnabledAtVersion: 1,
    ...extra,
  }
}

/**
 * One sync with the retry drivesync expects: when the push meets a 409 (someone else changed a
 * pushed record after our pull), synchronize() rejects and nothing local is lost; calling it again
 * pulls the newer server version, merges it per column (columns changed locally win) and pushes
 * the result. Other errors are thrown at once.
 *
 * @returns {Promise<{attempts: number, conflicts: number, logs: object[]}>}
 */
export async function syncWithRetry(database, calls, { maxAttempts = 3, extra = {} } = {}) {
  const logs = []
  let conflicts = 0
  for (let attempt = 1; ; attempt += 1) {
    const log = {}
    logs.push(log)
    try {
      await synchronize(syncOptions(database, calls, { ...extra, log }))
      return { attempts: attempt, conflicts, logs }
    } catch (error) {
      if (!isConflict(error) || attempt >= maxAttempts) {
        error.syncLogs = logs
        throw error
      }
      conflicts += 1
    }
  }
}

export { synchronize }

import type { RequestRecord } from './records'
import { db, isDuplicateKey } from './db'
import { asRecord, asRecords, updatedCount } from './documents'

const REQUESTS = 'requests'
/** Longer than any function timeout: a pending claim this old was left by a run that died. */
export const STALE_MS = 2 * 60_000
/** Earlier than any stale cut-off: an abandoned claim can be taken over at once. */
const ABANDONED = new Date(0)

/**
 * Claims a write by inserting its request record under a deterministic `_id`. The database's
 * duplicate-key error, not a read before the write, decides who got there first.
 */
export async function claimRequest(
  key: string,
  action: string,
  openid: string,
  input: unknown,
  now: Date,
): Promise<boolean> {
  const record: RequestRecord = {
    _id: key,
    action,
    openid,
    input: input ?? null,
    status: 'pending',
    startedAt: now,
  }
  try {
    await db().collection(REQUESTS).add(record)
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

export async function getRequest(key: string): Promise<RequestRecord | null> {
  const res = (await db().collection(REQUESTS).doc(key).get()) as { data: unknown }
  return asRecord<RequestRecord>(res.data)
}

export async function finishRequest(key: string, result: unknown, now: Date): Promise<void> {
  const _ = db().command
  // `_.set` stores the result whole; a plain object would be merged field by field.
  await db()
    .collection(REQUESTS)
    .doc(key)
    .update({ status: 'done', finishedAt: now, result: _.set(result ?? null) })
}

/** A failed attempt gives its claim back so that a retry runs afresh. */
export async function releaseRequest(key: string): Promise<void> {
  await db().collection(REQUESTS).doc(key).remove()
}

/**
 * A run that failed part-way keeps its claim (some of its writes may have landed) but marks it
 * abandoned, so that the next retry, or the scheduler, takes it over at once and finishes it.
 */
export async function abandonRequest(key: string): Promise<void> {
  await db()
    .collection(REQUESTS)
    .where({ _id: key, status: 'pending' })
    .update({ startedAt: ABANDONED })
}

/** Pending claims started before `staleBefore`: runs that died or failed part-way. */
export async function listStaleRequests(staleBefore: Date, limit: number): Promise<string[]> {
  const _ = db().command
  const res = (await db()
    .collection(REQUESTS)
    .where({ status: 'pending', startedAt: _.lt(staleBefore) })
    .field({ _id: true })
    .orderBy('startedAt', 'asc')
    .limit(limit)
    .get()) as { data: unknown }
  return asRecords<{ _id: string }>(res.data).map((r) => r._id)
}

/**
 * Takes over a claim whose holder has outlived any function timeout (it crashed or timed out);
 * a conditional update so that only one of several retries wins it.
 */
export async function takeOverStaleRequest(
  key: string,
  staleBefore: Date,
  now: Date,
): Promise<boolean> {
  const _ = db().command
  const res = await db()
    .collection(REQUESTS)
    .where({ _id: key, status: 'pending', startedAt: _.lt(staleBefore) })
    .update({ startedAt: now })
  return updatedCount(res) === 1
}

import type { AttemptRecord, PhoneExchange } from '../domain/verification'
import { db, isDuplicateKey } from './db'
import { asRecord, updatedCount } from './documents'

const VERIFICATIONS = 'verifications'

function revive(record: AttemptRecord | null): AttemptRecord | null {
  if (!record) return null
  return {
    ...record,
    windowStart: new Date(record.windowStart),
    lockedUntil: record.lockedUntil ? new Date(record.lockedUntil) : null,
  }
}

export async function getAttempts(openid: string): Promise<AttemptRecord | null> {
  const res = (await db().collection(VERIFICATIONS).doc(openid).get()) as { data: unknown }
  return revive(asRecord<AttemptRecord>(res.data))
}

/** Creates the record if there is none; a concurrent creator winning is fine. */
export async function ensureAttempts(record: AttemptRecord): Promise<void> {
  try {
    await db().collection(VERIFICATIONS).add(record)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

/** Starts a new window, only if the record is still the one that was read. */
export async function restartWindow(read: AttemptRecord, fresh: AttemptRecord): Promise<void> {
  await db()
    .collection(VERIFICATIONS)
    .where({ _id: read._id, windowStart: read.windowStart })
    .update({ attempts: 0, windowStart: fresh.windowStart, lockedUntil: null })
}

/**
 * Charges one attempt, atomically: only while fewer than `max` were charged in this window and
 * no lock is set; the same write keeps the exchanged code. False: out of attempts.
 */
export async function chargeAttempt(
  openid: string,
  max: number,
  exchanged: PhoneExchange,
): Promise<boolean> {
  const _ = db().command
  const res = await db()
    .collection(VERIFICATIONS)
    .where({ _id: openid, attempts: _.lt(max), lockedUntil: null })
    .update({ attempts: _.inc(1), exchanged: _.set(exchanged) })
  return updatedCount(res) === 1
}

/** Sets the lock once (the first writer's time stands). */
export async function lockAttempts(openid: string, until: Date): Promise<void> {
  await db()
    .collection(VERIFICATIONS)
    .where({ _id: openid, lockedUntil: null })
    .update({ lockedUntil: until })
}

/** After a success: the account is bound, its count no longer matters. */
export async function clearAttempts(openid: string): Promise<void> {
  await db().collection(VERIFICATIONS).doc(openid).remove()
}

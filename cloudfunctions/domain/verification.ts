import { createHash, createHmac } from 'node:crypto'

/**
 * 会员认证 lock. ID numbers are guessable, so failed attempts are counted per WeChat account and
 * too many in a window lock verification for a while. Every number lives in one policy object.
 */
export interface VerificationPolicy {
  /** Failed attempts allowed within `windowMs` before the lock. */
  maxFailures: number
  windowMs: number
  lockMs: number
}

export const VERIFICATION_POLICY: VerificationPolicy = {
  maxFailures: 5,
  windowMs: 30 * 60_000,
  lockMs: 30 * 60_000,
}

/**
 * verifications/<openid>. `attempts` counts attempts charged in the current window: an attempt
 * is charged atomically BEFORE it is checked, so concurrent guesses cannot outrun the count; a
 * successful one is the last (the account is then bound).
 */
export interface AttemptRecord {
  _id: string
  attempts: number
  windowStart: Date
  lockedUntil: Date | null
  /**
   * The last phone code exchanged and what it gave, as digests. WeChat's code works once; a run
   * finishing one that died after the exchange uses this instead, and charges no second attempt.
   */
  exchanged?: PhoneExchange | null
}

export interface PhoneExchange {
  /** SHA-256 of the one-off code. */
  code: string
  /** HMAC (ID_HASH_KEY) of the phone number WeChat gave for it: phones are guessable. */
  phone: string
}

export const codeDigest = (code: string): string => createHash('sha256').update(code).digest('hex')

export const phoneDigest = (phone: string, key: string): string =>
  createHmac('sha256', key).update(phone.trim()).digest('hex')

/** When verification opens again, or null when it is open at `now`. */
export function lockedUntil(
  record: AttemptRecord | null,
  now: Date,
  policy: VerificationPolicy = VERIFICATION_POLICY,
): Date | null {
  if (!record) return null
  if (record.lockedUntil && record.lockedUntil.getTime() > now.getTime()) return record.lockedUntil
  if (record.lockedUntil) return null
  const windowOpen = record.windowStart.getTime() + policy.windowMs > now.getTime()
  if (windowOpen && record.attempts >= policy.maxFailures) {
    return new Date(now.getTime() + policy.lockMs)
  }
  return null
}

/** Whether the record's window (or lock) is over, so counting starts again from zero. */
export function isStale(
  record: AttemptRecord,
  now: Date,
  policy: VerificationPolicy = VERIFICATION_POLICY,
): boolean {
  if (record.lockedUntil) return record.lockedUntil.getTime() <= now.getTime()
  return record.windowStart.getTime() + policy.windowMs <= now.getTime()
}

/** A fresh window starting at `now`. */
export function freshAttempts(openid: string, now: Date): AttemptRecord {
  return { _id: openid, attempts: 0, windowStart: now, lockedUntil: null }
}

/** The lock set once the count reaches the limit. */
export function lockFrom(now: Date, policy: VerificationPolicy = VERIFICATION_POLICY): Date {
  return new Date(now.getTime() + policy.lockMs)
}

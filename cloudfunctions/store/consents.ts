import type { SubscribeTopic } from '../contract/consent'
import { emptyConsent, refundFor, spendFor, withGrant, type ConsentRecord } from '../domain/consent'
import { readByIds } from './bulk'
import { db, isDuplicateKey } from './db'
import { asRecord, updatedCount } from './documents'

const CONSENTS = 'consents'
/** Tries before giving up when other changes of the same member's record keep landing first. */
const ATTEMPTS = 8

export async function getConsent(memberId: string): Promise<ConsentRecord | null> {
  const res = (await db().collection(CONSENTS).doc(memberId).get()) as { data: unknown }
  return asRecord<ConsentRecord>(res.data)
}

export function getConsents(memberIds: readonly string[]): Promise<Map<string, ConsentRecord>> {
  return readByIds<ConsentRecord>(CONSENTS, memberIds)
}

/**
 * Read, changed in code (domain/consent), written back only if nobody wrote meanwhile: an
 * insert for a first record, else an update conditional on the version read. `change` answers
 * the record as it should be, or null for nothing to change. Answers what it answered last.
 */
async function updateConsent<T>(
  memberId: string,
  now: Date,
  change: (current: ConsentRecord) => { next: ConsentRecord | null; answer: T },
): Promise<T> {
  const consents = db().collection(CONSENTS)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await getConsent(memberId)
    const { next, answer } = change(current ?? emptyConsent(memberId, now))
    if (!next) return answer
    const { _id, ...fields } = { ...next, version: (current?.version ?? 0) + 1 }
    if (!current) {
      try {
        await consents.add({ _id, ...fields })
        return answer
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        continue
      }
    }
    const _ = db().command
    const res = await consents.where({ _id, version: current.version }).update({
      // Whole values, not merged field by field: a topic's count or a key list as computed.
      counts: _.set(fields.counts),
      requests: _.set(fields.requests),
      spends: _.set(fields.spends),
      lastAsk: fields.lastAsk ? _.set(fields.lastAsk) : null,
      version: fields.version,
      updatedAt: fields.updatedAt,
    })
    if (updatedCount(res) === 1) return answer
  }
  throw new Error(`consents ${memberId}: too many concurrent changes`)
}

/** `consent.record`: one more consent per granted topic, once per request. */
export function recordAsk(
  memberId: string,
  ask: { granted: readonly SubscribeTopic[]; refused: readonly SubscribeTopic[] },
  request: string,
  now: Date,
): Promise<void> {
  return updateConsent(memberId, now, (current) => ({
    next: withGrant(current, ask, request, now),
    answer: undefined,
  }))
}

/** Spends one consent of the topic for the message (once per message): whether it had one. */
export function spendConsent(
  memberId: string,
  topic: SubscribeTopic,
  messageId: string,
  now: Date,
): Promise<boolean> {
  return updateConsent(memberId, now, (current) => {
    const spend = spendFor(current, topic, messageId, now)
    return { next: spend.spent ? spend.record : null, answer: spend.spent }
  })
}

/** Gives back the consent a message spent, if it did (a send that failed for good). */
export function refundConsent(
  memberId: string,
  topic: SubscribeTopic,
  messageId: string,
  now: Date,
): Promise<void> {
  return updateConsent(memberId, now, (current) => ({
    next: refundFor(current, topic, messageId, now),
    answer: undefined,
  }))
}

import { withNoShow, type CreditRecord, type NoShowBan, type NoShowRecord } from '../domain/credit'
import { db, isDuplicateKey } from './db'
import { readByIds } from './bulk'
import { asRecord, updatedCount } from './documents'

/** credit/<memberId>: the member's no-shows and ban, one record for tickets and bookings. */
export async function getCredit(memberId: string): Promise<CreditRecord | null> {
  const res = (await db().collection('credit').doc(memberId).get()) as { data: unknown }
  return asRecord<CreditRecord>(res.data)
}

export function getCredits(memberIds: readonly string[]): Promise<Map<string, CreditRecord>> {
  return readByIds<CreditRecord>('credit', memberIds)
}

/** Tries before giving up when other changes of the same member's record keep landing first. */
const ATTEMPTS = 8

/**
 * Changes the member's credit record: read, changed in code (domain/credit), written back only
 * if nobody wrote it meanwhile — an insert for a first record, else an update conditional on
 * the version read (a record from before versions counts as version 0) — so two changes at
 * once (a ticket's no-show and a booking's) both land. `change` answers the record as it should
 * be, or null when nothing is to change. Answers the record as it stands.
 */
export async function updateCredit(
  memberId: string,
  change: (current: CreditRecord | null) => CreditRecord | null,
): Promise<CreditRecord | null> {
  const credits = db().collection('credit')
  const _ = db().command
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await getCredit(memberId)
    const next = change(current ? { ...current } : null)
    if (!next) return current
    const fields = { noShows: next.noShows, bannedUntil: next.bannedUntil }
    const version = current?.version ?? 0
    if (!current) {
      try {
        await credits.add({ _id: memberId, ...fields, version: 1 })
        return { ...next, version: 1 }
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        continue
      }
    }
    const res = await credits
      .where({ _id: memberId, version: version === 0 ? _.exists(false) : version })
      .update({ noShows: _.set(next.noShows), bannedUntil: next.bannedUntil, version: version + 1 })
    if (updatedCount(res) === 1) return { ...next, version: version + 1 }
  }
  throw new Error(`credit ${memberId}: too many concurrent changes`)
}

/**
 * Adds a no-show (a ticket or a booking) to the member's record once, with the ban the rule
 * earns: a no-show already there (same kind and ref) changes nothing, so a job run again adds
 * nothing.
 */
export async function recordNoShow(
  memberId: string,
  noShow: NoShowRecord,
  rule: NoShowBan | null,
): Promise<CreditRecord> {
  const credit = await updateCredit(memberId, (current) => {
    const next = withNoShow(current, memberId, noShow, rule)
    return current && next === current ? null : next
  })
  if (!credit) throw new Error(`credit ${memberId}: no record after a no-show`)
  return credit
}

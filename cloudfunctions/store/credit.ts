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

/** Tries before giving up when other no-shows of the same member keep landing first. */
const NO_SHOW_ATTEMPTS = 5

/**
 * Adds a no-show (a ticket or a booking) to the member's credit record once, and the ban the rule
 * earns: an insert for a first record, else an update conditional on the version read, so two
 * no-shows recorded at once (a ticket and a booking) both land. A no-show already there (same
 * kind and ref) changes nothing, so a job run again adds nothing. Answers the record as it stands.
 */
export async function recordNoShow(
  memberId: string,
  noShow: NoShowRecord,
  rule: NoShowBan | null,
): Promise<CreditRecord> {
  const credits = db().collection('credit')
  for (let attempt = 0; attempt < NO_SHOW_ATTEMPTS; attempt++) {
    const found = await getCredit(memberId)
    const next = withNoShow(found, memberId, noShow, rule)
    if (found && next === found) return found
    const version = (found?.version ?? 0) + 1
    if (!found) {
      try {
        await credits.add({ ...next, version })
        return { ...next, version }
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        continue
      }
    }
    const _ = db().command
    const res = await credits
      .where({ _id: memberId, version: found.version ?? _.exists(false) })
      .update({ noShows: _.set(next.noShows), bannedUntil: next.bannedUntil, version })
    if (updatedCount(res) === 1) return { ...next, version }
  }
  throw new Error(`credit ${memberId}: too many no-shows at once`)
}

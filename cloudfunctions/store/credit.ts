import type { CreditRecord } from '../domain/credit'
import { db } from './db'
import { asRecord, asRecords } from './documents'

/** credit/<memberId>: the member's no-shows and ban, one record for tickets and bookings. */
export async function getCredit(memberId: string): Promise<CreditRecord | null> {
  const res = (await db().collection('credit').doc(memberId).get()) as { data: unknown }
  return asRecord<CreditRecord>(res.data)
}

export async function getCredits(memberIds: readonly string[]): Promise<Map<string, CreditRecord>> {
  const _ = db().command
  const found = new Map<string, CreditRecord>()
  for (let i = 0; i < memberIds.length; i += 100) {
    const res = (await db()
      .collection('credit')
      .where({ _id: _.in(memberIds.slice(i, i + 100)) })
      .limit(100)
      .get()) as { data: unknown }
    for (const credit of asRecords<CreditRecord>(res.data)) found.set(credit._id, credit)
  }
  return found
}

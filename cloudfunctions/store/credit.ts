import type { CreditRecord } from '../domain/credit'
import { db } from './db'
import { readByIds } from './bulk'
import { asRecord } from './documents'

/** credit/<memberId>: the member's no-shows and ban, one record for tickets and bookings. */
export async function getCredit(memberId: string): Promise<CreditRecord | null> {
  const res = (await db().collection('credit').doc(memberId).get()) as { data: unknown }
  return asRecord<CreditRecord>(res.data)
}

export function getCredits(memberIds: readonly string[]): Promise<Map<string, CreditRecord>> {
  return readByIds<CreditRecord>('credit', memberIds)
}

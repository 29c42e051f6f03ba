import type { CreditRecord } from '../domain/credit'
import { readAll } from './bulk'
import { db } from './db'

/** Credit records whose ban ended in (from, to]: members to tell they may book again. */
export async function listBansEndedBetween(from: Date, to: Date): Promise<CreditRecord[]> {
  const _ = db().command
  // Bans ending after `from` are the current ones and the lately ended: few, whatever the past.
  const rows = await readAll<CreditRecord>('credit', { bannedUntil: _.gt(from) })
  return rows.filter((c) => c.bannedUntil && new Date(c.bannedUntil) <= to)
}

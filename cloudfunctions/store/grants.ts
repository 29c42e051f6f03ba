import type { GrantRecord } from './records'
import { db } from './db'
import { asRecord } from './documents'

export async function getGrant(openid: string): Promise<GrantRecord | null> {
  const res = (await db().collection('grants').doc(openid).get()) as { data: unknown }
  return asRecord<GrantRecord>(res.data)
}

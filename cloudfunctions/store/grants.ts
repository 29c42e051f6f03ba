import type { GrantRecord, GrantedRole } from './records'
import { db } from './db'
import { asRecord, asRecords } from './documents'

const GRANTS = 'grants'

export async function getGrant(openid: string): Promise<GrantRecord | null> {
  const res = (await db().collection(GRANTS).doc(openid).get()) as { data: unknown }
  return asRecord<GrantRecord>(res.data)
}

/** Every grant; staff are few, one query under the 1000 cap. */
export async function listGrants(): Promise<GrantRecord[]> {
  const res = (await db().collection(GRANTS).orderBy('_id', 'asc').limit(1000).get()) as {
    data: unknown
  }
  return asRecords<GrantRecord>(res.data)
}

export async function putGrant(
  openid: string,
  roles: GrantedRole[],
  by: string,
  now: Date,
): Promise<void> {
  await db().collection(GRANTS).doc(openid).set({ roles, grantedBy: by, grantedAt: now })
}

export async function removeGrant(openid: string): Promise<void> {
  await db().collection(GRANTS).doc(openid).remove()
}

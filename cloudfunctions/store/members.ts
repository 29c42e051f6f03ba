import type { BindingRecord, MemberRecord } from './records'
import { db } from './db'
import { asRecord } from './documents'

/** The registry member a WeChat account verified as, if any. */
export async function getBinding(openid: string): Promise<BindingRecord | null> {
  const res = (await db().collection('bindings').doc(openid).get()) as { data: unknown }
  return asRecord<BindingRecord>(res.data)
}

export async function getMember(id: string): Promise<MemberRecord | null> {
  const res = (await db().collection('members').doc(id).get()) as { data: unknown }
  return asRecord<MemberRecord>(res.data)
}

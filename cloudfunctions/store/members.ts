import type { BindingRecord, MemberRecord } from './records'
import { readByIds } from './bulk'
import { decodeCursor, page } from './cursor'
import { db, isDuplicateKey } from './db'
import { asRecord, asRecords } from './documents'

const MEMBERS = 'members'
const BINDINGS = 'bindings'
/** Batch size for `_.in` look-ups. */
const BATCH = 100

/** The registry member a WeChat account verified as, if any. */
export async function getBinding(openid: string): Promise<BindingRecord | null> {
  const res = (await db().collection(BINDINGS).doc(openid).get()) as { data: unknown }
  return asRecord<BindingRecord>(res.data)
}

export async function getBindingOfMember(memberId: string): Promise<BindingRecord | null> {
  const res = (await db().collection(BINDINGS).where({ memberId }).limit(1).get()) as {
    data: unknown
  }
  return asRecords<BindingRecord>(res.data)[0] ?? null
}

export type BindOutcome = 'bound' | 'account-taken' | 'member-taken'

/**
 * Binds an account to a member with one insert: `_id` = openid refuses a second member for the
 * account, the unique index on `memberId` a second account for the member.
 */
export async function bind(
  openid: string,
  memberId: string,
  now: Date,
  request: string | undefined,
): Promise<BindOutcome> {
  const record: BindingRecord = { _id: openid, memberId, boundAt: now, request: request ?? null }
  try {
    await db().collection(BINDINGS).add(record)
    return 'bound'
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    return (await getBinding(openid)) ? 'account-taken' : 'member-taken'
  }
}

export async function unbindMember(memberId: string): Promise<void> {
  await db().collection(BINDINGS).where({ memberId }).remove()
}

export async function getMember(id: string): Promise<MemberRecord | null> {
  const res = (await db().collection(MEMBERS).doc(id).get()) as { data: unknown }
  return asRecord<MemberRecord>(res.data)
}

export function getMembers(ids: readonly string[]): Promise<Map<string, MemberRecord>> {
  return readByIds<MemberRecord>(MEMBERS, ids)
}

/** Which of these members have an account bound. */
export async function boundMemberIds(ids: string[]): Promise<Set<string>> {
  const _ = db().command
  const bound = new Set<string>()
  for (let i = 0; i < ids.length; i += BATCH) {
    const res = (await db()
      .collection(BINDINGS)
      .where({ memberId: _.in(ids.slice(i, i + BATCH)) })
      .limit(BATCH)
      .get()) as { data: unknown }
    for (const binding of asRecords<BindingRecord>(res.data)) bound.add(binding.memberId)
  }
  return bound
}

/** Creates or replaces a member whole (the import's write; `_id` comes from the ID hash). */
export async function putMember(member: MemberRecord): Promise<void> {
  const { _id, ...fields } = member
  await db().collection(MEMBERS).doc(_id).set(fields)
}

function isKey(value: unknown): value is { id: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { id: unknown }).id === 'string'
  )
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Registry members by id order, optionally those whose name or card no. contains `query`. */
export async function listMembers(
  query: string | undefined,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: MemberRecord[]; nextCursor?: string }> {
  const _ = db().command
  const conditions: object[] = []
  if (query) {
    const pattern = db().RegExp({ regexp: escapeRegExp(query), options: 'i' })
    conditions.push(_.or([{ name: pattern }, { cardNo: pattern }]))
  }
  if (cursor) conditions.push({ _id: _.gt(decodeCursor(cursor, isKey).id) })
  const where = conditions.length ? _.and(conditions) : {}
  const res = (await db()
    .collection(MEMBERS)
    .where(where)
    .orderBy('_id', 'asc')
    .limit(limit + 1)
    .get()) as { data: unknown }
  return page(asRecords<MemberRecord>(res.data), limit, (last) => ({ id: last._id }))
}

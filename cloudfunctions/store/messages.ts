import { messageFrom, type MessagePost, type MessageRecord } from '../domain/message'
import { newestFirst } from './cursor'
import { checked, db, isDuplicateKey } from './db'
import { asRecords, updatedCount } from './documents'
import { deliverAll, planSends } from './subscribe'

const MESSAGES = 'messages'
/** Inserts per request in the common case (a draw telling a whole session at once). */
const BATCH = 100

/**
 * Posts messages to the in-app list. Each takes its `_id` from its event key, so posting an
 * event again (a retry, a job that died and ran again) finds it there and adds nothing: safe
 * to call from any write, any number of times. Answers how many were new.
 *
 * Where the member gave a consent for the message's topic, a subscription message goes to
 * WeChat too (store/subscribe): planned before the in-app message is written, so a run that
 * dies in between leaves the plan for its rerun or the scheduler; sent after. Neither step
 * throws: a send that fails is recorded and retried, never undoing what was posted.
 */
export async function postMessages(posts: readonly MessagePost[], now: Date): Promise<number> {
  const records = unique(posts.map((post) => messageFrom(post, now)))
  const sends = await planSends(posts, now)
  let added = 0
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH)
    try {
      checked(await db().collection(MESSAGES).add(batch))
      added += batch.length
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // Some were posted before (an earlier run): one by one, the rest still go in.
      for (const record of batch) if (await insertMessage(record)) added += 1
    }
  }
  await deliverAll(sends, now)
  return added
}

/** One event twice in one call would fail its own batch: the first one stands. */
function unique(records: MessageRecord[]): MessageRecord[] {
  const byId = new Map<string, MessageRecord>()
  for (const record of records) if (!byId.has(record._id)) byId.set(record._id, record)
  return [...byId.values()]
}

async function insertMessage(record: MessageRecord): Promise<boolean> {
  try {
    checked(await db().collection(MESSAGES).add(record))
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** A member's messages, newest first. */
export function listMessagesOf(
  memberId: string,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: MessageRecord[]; nextCursor?: string }> {
  return newestFirst<MessageRecord>(MESSAGES, { memberId }, 'createdAt', { cursor, limit }, revive)
}

/** A member's messages posted since `since`, newest first (a handful: minutes' worth). */
export async function listMessagesSince(memberId: string, since: Date): Promise<MessageRecord[]> {
  const _ = db().command
  const res = (await db()
    .collection(MESSAGES)
    .where({ memberId, createdAt: _.gte(since) })
    .orderBy('createdAt', 'desc')
    .limit(BATCH)
    .get()) as { data: unknown }
  return asRecords<MessageRecord>(res.data).map(revive)
}

export async function countUnread(memberId: string): Promise<number> {
  const res = (await db().collection(MESSAGES).where({ memberId, readAt: null }).count()) as {
    total?: number
  }
  return res.total ?? 0
}

/**
 * Marks the member's messages read: these ids, or all. Only unread ones of this member change,
 * so marking again, or another member's id, changes nothing. Answers how many changed.
 */
export async function markRead(
  memberId: string,
  ids: readonly string[] | 'all',
  now: Date,
): Promise<number> {
  const _ = db().command
  const which = ids === 'all' ? {} : { _id: _.in([...ids]) }
  const res = await db()
    .collection(MESSAGES)
    .where({ memberId, readAt: null, ...which })
    .update({ readAt: now })
  return updatedCount(checked(res))
}

function revive(message: MessageRecord): MessageRecord {
  return {
    ...message,
    fields: { ...message.fields, time: new Date(message.fields.time) },
    createdAt: new Date(message.createdAt),
    readAt: message.readAt ? new Date(message.readAt) : null,
  }
}

import type { SendStatus, SubscribeSendRecord } from '../domain/subscribe-send'
import { readByIds } from './bulk'
import { checked, db, isDuplicateKey } from './db'
import { asRecords, updatedCount } from './documents'

const SENDS = 'subscribeSends'

/**
 * Inserts the planned sends; `_id` is the message's, so an event planned again finds its send
 * there. Answers the sends that stand, new or found: a found one may be a dead run's, to finish.
 */
export async function insertSends(
  sends: readonly SubscribeSendRecord[],
): Promise<SubscribeSendRecord[]> {
  if (sends.length === 0) return []
  try {
    checked(
      await db()
        .collection(SENDS)
        .add([...sends]),
    )
    return [...sends]
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  const fresh: SubscribeSendRecord[] = []
  for (const send of sends) {
    try {
      checked(await db().collection(SENDS).add(send))
      fresh.push(send)
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
  const found = await readByIds<SubscribeSendRecord>(
    SENDS,
    sends.filter((s) => !fresh.includes(s)).map((s) => s._id),
  )
  return [...fresh, ...[...found.values()].map(revive)]
}

/**
 * Changes a send only if it is still as read (status and tries), so of two runs on one send
 * one claims it and the other leaves it.
 */
export async function changeSend(
  send: Pick<SubscribeSendRecord, '_id' | 'status' | 'attempts'>,
  change: Partial<SubscribeSendRecord>,
): Promise<boolean> {
  const res = await db()
    .collection(SENDS)
    .where({ _id: send._id, status: send.status, attempts: send.attempts })
    .update(change)
  return updatedCount(checked(res)) === 1
}

/** Failed sends due again, and planned or claimed ones whose run went quiet (died). */
export async function listDueSends(
  now: Date,
  staleBefore: Date,
  limit: number,
): Promise<SubscribeSendRecord[]> {
  const _ = db().command
  const query = async (where: object) =>
    asRecords<SubscribeSendRecord>(
      ((await db().collection(SENDS).where(where).limit(limit).get()) as { data: unknown }).data,
    ).map(revive)
  const stuck: SendStatus[] = ['pending', 'sending']
  const [failed, quiet] = await Promise.all([
    query({ status: 'failed', nextAt: _.lte(now) }),
    query({ status: _.in(stuck), updatedAt: _.lt(staleBefore) }),
  ])
  return [...failed, ...quiet].slice(0, limit)
}

export async function getSends(ids: readonly string[]): Promise<SubscribeSendRecord[]> {
  return [...(await readByIds<SubscribeSendRecord>(SENDS, ids)).values()].map(revive)
}

function revive(send: SubscribeSendRecord): SubscribeSendRecord {
  const date = (d: Date | null) => (d ? new Date(d) : null)
  return {
    ...send,
    nextAt: date(send.nextAt),
    sentAt: date(send.sentAt),
    createdAt: new Date(send.createdAt),
    updatedAt: new Date(send.updatedAt),
  }
}

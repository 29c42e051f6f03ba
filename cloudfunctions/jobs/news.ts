import type { ActivityRecord } from '../domain/activity'
import { confirmByOf, type EntryRecord } from '../domain/entry'
import {
  drawLostMessage,
  drawWaitlistedMessage,
  drawWonMessage,
  entryCancelledMessage,
  entryReceivedMessage,
  offerMessage,
  ticketReleasedMessage,
  type EntryFacts,
  type MessagePost,
} from '../domain/message'
import { markAnnounced, type StoredDraw } from '../store/draws'
import { getEntries } from '../store/entries'
import { postMessages } from '../store/messages'

/**
 * What members are told of the draw and of their seats, in the in-app list (消息). Each is
 * posted after the change it reports is written, and keyed by its event, so a job run again
 * (after a crash, on the next tick) tells nobody twice.
 */

/** Entries of a draw told per tick: a big lottery's members are told over a few ticks. */
export const ANNOUNCE_BATCH = 1000

export function factsOf(entry: EntryRecord, activity: ActivityRecord): EntryFacts {
  return {
    entryId: entry._id,
    activityId: activity._id,
    activityTitle: activity.title,
    sessionStartAt: entry.sessionStartAt,
    placeName: activity.place.name,
  }
}

/** 递补名额, with the deadline stored on the offer. */
export async function tellOffers(
  activity: ActivityRecord,
  offers: readonly EntryRecord[],
  now: Date,
): Promise<void> {
  const posts = offers.flatMap((entry) =>
    entry.offerExpiresAt
      ? [
          {
            memberId: entry.memberId,
            ...offerMessage({
              ...factsOf(entry, activity),
              deadline: new Date(entry.offerExpiresAt),
              partySize: entry.partySize,
            }),
          },
        ]
      : [],
  )
  await postMessages(posts, now)
}

/** A win or an offer that ran out: the seats went to the waitlist. */
export async function tellReleased(
  activity: ActivityRecord,
  released: readonly EntryRecord[],
  now: Date,
): Promise<void> {
  const posts = released.map((entry) => ({
    memberId: entry.memberId,
    ...ticketReleasedMessage({ ...factsOf(entry, activity), reason: 'expired' as const }),
  }))
  await postMessages(posts, now)
}

/** 报名成功 or 待抽签, by the member or by staff for them; keyed by when the signup made it. */
export async function tellReceived(
  activity: ActivityRecord,
  entry: EntryRecord,
  now: Date,
): Promise<void> {
  const told = entryReceivedMessage({
    ...factsOf(entry, activity),
    lottery: entry.allocation === 'lottery',
    drawAt: activity.drawAt ? new Date(activity.drawAt) : null,
    byStaff: entry.byStaff,
    madeAt: new Date(entry.createdAt),
  })
  await postMessages([{ memberId: entry.memberId, ...told }], now)
}

/** Staff cancelled the entry for the member (a phone call), or the activity was cancelled. */
export async function tellCancelled(
  activity: ActivityRecord,
  entries: readonly EntryRecord[],
  by: 'staff' | 'activity',
  reason: string,
  now: Date,
): Promise<void> {
  const posts = entries.map((entry) => ({
    memberId: entry.memberId,
    ...entryCancelledMessage({ ...factsOf(entry, activity), by, reason, version: entry.version }),
  }))
  await postMessages(posts, now)
}

/**
 * The draw's result to everyone in its list, from the published record (已中签 with the
 * deadline to confirm, 候补第 N 位, or 未中签), a batch per call; the record keeps how far it
 * got. Answers how many were told.
 */
export async function announceDraw(
  activity: ActivityRecord,
  record: StoredDraw,
  now: Date,
): Promise<number> {
  const from = record.announced ?? 0
  if (!record.applied || from >= record.entries.length) return 0
  const batch = record.entries.slice(from, from + ANNOUNCE_BATCH)
  const entries = await getEntries(batch.map((e) => e.id))
  const won = new Set(record.winners)
  const place = new Map(record.waitlist.map((id, i) => [id, i + 1]))
  const posts: MessagePost[] = []
  for (const listed of batch) {
    const entry = entries.get(listed.id)
    if (!entry) continue
    const facts = factsOf(entry, activity)
    const position = place.get(listed.id)
    const draft = won.has(listed.id)
      ? drawWonMessage({
          ...facts,
          partySize: listed.size,
          confirmBy: confirmByOf({ ...entry, status: 'won', confirmedAt: null }, activity),
        })
      : position
        ? drawWaitlistedMessage({ ...facts, position })
        : drawLostMessage(facts)
    posts.push({ memberId: entry.memberId, ...draft })
  }
  await postMessages(posts, now)
  await markAnnounced(record._id, from + batch.length)
  return batch.length
}

/** Entries the policy kept out of the draw (cooldown, ban): told 未中签 when the list froze. */
export async function tellKeptOut(
  activity: ActivityRecord,
  entries: readonly EntryRecord[],
  now: Date,
): Promise<void> {
  const posts = entries.map((entry) => ({
    memberId: entry.memberId,
    ...drawLostMessage(factsOf(entry, activity)),
  }))
  await postMessages(posts, now)
}

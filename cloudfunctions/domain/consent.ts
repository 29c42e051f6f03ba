import { SUBSCRIBE_TOPICS, type MyConsents, type SubscribeTopic } from '../contract/consent'
import type { MessageKind } from '../contract/message'

/**
 * consents/<memberId>: the member's one-time subscription consents, a counter per topic.
 * `consent.record` adds one per granted topic; a message of the topic spends one. Both keep
 * their own keys (the request's, the message's) so a run again finds itself done.
 */
export interface ConsentRecord {
  _id: string
  counts: Partial<Record<SubscribeTopic, number>>
  /** Request keys of the last `consent.record` calls. */
  requests: string[]
  /** Ids of the last messages that spent a consent. */
  spends: string[]
  lastAsk: { granted: SubscribeTopic[]; refused: SubscribeTopic[]; at: Date } | null
  /** Bumped by every write, which is conditional on it. */
  version: number
  updatedAt: Date
}

/**
 * How far back a consent just given looks for the message it was asked for. On weapp a signup
 * or a booking goes out while WeChat's dialog is still open (a first-come seat must not wait on
 * the member reading it), so the 报名结果 of that very tap is posted before its consent arrives.
 */
export const CATCH_UP_MS = 2 * 60_000

/** The messages a tap that asks for consent causes itself: its signup's, its booking's. */
export const CATCH_UP_KINDS: readonly MessageKind[] = ['entry.received', 'booking.made']

/**
 * Where a consent's look back starts: the window, and never before the member's previous ask,
 * whose own tap's messages were that ask's to take (or to leave, if refused).
 */
export function catchUpSince(previous: ConsentRecord | null, now: Date): Date {
  const window = now.getTime() - CATCH_UP_MS
  const asked = previous?.lastAsk ? new Date(previous.lastAsk.at).getTime() : 0
  return new Date(Math.max(window, asked))
}

/** Keys kept: enough to cover a retry or a scheduler's resend, far fewer than a member's asks. */
const KEEP_REQUESTS = 20
const KEEP_SPENDS = 100

export function emptyConsent(memberId: string, now: Date): ConsentRecord {
  return {
    _id: memberId,
    counts: {},
    requests: [],
    spends: [],
    lastAsk: null,
    version: 0,
    updatedAt: now,
  }
}

/**
 * One ask answered: one more consent per granted topic (a topic named twice is one template,
 * one consent), or null when this request was recorded already.
 */
export function withGrant(
  record: ConsentRecord,
  ask: { granted: readonly SubscribeTopic[]; refused: readonly SubscribeTopic[] },
  request: string,
  now: Date,
): ConsentRecord | null {
  if (record.requests.includes(request)) return null
  const granted = [...new Set(ask.granted)]
  const refused = [...new Set(ask.refused)].filter((t) => !granted.includes(t))
  const counts = { ...record.counts }
  for (const topic of granted) counts[topic] = (counts[topic] ?? 0) + 1
  return {
    ...record,
    counts,
    requests: [...record.requests, request].slice(-KEEP_REQUESTS),
    lastAsk: { granted, refused, at: now },
    updatedAt: now,
  }
}

export type Spend = { spent: true; record: ConsentRecord | null } | { spent: false }

/**
 * A message spends one consent of its topic: already spent by this message (a run again) is
 * spent, no consent left is not; never below zero.
 */
export function spendFor(
  record: ConsentRecord | null,
  topic: SubscribeTopic,
  messageId: string,
  now: Date,
): Spend {
  if (!record) return { spent: false }
  if (record.spends.includes(messageId)) return { spent: true, record: null }
  const left = record.counts[topic] ?? 0
  if (left <= 0) return { spent: false }
  return {
    spent: true,
    record: {
      ...record,
      counts: { ...record.counts, [topic]: left - 1 },
      spends: [...record.spends, messageId].slice(-KEEP_SPENDS),
      updatedAt: now,
    },
  }
}

/**
 * The consent a message spent, given back (its send failed for good): once, since the message
 * leaves the spent list; null when it spent none here.
 */
export function refundFor(
  record: ConsentRecord | null,
  topic: SubscribeTopic,
  messageId: string,
  now: Date,
): ConsentRecord | null {
  if (!record?.spends.includes(messageId)) return null
  return {
    ...record,
    counts: { ...record.counts, [topic]: Math.max(0, record.counts[topic] ?? 0) + 1 },
    spends: record.spends.filter((id) => id !== messageId),
    updatedAt: now,
  }
}

/** Whether a message of the topic would be sent now: a consent is left. */
export function hasConsent(record: ConsentRecord | null, topic: SubscribeTopic): boolean {
  return (record?.counts[topic] ?? 0) > 0
}

export function toMyConsents(record: ConsentRecord | null): MyConsents {
  const counts = Object.fromEntries(
    SUBSCRIBE_TOPICS.map((t) => [t, Math.max(0, record?.counts[t] ?? 0)]),
  ) as Record<SubscribeTopic, number>
  const ask = record?.lastAsk
  return {
    counts,
    lastAsk: ask
      ? { granted: ask.granted, refused: ask.refused, at: new Date(ask.at).toISOString() }
      : null,
  }
}

import type { DrawRecord, DrawState, DrawSummary } from '../contract/draw'
import type { DrawFacts } from '../api/views/entry'
import type { ActivityRecord } from '../domain/activity'
import { DEFAULT_WEIGHT_POLICY, listHash, runDraw, sortEntries, weighEntrant } from '../domain/draw'
import { drawHistoryOf, type EntryRecord } from '../domain/entry'
import { maskName } from '../domain/mask'
import { markActivity } from '../store/activities'
import { getCredits } from '../store/credit'
import {
  drawIdFor,
  ensureSecret,
  getDraw,
  getSecret,
  insertDraw,
  markDrawApplied,
  revealDraw,
  type DrawSecret,
  type StoredDraw,
} from '../store/draws'
import { listEntriesOfActivity, listOutcomesOf, moveStatus } from '../store/entries'
import { getMembers } from '../store/members'
import { tellKeptOut } from './news'
import { seatWinners } from './offers'

/**
 * The draw of one lottery, in the steps docs/draw.md describes, each safe to run again after a
 * crash at any point: the seed is made once (its id is the activity's), each session's record
 * is inserted once (the first frozen list stands), the result is revealed by one conditional
 * write over an undrawn record, and entries move status only from 待抽签. The scheduler runs
 * these when their time comes; staff's 立即抽签 runs the same.
 */

/** Publishes the seed's hash: made when the activity is published (or at the latest here). */
export async function commitSeed(activity: ActivityRecord, now: Date): Promise<DrawSecret> {
  const secret = await ensureSecret(activity._id, now)
  if (activity.seedHash !== secret.seedHash)
    await markActivity(activity._id, { seedHash: secret.seedHash })
  return secret
}

/**
 * Freezes every session's entrant list once the window has closed: weights from the policy and
 * each member's history, masked labels, the list hash. Members the policy keeps out (cooldown,
 * ban) are told why: their entry ends 未中签 with the reason.
 */
export async function freeze(activity: ActivityRecord, now: Date): Promise<StoredDraw[]> {
  // committedAt is when the seed's hash went public (docs/draw.md), not when the list froze.
  const { seedHash, createdAt: committedAt } = await commitSeed(activity, now)
  const policy = activity.weightPolicy ?? DEFAULT_WEIGHT_POLICY
  const pending = (await listEntriesOfActivity(activity._id)).filter((e) => e.status === 'pending')
  const memberIds = [...new Set(pending.map((e) => e.memberId))]
  const [outcomes, credits, members] = await Promise.all([
    listOutcomesOf(memberIds),
    getCredits(memberIds),
    getMembers(memberIds),
  ])
  const draws: StoredDraw[] = []
  const keptOut = new Map<string, string>()
  for (const session of activity.sessions) {
    const entries: DrawRecord['entries'] = []
    for (const entry of pending.filter((e) => e.sessionId === session.id)) {
      const weighed = weighEntrant(
        policy,
        {
          ...drawHistoryOf(entry.memberId, outcomes),
          bannedUntil: credits.get(entry.memberId)?.bannedUntil ?? null,
        },
        now,
      )
      if (!weighed.included) keptOut.set(entry._id, weighed.reason)
      else {
        const label = maskName(members.get(entry.memberId)?.name ?? '')
        entries.push({ id: entry._id, size: entry.partySize, weight: weighed.weight, label })
      }
    }
    const sorted = sortEntries(entries)
    draws.push(
      await insertDraw({
        version: 1,
        activityId: activity._id,
        sessionId: session.id,
        seats: session.seats,
        entries: sorted,
        listHash: listHash(sorted),
        seedHash,
        seed: null,
        winners: [],
        waitlist: [],
        weightPolicy: policy,
        committedAt: new Date(committedAt).toISOString(),
        drawnAt: null,
      }),
    )
  }
  // Whatever the records say stands (a second run may have weighed differently): an entry in
  // no record was kept out.
  const listed = new Set(draws.flatMap((d) => d.entries.map((e) => e.id)))
  const left = pending.filter((entry) => !listed.has(entry._id))
  for (const entry of left) {
    const reason = keptOut.get(entry._id) ?? '未列入抽签名单'
    await moveStatus([entry._id], 'pending', 'lost', now, `未参加抽签：${reason}`)
  }
  await tellKeptOut(activity, left, now)
  await markActivity(activity._id, { frozenAt: now })
  return draws
}

/** Draws every session of a frozen lottery and tells its entries: 已中签, 候补中. */
export async function draw(activity: ActivityRecord, now: Date): Promise<DrawSummary> {
  const secret = await getSecret(activity._id)
  if (!secret) throw new Error(`lottery ${activity._id} has no seed`)
  const sessions: DrawSummary['sessions'] = []
  for (const session of activity.sessions) {
    let record = await getDraw(activity._id, session.id)
    if (!record) continue
    if (record.seed === null) {
      const { winners, waitlist } = runDraw(record.entries, secret.seed, record.seats)
      const drawnAt = now.toISOString()
      const id = drawIdFor(activity._id, session.id)
      await revealDraw(id, { seed: secret.seed, winners, waitlist, drawnAt })
      record = (await getDraw(activity._id, session.id)) ?? record
    }
    if (!record.applied) {
      // Seats first: from their first moment as 已中签, winners hold them (domain/offers).
      await seatWinners(record, new Date(record.drawnAt ?? now))
      await moveStatus(record.winners, 'pending', 'won', now)
      await moveStatus(record.waitlist, 'pending', 'waitlisted', now)
      await markDrawApplied(record._id)
    }
    sessions.push({
      sessionId: session.id,
      entries: record.entries.length,
      winners: record.winners.length,
      waitlist: record.waitlist.length,
    })
  }
  await markActivity(activity._id, { drawnAt: now })
  return { activityId: activity._id, sessions }
}

/** An entry's place on its session's waitlist (1-based), from the published record. */
export function waitlistPosition(record: StoredDraw | null, entry: EntryRecord): number | null {
  if (!record || entry.status !== 'waitlisted') return null
  const at = record.waitlist.indexOf(entry._id)
  return at < 0 ? null : at + 1
}

/** What an activity page shows of its draw: the seed's hash, each session's list hash. */
export async function drawState(activity: ActivityRecord): Promise<DrawState | null> {
  if (activity.allocation !== 'lottery') return null
  const sessions = await Promise.all(
    activity.sessions.map(async (s) => {
      const record = await getDraw(activity._id, s.id)
      return {
        sessionId: s.id,
        listHash: record?.listHash ?? null,
        drawnAt: record?.drawnAt ?? null,
      }
    }),
  )
  return { seedHash: activity.seedHash ?? null, sessions }
}

/**
 * The draw facts of a member's own entry: before the draw its weight and the reason (from the
 * frozen record once there is one, else as the policy weighs the member now); after it, a
 * waitlisted entry's place.
 */
export async function drawFactsOf(
  activity: ActivityRecord,
  entry: EntryRecord,
  now: Date,
): Promise<DrawFacts> {
  if (activity.allocation !== 'lottery') return {}
  const record = await getDraw(activity._id, entry.sessionId)
  if (entry.status === 'waitlisted') return { waitlistPosition: waitlistPosition(record, entry) }
  if (entry.status !== 'pending') return {}
  const listed = record?.entries.find((e) => e.id === entry._id)
  const policy = record?.weightPolicy ?? activity.weightPolicy ?? DEFAULT_WEIGHT_POLICY
  const [outcomes, credits] = await Promise.all([
    listOutcomesOf([entry.memberId]),
    getCredits([entry.memberId]),
  ])
  const weighed = weighEntrant(
    policy,
    {
      ...drawHistoryOf(entry.memberId, outcomes),
      bannedUntil: credits.get(entry.memberId)?.bannedUntil ?? null,
    },
    now,
  )
  if (!weighed.included) return {}
  return { weight: { value: listed?.weight ?? weighed.weight, reason: weighed.reason } }
}

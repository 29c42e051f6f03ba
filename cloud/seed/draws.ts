import { createHash } from 'node:crypto'
import type { DrawRecord } from '../../cloudfunctions/contract'
import type { ActivityRecord } from '../../cloudfunctions/domain/activity'
import {
  DEFAULT_WEIGHT_POLICY,
  listHash,
  runDraw,
  seedHash,
  sortEntries,
  weighEntrant,
} from '../../cloudfunctions/domain/draw'
import { drawHistoryOf, entryIdFor, type EntryRecord } from '../../cloudfunctions/domain/entry'
import {
  drawWaitlistedMessage,
  drawWonMessage,
  messageFrom,
  reminderMessage,
  type MessageRecord,
} from '../../cloudfunctions/domain/message'
import { lotterySeat } from '../../cloudfunctions/domain/offers'
import { seatIdFor, type SeatRecord } from '../../cloudfunctions/domain/seats'
import { maskName } from '../../cloudfunctions/domain/mask'
import type { MemberRecord } from '../../cloudfunctions/store/records'
import type { DrawSecret, StoredDraw } from '../../cloudfunctions/store/draws'
import type { DemoActivities } from './activities'

/**
 * The draws of the demo lotteries as the scheduler would have left them, so that starting the
 * local cloud writes nothing on its first tick: 《山水相依》 (open) has its seed committed,
 * 《森林奇境》 (closed) its entrant list frozen and waiting for tomorrow's draw, the lecture is
 * long drawn, the opera drawn two days ago with its show about to begin. Demo seeds are derived
 * from the activity id (a real one is random).
 */
export function demoDraws(
  { shanshui, forest, lecture, opera }: DemoActivities,
  entries: readonly EntryRecord[],
  members: readonly MemberRecord[],
  devMemberId: string,
  now: Date,
): {
  secrets: DrawSecret[]
  draws: StoredDraw[]
  marks: Map<string, Partial<ActivityRecord>>
  entries: EntryRecord[]
  seats: SeatRecord[]
  messages: MessageRecord[]
} {
  const secrets = [shanshui, forest].map((a) => {
    const seed = createHash('sha256').update(`demo-seed:${a._id}`).digest('hex')
    return { _id: a._id, seed, seedHash: seedHash(seed), createdAt: a.createdAt }
  })
  const hashOf = (a: ActivityRecord) => secrets.find((s) => s._id === a._id)?.seedHash ?? null
  const names = new Map(members.map((m) => [m._id, m.name]))
  const frozenAt = forest.signupClosesAt
  const listed = frozenList(forest, entries, names)
  const record: DrawRecord = {
    version: 1,
    activityId: forest._id,
    sessionId: 's1',
    seats: forest.sessions[0].seats,
    entries: listed,
    listHash: listHash(listed),
    seedHash: hashOf(forest) ?? '',
    seed: null,
    winners: [],
    waitlist: [],
    weightPolicy: DEFAULT_WEIGHT_POLICY,
    committedAt: forest.createdAt.toISOString(),
    drawnAt: null,
  }
  const drawn = drawnOpera(opera, entries, names, entryIdFor(opera._id, devMemberId), now)
  const marks = new Map<string, Partial<ActivityRecord>>([
    [shanshui._id, { seedHash: hashOf(shanshui) }],
    [forest._id, { seedHash: hashOf(forest), frozenAt }],
    [lecture._id, { frozenAt: lecture.signupClosesAt, drawnAt: lecture.drawAt }],
    [opera._id, drawn.mark],
  ])
  return {
    secrets: [...secrets, drawn.secret],
    draws: [{ _id: `${forest._id}_s1`, ...record, applied: false }, drawn.record],
    marks,
    entries: entries.map((e) => drawn.entries.get(e._id) ?? e),
    seats: [drawn.seat],
    messages: drawn.messages,
  }
}

/** A lottery's pending entries as the scheduler freezes them: weighed, masked, in id order. */
function frozenList(
  activity: ActivityRecord,
  entries: readonly EntryRecord[],
  names: ReadonlyMap<string, string>,
): DrawRecord['entries'] {
  const frozenAt = activity.signupClosesAt
  return sortEntries(
    entries
      .filter((e) => e.activityId === activity._id && e.status === 'pending')
      .flatMap((e) => {
        const history = { ...drawHistoryOf(e.memberId, entries), bannedUntil: null }
        const weighed = weighEntrant(DEFAULT_WEIGHT_POLICY, history, frozenAt)
        if (!weighed.included) return []
        const label = maskName(names.get(e.memberId) ?? '')
        return [{ id: e._id, size: e.partySize, weight: weighed.weight, label }]
      }),
  )
}

/** Checkers scanned the first few winners in before the demo began. */
const CHECKED_IN = 5

/**
 * The opera as the scheduler and its members would have left it: drawn two days ago, every
 * winner confirmed within the day, five already checked in at the door, the rest on the
 * waitlist — the dev member first on it, so a ticket given back reaches them (the demo's seed
 * is the first of a numbered series that puts them there). Every member was told the result
 * and every ticket reminded the day before; the seat document holds exactly the winners.
 */
function drawnOpera(
  opera: ActivityRecord,
  entries: readonly EntryRecord[],
  names: ReadonlyMap<string, string>,
  devEntryId: string,
  now: Date,
) {
  const listed = frozenList(opera, entries, names)
  const session = opera.sessions[0]
  const drawnAt = opera.drawAt ?? opera.signupClosesAt
  let seed = ''
  let result = { winners: [] as string[], waitlist: [] as string[] }
  for (let k = 0; result.waitlist[0] !== devEntryId; k++) {
    if (k > 10_000) throw new Error('no demo seed puts the dev member first on the waitlist')
    seed = createHash('sha256').update(`demo-seed:${opera._id}:${k}`).digest('hex')
    result = runDraw(listed, seed, session.seats)
  }
  const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000)
  const changed = new Map<string, EntryRecord>()
  const original = new Map(entries.map((e) => [e._id, e]))
  result.winners.forEach((id, i) => {
    const e = original.get(id) as EntryRecord
    const checkedIn = i < CHECKED_IN
    const confirmedAt = minutes(drawnAt, 40 + i * 23)
    const checkedInAt = minutes(now, -(30 - i * 4))
    changed.set(id, {
      ...e,
      status: checkedIn ? 'checkedIn' : 'won',
      confirmedAt,
      checkedInAt: checkedIn ? checkedInAt : null,
      checkedInBy: checkedIn ? 'dev-checker-1' : null,
      version: checkedIn ? 4 : 3,
      updatedAt: checkedIn ? checkedInAt : confirmedAt,
    })
  })
  for (const id of result.waitlist) {
    const e = original.get(id) as EntryRecord
    changed.set(id, { ...e, status: 'waitlisted', version: 2, updatedAt: drawnAt })
  }
  const sizes = new Map(listed.map((e) => [e.id, e.size]))
  const seatId = seatIdFor(opera._id, session.id)
  const winners = result.winners.map((id) => ({ id, size: sizes.get(id) ?? 1 }))
  const seat = lotterySeat(seatId, opera._id, session.id, session.seats, winners, drawnAt)
  const record: StoredDraw = {
    _id: `${opera._id}_${session.id}`,
    version: 1,
    activityId: opera._id,
    sessionId: session.id,
    seats: session.seats,
    entries: listed,
    listHash: listHash(listed),
    seedHash: seedHash(seed),
    seed,
    winners: result.winners,
    waitlist: result.waitlist,
    weightPolicy: DEFAULT_WEIGHT_POLICY,
    committedAt: opera.createdAt.toISOString(),
    drawnAt: drawnAt.toISOString(),
    applied: true,
    announced: listed.length,
  }
  const secret: DrawSecret = {
    _id: opera._id,
    seed,
    seedHash: seedHash(seed),
    createdAt: opera.createdAt,
  }
  const messages = [...changed.values()].flatMap((e) => {
    const facts = {
      entryId: e._id,
      activityId: opera._id,
      activityTitle: opera.title,
      sessionStartAt: session.startAt,
    }
    const position = result.waitlist.indexOf(e._id) + 1
    const told = position
      ? drawWaitlistedMessage({ ...facts, position })
      : drawWonMessage({
          ...facts,
          partySize: e.partySize,
          confirmBy: new Date(drawnAt.getTime() + 24 * 3_600_000),
        })
    const posts = [messageFrom({ memberId: e.memberId, ...told }, drawnAt)]
    if (!position) {
      const reminder = reminderMessage({
        ...facts,
        placeName: opera.place.name,
        placeAddress: opera.place.address,
        cancelUntil: null,
      })
      posts.push(
        messageFrom({ memberId: e.memberId, ...reminder }, minutes(session.startAt, -24 * 60)),
      )
    }
    return posts
  })
  const mark: Partial<ActivityRecord> = {
    seedHash: seedHash(seed),
    frozenAt: opera.signupClosesAt,
    drawnAt,
    remindedSessions: [session.id],
  }
  return { secret, record, entries: changed, seat, messages, mark }
}

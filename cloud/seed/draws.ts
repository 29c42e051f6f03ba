import { createHash } from 'node:crypto'
import type { DrawRecord } from '../../cloudfunctions/contract'
import type { ActivityRecord } from '../../cloudfunctions/domain/activity'
import {
  DEFAULT_WEIGHT_POLICY,
  listHash,
  seedHash,
  sortEntries,
  weighEntrant,
} from '../../cloudfunctions/domain/draw'
import { drawHistoryOf, type EntryRecord } from '../../cloudfunctions/domain/entry'
import { maskName } from '../../cloudfunctions/domain/mask'
import type { MemberRecord } from '../../cloudfunctions/store/records'
import type { DrawSecret, StoredDraw } from '../../cloudfunctions/store/draws'
import type { DemoActivities } from './activities'

/**
 * The draws of the demo lotteries as the scheduler would have left them, so that starting the
 * local cloud writes nothing on its first tick: 《山水相依》 (open) has its seed committed,
 * 《森林奇境》 (closed) its entrant list frozen and waiting for tomorrow's draw, the lecture is
 * long drawn. Demo seeds are derived from the activity id (a real one is random).
 */
export function demoDraws(
  { shanshui, forest, lecture }: DemoActivities,
  entries: readonly EntryRecord[],
  members: readonly MemberRecord[],
): {
  secrets: DrawSecret[]
  draws: StoredDraw[]
  marks: Map<string, Partial<ActivityRecord>>
} {
  const secrets = [shanshui, forest].map((a) => {
    const seed = createHash('sha256').update(`demo-seed:${a._id}`).digest('hex')
    return { _id: a._id, seed, seedHash: seedHash(seed), createdAt: a.createdAt }
  })
  const hashOf = (a: ActivityRecord) => secrets.find((s) => s._id === a._id)?.seedHash ?? null
  const names = new Map(members.map((m) => [m._id, m.name]))
  const frozenAt = forest.signupClosesAt
  const listed = sortEntries(
    entries
      .filter((e) => e.activityId === forest._id && e.status === 'pending')
      .flatMap((e) => {
        const history = { ...drawHistoryOf(e.memberId, entries), bannedUntil: null }
        const weighed = weighEntrant(DEFAULT_WEIGHT_POLICY, history, frozenAt)
        if (!weighed.included) return []
        const label = maskName(names.get(e.memberId) ?? '')
        return [{ id: e._id, size: e.partySize, weight: weighed.weight, label }]
      }),
  )
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
  const marks = new Map<string, Partial<ActivityRecord>>([
    [shanshui._id, { seedHash: hashOf(shanshui) }],
    [forest._id, { seedHash: hashOf(forest), frozenAt }],
    [lecture._id, { frozenAt: lecture.signupClosesAt, drawnAt: lecture.drawAt }],
  ])
  return {
    secrets,
    draws: [{ _id: `${forest._id}_s1`, ...record, applied: false }],
    marks,
  }
}

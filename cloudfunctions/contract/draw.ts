import { z } from 'zod'
import { activityId, sessionId } from './activity'
import { STAFF, read, write } from './spec'

/**
 * 抽签, as anyone may check it (docs/draw.md): the weight policy is part of the published
 * record, and the record recomputes to the same winners and waitlist from itself alone.
 */
export interface WeightPolicy {
  /** Every included entrant's weight before any bonus: a positive integer. */
  base: number
  /**
   * Extra weight for consecutive lost draws: `min(perLoss × losses, cap)` is added (`cap` is the
   * most weight losses can add). null: no bonus.
   */
  lossBonus: { perLoss: number; cap: number } | null
  /**
   * A member who won a draw is left out of every draw held within this many Beijing calendar
   * days, counting the day of the win as day 1. null: no cooldown.
   */
  cooldownDays: number | null
  /** Members under a no-show ban (信用记录) at the draw are left out. */
  excludeBanned: boolean
}

/** The published record of one session's draw (`npm run verify-draw -- record.json`). */
export interface DrawRecord {
  version: 1
  activityId: string
  sessionId: string
  seats: number
  /** Sorted by id; `label` is the masked name (张*三). */
  entries: Array<{ id: string; size: number; weight: number; label: string }>
  listHash: string
  seedHash: string
  /** Revealed at the draw; null until then. */
  seed: string | null
  /** Entry ids in draw order. */
  winners: string[]
  waitlist: string[]
  weightPolicy: WeightPolicy
  /** ISO instants: when the list was frozen, and when it was drawn (null until then). */
  committedAt: string
  drawnAt: string | null
}

/** What an activity page shows of its draw before and after it happens. */
export interface DrawState {
  /** SHA-256 of the secret seed, published when the activity is; null before. */
  seedHash: string | null
  sessions: Array<{
    sessionId: string
    /** The frozen entrant list's hash, once the window closed. */
    listHash: string | null
    drawnAt: string | null
  }>
}

/** What staff see after 立即抽签. */
export interface DrawSummary {
  activityId: string
  sessions: Array<{ sessionId: string; entries: number; winners: number; waitlist: number }>
}

export const drawActions = {
  'draw.record': read<DrawRecord>()(
    {
      summary: '抽签公示记录（可自行验证）· The published draw record of a session',
      returns: 'DrawRecord',
    },
    ['everyone'],
    z.strictObject({ activityId, sessionId }),
  ),
  'draw.run': write<DrawSummary>()(
    {
      summary: '立即抽签（报名截止后）· Draw now, once the window has closed',
      returns: 'DrawSummary',
    },
    STAFF,
    { activityId },
  ),
} as const

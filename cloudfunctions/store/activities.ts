import type { PhaseFilter, Category } from '../contract/activity'
import type { ActivityChange, ActivityRecord, NewActivity } from '../domain/activity'
import { decodeCursor, isTimeKey, olderThan, page, timeKey } from './cursor'
import { readAll, readByIds } from './bulk'
import { db, isDuplicateKey, QUERY_CAP } from './db'
import { asRecord, asRecords, updatedCount } from './documents'

const ACTIVITIES = 'activities'

export interface ActivityPage {
  items: ActivityRecord[]
  nextCursor?: string
}

/** Inserts under `id` (from the creating request); a first run's activity is the answer. */
export async function insertActivity(id: string, activity: NewActivity): Promise<ActivityRecord> {
  try {
    await db()
      .collection(ACTIVITIES)
      .add({ _id: id, ...activity })
    return { _id: id, ...activity }
  } catch (error) {
    const made = isDuplicateKey(error) ? await getActivity(id) : null
    if (!made) throw error
    return made
  }
}

export async function getActivity(id: string): Promise<ActivityRecord | null> {
  const res = (await db().collection(ACTIVITIES).doc(id).get()) as { data: unknown }
  return revive(asRecord<ActivityRecord>(res.data))
}

export async function getActivities(ids: string[]): Promise<Map<string, ActivityRecord>> {
  const found = await readByIds<ActivityRecord>(ACTIVITIES, ids)
  return new Map([...found].map(([id, a]) => [id, revive(a)]))
}

/** One conditional update from the version read; the activity keeps the request that made it. */
export async function applyActivityChange(
  id: string,
  fromVersion: number,
  change: ActivityChange,
  request: string | undefined,
): Promise<boolean> {
  const _ = db().command
  const { sessions, place, party, eligibility, ...rest } = change
  // Nested settings are replaced whole, never merged field by field.
  const whole = Object.fromEntries(
    Object.entries({ sessions, place, party, eligibility })
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, _.set(value)]),
  )
  const res = await db()
    .collection(ACTIVITIES)
    .where({ _id: id, version: fromVersion })
    .update({ ...rest, ...whole, lastRequest: request ?? null })
  return updatedCount(res) === 1
}

/** What members may list: published or cancelled, by the three filters of the 活动 tab. */
function memberFilter(now: Date, category?: Category, phase?: PhaseFilter): object {
  const _ = db().command
  const base: Record<string, unknown> = category ? { category } : {}
  switch (phase) {
    case 'open':
      return { ...base, status: 'published', signupOpensAt: _.lte(now), signupClosesAt: _.gt(now) }
    case 'upcoming':
      return { ...base, status: 'published', signupOpensAt: _.gt(now) }
    case 'ended':
      return _.and([
        base,
        _.or([{ status: 'published', signupClosesAt: _.lte(now) }, { status: 'cancelled' }]),
      ])
    default:
      return { ...base, status: _.in(['published', 'cancelled']) }
  }
}

/** Activities members see, latest signup opening first. */
export async function listForMembers(
  now: Date,
  filter: { category?: Category; phase?: PhaseFilter },
  cursor: string | undefined,
  limit: number,
): Promise<ActivityPage> {
  const _ = db().command
  const where = memberFilter(now, filter.category, filter.phase)
  const res = (await db()
    .collection(ACTIVITIES)
    .where(cursor ? _.and([where, olderThan('signupOpensAt', cursor)]) : where)
    .orderBy('signupOpensAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get()) as { data: unknown }
  return page(
    asRecords<ActivityRecord>(res.data).map((row) => revive(row)),
    limit,
    (last) => timeKey(last.signupOpensAt, last._id),
  )
}

/** Every activity, newest created first: the staff list. */
export async function listAllActivities(
  cursor: string | undefined,
  limit: number,
): Promise<ActivityPage> {
  if (cursor) decodeCursor(cursor, isTimeKey)
  const res = (await db()
    .collection(ACTIVITIES)
    .where(cursor ? olderThan('createdAt', cursor) : {})
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get()) as { data: unknown }
  return page(
    asRecords<ActivityRecord>(res.data).map((row) => revive(row)),
    limit,
    (last) => timeKey(last.createdAt, last._id),
  )
}

/**
 * Published first-come activities whose sessions have not all ended: the ones whose seats the
 * scheduler keeps equal to their entries.
 */
export async function listRunningFirstCome(now: Date): Promise<ActivityRecord[]> {
  const _ = db().command
  const running = { status: 'published', allocation: 'first-come', lastSessionEndAt: _.gt(now) }
  return (await readAll<ActivityRecord>(ACTIVITIES, running)).map((row) => revive(row))
}

/** The draw's milestones, set by the scheduler; not a staff edit, so no version bump. */
export type DrawMark = { seedHash: string } | { frozenAt: Date } | { drawnAt: Date }

export async function markActivity(id: string, mark: DrawMark): Promise<void> {
  await db().collection(ACTIVITIES).doc(id).update(mark)
}

/** Published lotteries whose window closed and whose entrant list is not frozen yet. */
export async function listLotteriesToFreeze(now: Date): Promise<ActivityRecord[]> {
  const _ = db().command
  return lotteries({ signupClosesAt: _.lte(now), frozenAt: null })
}

/** Frozen lotteries whose draw time came and that are not drawn yet. */
export async function listLotteriesToDraw(now: Date): Promise<ActivityRecord[]> {
  const _ = db().command
  return lotteries({ frozenAt: _.neq(null), drawAt: _.lte(now), drawnAt: null })
}

/** How far back the scheduler looks for sessions to close: a longer outage is closed by hand. */
const CLOSE_LOOKBACK_MS = 3 * 24 * 3_600_000

/**
 * Published activities with a session starting within `ahead` (its reminder may be due) or
 * ended lately (its no-shows may be due).
 */
export async function listAroundSessions(now: Date, ahead: number): Promise<ActivityRecord[]> {
  const _ = db().command
  const where = {
    status: 'published',
    firstSessionAt: _.lte(new Date(now.getTime() + ahead)),
    lastSessionEndAt: _.gt(new Date(now.getTime() - CLOSE_LOOKBACK_MS)),
  }
  return (await readAll<ActivityRecord>(ACTIVITIES, where)).map((row) => revive(row))
}

/** Marks a session's reminder sent, or its no-shows recorded: the job is not done again. */
export async function markSessionDone(
  id: string,
  step: 'remindedSessions' | 'closedSessions',
  sessionId: string,
): Promise<void> {
  const _ = db().command
  await db()
    .collection(ACTIVITIES)
    .doc(id)
    .update({ [step]: _.addToSet(sessionId) })
}

/** Drawn lotteries with a session not yet over: their seats pass down the waitlist. */
export async function listDrawnLotteries(now: Date): Promise<ActivityRecord[]> {
  const _ = db().command
  return lotteries({ drawnAt: _.neq(null), lastSessionEndAt: _.gt(now) })
}

async function lotteries(where: object): Promise<ActivityRecord[]> {
  const res = (await db()
    .collection(ACTIVITIES)
    .where({ status: 'published', allocation: 'lottery', ...where })
    .orderBy('_id', 'asc')
    .limit(QUERY_CAP)
    .get()) as { data: unknown }
  return asRecords<ActivityRecord>(res.data).map((row) => revive(row))
}

/** Dates arrive as Date from the SDK; hand-seeded string dates are tolerated too. */
function revive(activity: ActivityRecord): ActivityRecord
function revive(activity: ActivityRecord | null): ActivityRecord | null
function revive(activity: ActivityRecord | null): ActivityRecord | null {
  if (!activity) return null
  const date = (value: Date | string) => new Date(value)
  return {
    ...activity,
    sessions: activity.sessions.map((s) => ({
      ...s,
      startAt: date(s.startAt),
      endAt: date(s.endAt),
    })),
    signupOpensAt: date(activity.signupOpensAt),
    signupClosesAt: date(activity.signupClosesAt),
    drawAt: activity.drawAt ? date(activity.drawAt) : null,
    firstSessionAt: date(activity.firstSessionAt),
    lastSessionEndAt: date(activity.lastSessionEndAt),
    createdAt: date(activity.createdAt),
    updatedAt: date(activity.updatedAt),
    frozenAt: activity.frozenAt ? date(activity.frozenAt) : null,
    drawnAt: activity.drawnAt ? date(activity.drawnAt) : null,
  }
}

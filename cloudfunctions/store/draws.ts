import type { DrawRecord } from '../contract/draw'
import { newSeed, seedHash } from '../domain/draw'
import { db, isDuplicateKey } from './db'
import { asRecord, updatedCount } from './documents'

const SECRETS = 'drawSecrets'
const DRAWS = 'draws'

/** drawSecrets/<activityId>: the seed, kept secret until the draw reveals it in the record. */
export interface DrawSecret {
  _id: string
  seed: string
  seedHash: string
  createdAt: Date
}

/**
 * draws/<activityId>_<sessionId>: the published record, plus whether its entries moved to their
 * outcome (`applied`) and how many of its listed entries were sent the result (`announced`).
 */
export type StoredDraw = DrawRecord & { _id: string; applied: boolean; announced?: number }

export function drawIdFor(activityId: string, sessionId: string): string {
  return `${activityId}_${sessionId}`
}

export async function getSecret(activityId: string): Promise<DrawSecret | null> {
  const res = (await db().collection(SECRETS).doc(activityId).get()) as { data: unknown }
  return asRecord<DrawSecret>(res.data)
}

/**
 * The activity's seed, made once: an insert under the activity's id, so two runs (or a run
 * after a crash) end up with the one seed whose hash was published.
 */
export async function ensureSecret(activityId: string, now: Date): Promise<DrawSecret> {
  const found = await getSecret(activityId)
  if (found) return found
  const seed = newSeed()
  const secret: DrawSecret = { _id: activityId, seed, seedHash: seedHash(seed), createdAt: now }
  try {
    await db().collection(SECRETS).add(secret)
    return secret
  } catch (error) {
    const made = isDuplicateKey(error) ? await getSecret(activityId) : null
    if (!made) throw error
    return made
  }
}

export async function getDraw(activityId: string, sessionId: string): Promise<StoredDraw | null> {
  const res = (await db().collection(DRAWS).doc(drawIdFor(activityId, sessionId)).get()) as {
    data: unknown
  }
  return asRecord<StoredDraw>(res.data)
}

/** Freezes a session's entrant list: the first record written stands, a second run keeps it. */
export async function insertDraw(record: DrawRecord): Promise<StoredDraw> {
  const stored: StoredDraw = {
    _id: drawIdFor(record.activityId, record.sessionId),
    ...record,
    applied: false,
  }
  try {
    await db().collection(DRAWS).add(stored)
    return stored
  } catch (error) {
    const made = isDuplicateKey(error) ? await getDraw(record.activityId, record.sessionId) : null
    if (!made) throw error
    return made
  }
}

/** The draw's deciding write: the seed revealed with the result, only over an undrawn record. */
export async function revealDraw(
  id: string,
  result: { seed: string; winners: string[]; waitlist: string[]; drawnAt: string },
): Promise<boolean> {
  const _ = db().command
  const res = await db()
    .collection(DRAWS)
    .where({ _id: id, seed: null })
    .update({ ...result, winners: _.set(result.winners), waitlist: _.set(result.waitlist) })
  return updatedCount(res) === 1
}

export async function markDrawApplied(id: string): Promise<void> {
  await db().collection(DRAWS).doc(id).update({ applied: true })
}

export async function markAnnounced(id: string, announced: number): Promise<void> {
  await db().collection(DRAWS).doc(id).update({ announced })
}

/** The record as published: the fields of docs/draw.md, in its order, nothing internal. */
export function publishedRecord(stored: StoredDraw): DrawRecord {
  return {
    version: stored.version,
    activityId: stored.activityId,
    sessionId: stored.sessionId,
    seats: stored.seats,
    entries: stored.entries,
    listHash: stored.listHash,
    seedHash: stored.seedHash,
    seed: stored.seed,
    winners: stored.winners,
    waitlist: stored.waitlist,
    weightPolicy: stored.weightPolicy,
    committedAt: stored.committedAt,
    drawnAt: stored.drawnAt,
  }
}

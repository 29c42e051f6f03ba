import type { ResourceRecord, VenueRecord } from '../domain/venue'
import { olderThan, page, timeKey } from './cursor'
import { db, isDuplicateKey } from './db'
import { asRecord, asRecords, updatedCount } from './documents'

const VENUES = 'venues'

/**
 * venues/<id>: the venue with its 场地 inside. A venue has a few tables, and keeping them in the
 * venue's document makes an edit of hours, closures and tables one conditional write: the grid
 * never sees a calendar without the tables it names.
 */
export interface StoredVenue extends VenueRecord {
  resources: ResourceRecord[]
}

export type NewVenue = Omit<StoredVenue, '_id'>

/** Inserts under `id` (from the creating request); a first run's venue is the answer. */
export async function insertVenue(id: string, venue: NewVenue): Promise<StoredVenue> {
  try {
    await db()
      .collection(VENUES)
      .add({ _id: id, ...venue })
    return { _id: id, ...venue }
  } catch (error) {
    const made = isDuplicateKey(error) ? await getVenue(id) : null
    if (!made) throw error
    return made
  }
}

export async function getVenue(id: string): Promise<StoredVenue | null> {
  const res = (await db().collection(VENUES).doc(id).get()) as { data: unknown }
  return revive(asRecord<StoredVenue>(res.data))
}

/**
 * One conditional update from the version read; nested settings are replaced whole, and the
 * venue keeps the request that changed it, so a second run of the edit knows.
 */
export async function replaceVenue(
  id: string,
  fromVersion: number,
  venue: Omit<StoredVenue, '_id'>,
): Promise<boolean> {
  const _ = db().command
  const { calendar, policy, resources, ...rest } = venue
  const res = await db()
    .collection(VENUES)
    .where({ _id: id, version: fromVersion })
    .update({
      ...rest,
      calendar: _.set(calendar),
      policy: _.set(policy),
      resources: _.set(resources),
    })
  return updatedCount(res) === 1
}

/** Published venues by name, then id: the 场馆 tab. */
export async function listPublishedVenues(
  cursor: string | undefined,
  limit: number,
): Promise<{ items: StoredVenue[]; nextCursor?: string }> {
  return listVenues({ status: 'published' }, cursor, limit)
}

/** Every venue, newest first: staff's list. */
export function listAllVenues(cursor: string | undefined, limit: number) {
  return listVenues({}, cursor, limit)
}

async function listVenues(
  where: object,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: StoredVenue[]; nextCursor?: string }> {
  const _ = db().command
  const older = cursor ? olderThan('createdAt', cursor) : null
  const filter = !older ? where : Object.keys(where).length ? _.and([where, older]) : older
  const res = (await db()
    .collection(VENUES)
    .where(filter)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get()) as { data: unknown }
  return page(
    asRecords<StoredVenue>(res.data).map((v) => revive(v)),
    limit,
    (last) => timeKey(last.createdAt, last._id),
  )
}

function revive(venue: StoredVenue): StoredVenue
function revive(venue: StoredVenue | null): StoredVenue | null
function revive(venue: StoredVenue | null): StoredVenue | null {
  if (!venue) return null
  return {
    ...venue,
    resources: venue.resources ?? [],
    createdAt: new Date(venue.createdAt),
    updatedAt: new Date(venue.updatedAt),
  }
}

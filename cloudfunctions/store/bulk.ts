import { db, QUERY_CAP } from './db'
import { asRecords, type Stored } from './documents'

/** How many ids one `_.in` look-up carries. */
const IDS_PER_READ = 100

/**
 * Every document matching `where`, read in `_id` order page after page: the real service caps
 * a query at 1000 documents, and the scheduler and the draw must see them all.
 */
export async function readAll<T>(collection: string, where: object): Promise<Stored<T>[]> {
  const _ = db().command
  const all: Stored<T>[] = []
  for (let after = ''; ;) {
    const res = (await db()
      .collection(collection)
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(QUERY_CAP)
      .get()) as { data: unknown }
    const rows = asRecords<T>(res.data)
    all.push(...rows)
    if (rows.length < QUERY_CAP) return all
    after = rows[rows.length - 1]._id
  }
}

/** Documents by id (duplicates and missing ones dropped), keyed by id. */
export async function readByIds<T>(
  collection: string,
  ids: readonly string[],
): Promise<Map<string, Stored<T>>> {
  const _ = db().command
  const unique = [...new Set(ids)]
  const found = new Map<string, Stored<T>>()
  for (let i = 0; i < unique.length; i += IDS_PER_READ) {
    const res = (await db()
      .collection(collection)
      .where({ _id: _.in(unique.slice(i, i + IDS_PER_READ)) })
      .limit(IDS_PER_READ)
      .get()) as { data: unknown }
    for (const row of asRecords<T>(res.data)) found.set(row._id, row)
  }
  return found
}

/** Every document whose `field` is one of `values`, the values taken 100 at a time. */
export async function readAllIn<T>(
  collection: string,
  field: string,
  values: readonly string[],
  where: object = {},
): Promise<Stored<T>[]> {
  const _ = db().command
  const all: Stored<T>[] = []
  for (let i = 0; i < values.length; i += IDS_PER_READ) {
    const chunk = values.slice(i, i + IDS_PER_READ)
    all.push(...(await readAll<T>(collection, { ...where, [field]: _.in(chunk) })))
  }
  return all
}

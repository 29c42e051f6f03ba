import { randomBytes } from 'node:crypto'
import { Aggregator, Query, update as applyUpdate } from 'mingo'
import type { AnyObject } from 'mingo/types'
import type { Modifier } from 'mingo/updater'
import { CloudError, type SdkActionHandler } from '../service'
import { clone, decode, decodeObject, encode, isPlainObject, type Doc } from './ejson'
import { DbErrors } from './errors'
import { idKey, type Collection, type DatabaseState } from './state'
import type { Transaction, Transactions } from './transactions'

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

type Params = Record<string, unknown>

export interface OperationDeps {
  state: DatabaseState
  transactions: Transactions
  now: () => Date
}

/** Production `_id`s are 32 hex characters. */
export const newId = () => randomBytes(16).toString('hex')

/**
 * mingo's `find()` builds its options twice, and the second time copies every operator table
 * into a fresh context: on the hot path of every read. A Query built directly shares them.
 */
function select(docs: Doc[], criteria: Doc, projection?: Doc) {
  return new Query(criteria as AnyObject, {}).find(docs, projection)
}

/** Anything mingo or EJSON rejects is the caller's malformed request, not a server fault. */
function guard<T>(what: string, run: () => T): T {
  try {
    return run()
  } catch (err) {
    if (err instanceof CloudError) throw err
    throw DbErrors.requestFailed(`${what}: ${err instanceof Error ? err.message : String(err)}`)
  }
}

function sortSpec(order: unknown): Record<string, 1 | -1> | undefined {
  if (isPlainObject(order)) {
    const spec: Record<string, 1 | -1> = {}
    for (const [k, v] of Object.entries(order)) spec[k] = Number(v) < 0 ? -1 : 1
    return Object.keys(spec).length ? spec : undefined
  }
  // Older SDKs send [{ field, direction }].
  if (Array.isArray(order) && order.length) {
    const spec: Record<string, 1 | -1> = {}
    for (const o of order)
      if (isPlainObject(o)) spec[String(o.field)] = o.direction === 'desc' ? -1 : 1
    return spec
  }
  return undefined
}

function limitOf(value: unknown): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_LIMIT
  return Math.min(Math.floor(n), MAX_LIMIT)
}

const isOperatorUpdate = (data: Doc) => Object.keys(data).some((k) => k.startsWith('$'))

export function createOperations(deps: OperationDeps): Record<string, SdkActionHandler> {
  const { state, transactions, now } = deps
  const dec = (v: unknown, what: string) => guard(what, () => decodeObject(v, now, what))

  /** A direct `_id` lookup when the query names one, else a scan of the collection. */
  function candidates(coll: Collection, criteria: Doc): Doc[] {
    const id = criteria._id
    if (typeof id === 'string' || typeof id === 'number') {
      const stored = coll.docs.get(idKey(id))
      return stored ? [stored.doc] : []
    }
    return Array.from(coll.docs.values(), (s) => s.doc)
  }

  function matching(coll: Collection, criteria: Doc, multi: boolean): Doc[] {
    const query = guard('query', () => new Query(criteria as AnyObject, {}))
    const out: Doc[] = []
    for (const doc of candidates(coll, criteria)) {
      if (guard('query', () => query.test(doc))) {
        out.push(doc)
        if (!multi) break
      }
    }
    return out
  }

  /** The document after `data`: a replacement (set) or update operators (update). */
  function updated(doc: Doc, data: Doc, merge: boolean): Doc | null {
    if (!merge) {
      if (isOperatorUpdate(data)) throw DbErrors.requestFailed('update operator complicit')
      const next: Doc = { _id: doc._id, ...clone(data) }
      next._id = doc._id
      return encode(next) === encode(doc) ? null : next
    }
    const modifier = isOperatorUpdate(data) ? data : { $set: data }
    if ('_id' in (isPlainObject(modifier.$set) ? modifier.$set : {}))
      throw DbErrors.invalidParam('不能更新_id的值')
    const next = clone(doc)
    const changed = guard('update', () => applyUpdate(next, modifier as Modifier<Doc>))
    return changed.length ? next : null
  }

  /** The document an upsert creates: the query's equality fields, then the update. */
  function upserted(criteria: Doc, data: Doc, merge: boolean): Doc {
    const id = criteria._id !== undefined && !isPlainObject(criteria._id) ? criteria._id : newId()
    if (!merge) return updated({ _id: id }, data, false) ?? { _id: id }
    const base: Doc = { _id: id }
    for (const [k, v] of Object.entries(criteria))
      if (!k.startsWith('$') && !isPlainObject(v) && !(v instanceof RegExp)) base[k] = clone(v)
    return updated(base, data, true) ?? base
  }

  function txDocId(params: Params, criteria: Doc): unknown {
    const id = criteria._id ?? params._id
    if (id === undefined || isPlainObject(id))
      throw DbErrors.invalidParam('事务中只支持按 _id 操作单个文档')
    return id
  }

  function inTransaction(params: Params): Transaction | null {
    const id = params.transactionId
    return id === undefined || id === null || id === '' ? null : transactions.get(id)
  }

  /** Runs `fn` against an open transaction; an error inside aborts it, as MongoDB does. */
  function withTx<T>(tx: Transaction, fn: () => T): T {
    try {
      return fn()
    } catch (err) {
      transactions.abort(tx)
      throw err
    }
  }

  const ops: Record<string, (p: Params) => Record<string, unknown>> = {
    'database.addCollection': (p) => {
      if (typeof p.collectionName !== 'string' || !p.collectionName)
        throw DbErrors.invalidParam('collectionName 不能为空')
      state.addCollection(p.collectionName)
      return {}
    },

    'database.insertDocument': (p) => {
      const coll = state.collection(p.collectionName)
      if (!Array.isArray(p.data) || p.data.length === 0)
        throw DbErrors.invalidParam('data 必须是非空数组')
      const docs = p.data.map((d) => {
        const doc = dec(d, 'data')
        if (doc._id === undefined || doc._id === null) doc._id = newId()
        return doc
      })
      const tx = inTransaction(p)
      const insertedIds: unknown[] = []
      for (const doc of docs) {
        const exists = tx
          ? transactions.read(tx, coll, doc._id) !== null
          : coll.docs.has(idKey(doc._id))
        if (exists) {
          if (tx) transactions.abort(tx)
          throw DbErrors.duplicateKey(coll.name, '_id_', `{ _id: ${JSON.stringify(doc._id)} }`)
        }
        if (tx) transactions.stage(tx, coll, doc._id, doc)
        else state.write(coll, doc._id, doc)
        insertedIds.push(doc._id)
      }
      return { data: { insertedIds } }
    },

    'database.getDocument': (p) => {
      const coll = state.collection(p.collectionName)
      const criteria = dec(p.query, 'query')
      const projection = p.projection === undefined ? undefined : dec(p.projection, 'projection')
      const tx = inTransaction(p)
      if (tx) {
        const doc = withTx(tx, () => transactions.read(tx, coll, txDocId(p, criteria)))
        const shown = doc && projection ? select([doc], {}, projection).all() : doc ? [doc] : []
        return { data: { list: shown.map(encode) } }
      }
      const offset = Math.max(0, Math.floor(Number(p.offset) || 0))
      const limit = limitOf(p.limit)
      const order = sortSpec(guard('order', () => decode(p.order, now)))
      const list = guard('query', () => {
        let cursor = select(candidates(coll, criteria), criteria, projection)
        if (order) cursor = cursor.sort(order)
        return cursor.skip(offset).limit(limit).all()
      })
      return { data: { list: list.map(encode), limit, offset } }
    },

    'database.calculateDocument': (p) => {
      const coll = state.collection(p.collectionName)
      const criteria = dec(p.query, 'query')
      return { data: { total: matching(coll, criteria, true).length } }
    },

    'database.modifyDocument': (p) => {
      const coll = state.collection(p.collectionName)
      const criteria = dec(p.query, 'query')
      const data = dec(p.data, 'data')
      const merge = p.merge !== false
      const upsert = p.upsert === true
      const tx = inTransaction(p)
      if (tx) {
        return withTx(tx, () => {
          const id = txDocId(p, criteria)
          const current = transactions.read(tx, coll, id)
          if (!current) {
            if (!upsert) return { data: { updated: 0 } }
            transactions.stage(tx, coll, id, upserted({ _id: id }, data, merge))
            return { data: { updated: 0, upsert_id: id } }
          }
          const next = updated(current, data, merge)
          // Staged even when unchanged: the conflict check must run, since the caller computed
          // `data` from what it read, and the document may have moved on since.
          transactions.stage(tx, coll, id, next ?? current)
          return { data: { updated: next ? 1 : 0 } }
        })
      }
      const multi = p.multi === true
      const found = matching(coll, criteria, multi)
      if (found.length === 0) {
        if (!upsert) return { data: { updated: 0 } }
        const doc = upserted(criteria, data, merge)
        state.write(coll, doc._id, doc)
        return { data: { updated: 0, upsert_id: doc._id } }
      }
      let count = 0
      for (const doc of found) {
        const next = updated(doc, data, merge)
        if (!next) continue
        state.write(coll, doc._id, next)
        count += 1
      }
      return { data: { updated: count } }
    },

    'database.modifyAndReturnDoc': (p) => {
      const coll = state.collection(p.collectionName)
      const criteria = dec(p.query, 'query')
      const data = dec(p.data, 'data')
      const tx = inTransaction(p)
      if (tx) {
        return withTx(tx, () => {
          const id = txDocId(p, criteria)
          const current = transactions.read(tx, coll, id)
          if (!current) return { data: { updated: 0, doc: null } }
          const next = updated(current, data, true)
          transactions.stage(tx, coll, id, next ?? current)
          return { data: { updated: next ? 1 : 0, doc: encode(next ?? current) } }
        })
      }
      const [doc] = matching(coll, criteria, false)
      if (!doc) return { data: { updated: 0, doc: null } }
      const next = updated(doc, data, true)
      if (next) state.write(coll, doc._id, next)
      return { data: { updated: next ? 1 : 0, doc: encode(next ?? doc) } }
    },

    'database.removeDocument': (p) => {
      const coll = state.collection(p.collectionName)
      const criteria = dec(p.query, 'query')
      const tx = inTransaction(p)
      if (tx) {
        return withTx(tx, () => {
          const id = txDocId(p, criteria)
          if (!transactions.read(tx, coll, id)) return { data: { deleted: 0 } }
          transactions.stage(tx, coll, id, null)
          return { data: { deleted: 1 } }
        })
      }
      const found = matching(coll, criteria, p.multi === true)
      for (const doc of found) state.write(coll, doc._id, null)
      return { data: { deleted: found.length } }
    },

    'database.aggregateDocuments': (p) => {
      const coll = state.collection(p.collectionName)
      if (!Array.isArray(p.stages)) throw DbErrors.invalidParam('stages 必须是数组')
      const pipeline = p.stages.map((s) => {
        if (!isPlainObject(s) || typeof s.stageKey !== 'string')
          throw DbErrors.invalidParam('stage 格式错误')
        return { [s.stageKey]: guard('stage', () => decode(s.stageValue, now)) }
      })
      const collectionResolver = (name: string) =>
        Array.from(state.collection(name).docs.values(), (s) => clone(s.doc))
      const list = guard('aggregate', () =>
        new Aggregator(pipeline, { collectionResolver }).run(
          // Some stages ($addFields, $unwind) would otherwise write into the stored documents.
          Array.from(coll.docs.values(), (s) => clone(s.doc)),
        ),
      )
      return { data: { list: list.map(encode) } }
    },

    'database.startTransaction': () => ({ transactionId: transactions.begin().id }),

    'database.commitTransaction': (p) => {
      transactions.commit(transactions.get(p.transactionId))
      return {}
    },

    'database.abortTransaction': (p) => {
      transactions.abort(transactions.get(p.transactionId))
      return {}
    },
  }

  const handlers: Record<string, SdkActionHandler> = {}
  for (const [name, op] of Object.entries(ops)) handlers[name] = async (params) => op(params)
  return handlers
}

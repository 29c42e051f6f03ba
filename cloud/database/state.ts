import { encode, type Doc } from './ejson'
import { DbErrors } from './errors'
import { UniqueIndex, type IndexSpec } from './indexes'

export interface Stored {
  doc: Doc
  /** The commit sequence number of the last write, for transaction conflict checks. */
  version: number
}

/** Map key of an `_id`: strings as themselves, anything else (numbers, ObjectIds) by EJSON. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? `s${id}` : `x${encode(id)}`
}

export class Collection {
  readonly docs = new Map<string, Stored>()
  readonly uniques: UniqueIndex[]

  constructor(
    readonly name: string,
    indexes: IndexSpec[] = [],
  ) {
    this.uniques = indexes.filter((i) => i.unique).map((i) => new UniqueIndex(name, i))
  }

  checkUnique(key: string, next: Doc | null): void {
    for (const index of this.uniques) index.check(key, next)
  }
}

export type WriteListener = (collection: string, id: unknown, doc: Doc | null) => void
export type PreImageListener = (coll: Collection, key: string, prev: Doc | null) => void
export type CollectionListener = (collection: string) => void

/** The committed documents of every collection; the single place writes are applied. */
export class DatabaseState {
  readonly collections = new Map<string, Collection>()
  seq = 0
  onWrite: WriteListener | null = null
  onAddCollection: CollectionListener | null = null
  /**
   * Sees each document just before a committed write replaces it, so open transactions can keep
   * reading their start snapshot. Set only while a transaction is open: plain writes pay nothing
   * otherwise.
   */
  beforeWrite: PreImageListener | null = null
  private readonly indexSpecs = new Map<string, IndexSpec[]>()

  declareIndexes(name: string, indexes: IndexSpec[]): void {
    this.indexSpecs.set(name, indexes)
  }

  addCollection(name: string): Collection {
    if (this.collections.has(name)) throw DbErrors.collectionExists(name)
    const coll = new Collection(name, this.indexSpecs.get(name))
    this.collections.set(name, coll)
    this.onAddCollection?.(name)
    return coll
  }

  ensureCollection(name: string): Collection {
    return this.collections.get(name) ?? this.addCollection(name)
  }

  collection(name: unknown): Collection {
    if (typeof name !== 'string' || name === '')
      throw DbErrors.invalidParam('collectionName 不能为空')
    const coll = this.collections.get(name)
    if (!coll) throw DbErrors.collectionMissing(name)
    return coll
  }

  get(coll: Collection, key: string): Stored | undefined {
    return coll.docs.get(key)
  }

  /** Applies one committed write (null removes); unique indexes are checked first. */
  write(coll: Collection, id: unknown, next: Doc | null): void {
    const key = idKey(id)
    const prev = coll.docs.get(key)?.doc ?? null
    coll.checkUnique(key, next)
    // After the unique check: a write that fails changes nothing a snapshot must hide.
    this.beforeWrite?.(coll, key, prev)
    for (const index of coll.uniques) index.apply(key, prev, next)
    this.seq += 1
    if (next) coll.docs.set(key, { doc: next, version: this.seq })
    else coll.docs.delete(key)
    this.onWrite?.(coll.name, id, next)
  }
}

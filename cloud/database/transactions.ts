import { randomBytes } from 'node:crypto'
import { clone, type Doc } from './ejson'
import { DbErrors } from './errors'
import { idKey, type Collection, type DatabaseState } from './state'

/**
 * The real service abandons a transaction that is neither committed nor aborted in 30 s.
 * CLOUD_TX_LIFETIME_MS shortens it, only so a test need not wait half a minute.
 */
export const TRANSACTION_LIFETIME_MS = Number(process.env.CLOUD_TX_LIFETIME_MS) || 30_000

interface PendingWrite {
  coll: Collection
  id: unknown
  doc: Doc | null
}

export interface Transaction {
  readonly id: string
  /** Commit sequence at start: a document committed later than this is a write conflict. */
  readonly startSeq: number
  /** Monotonic, so shifting the clock with POST /dev/clock does not expire transactions. */
  readonly startedAt: number
  readonly writes: Map<string, PendingWrite>
  /**
   * Copy-on-write start snapshot: the committed document (null if absent) as it was when this
   * transaction began, for each one committed since. Others still read as committed; a key here
   * also means the document changed since the start, even a remove that leaves no version behind.
   */
  readonly snapshot: Map<string, Doc | null>
}

const lockKey = (coll: Collection, key: string) => `${coll.name}\u0000${key}`

/**
 * Single-document transactions with snapshot isolation, as MongoDB (under CloudBase) has them:
 * reads see the snapshot taken at the start plus the transaction's own writes; the first
 * transaction to write a document holds it until it ends; another transaction writing it, or a
 * document committed after the transaction began, is a write conflict that aborts the
 * transaction hitting it (runTransaction then retries).
 */
export class Transactions {
  private readonly open = new Map<string, Transaction>()
  private readonly locks = new Map<string, string>()
  /** Its own commit must not record pre-images into its snapshot: they would read as conflicts. */
  private committing: Transaction | null = null

  constructor(
    private readonly state: DatabaseState,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  begin(): Transaction {
    this.sweep()
    const tx: Transaction = {
      id: randomBytes(16).toString('hex'),
      startSeq: this.state.seq,
      startedAt: this.monotonicNow(),
      writes: new Map(),
      snapshot: new Map(),
    }
    this.open.set(tx.id, tx)
    this.state.beforeWrite = this.capture
    return tx
  }

  get(id: unknown): Transaction {
    this.sweep()
    const tx = typeof id === 'string' ? this.open.get(id) : undefined
    if (!tx) throw DbErrors.transactionMissing(String(id))
    return tx
  }

  /** The document as this transaction sees it: its own pending write, else its start snapshot. */
  read(tx: Transaction, coll: Collection, id: unknown): Doc | null {
    const key = idKey(id)
    const lock = lockKey(coll, key)
    const pending = tx.writes.get(lock)
    if (pending) return pending.doc ? clone(pending.doc) : null
    // Not captured means nobody committed it since the start: the committed one is the snapshot's.
    const before = tx.snapshot.get(lock)
    const doc = before !== undefined ? before : (this.state.get(coll, key)?.doc ?? null)
    return doc ? clone(doc) : null
  }

  stage(tx: Transaction, coll: Collection, id: unknown, doc: Doc | null): void {
    const key = idKey(id)
    const lock = lockKey(coll, key)
    const holder = this.locks.get(lock)
    if (holder !== undefined && holder !== tx.id) {
      this.abort(tx)
      throw DbErrors.conflict(`${coll.name}/${String(id)} is being written by another transaction`)
    }
    this.assertUnchanged(tx, coll, key, id)
    try {
      coll.checkUnique(key, doc)
    } catch (err) {
      this.abort(tx)
      throw err
    }
    this.locks.set(lock, tx.id)
    tx.writes.set(lock, { coll, id, doc })
  }

  commit(tx: Transaction): void {
    try {
      for (const w of tx.writes.values()) {
        const key = idKey(w.id)
        this.assertUnchanged(tx, w.coll, key, w.id)
        w.coll.checkUnique(key, w.doc)
      }
    } catch (err) {
      this.abort(tx)
      throw err
    }
    this.committing = tx
    try {
      for (const w of tx.writes.values()) this.state.write(w.coll, w.id, w.doc)
    } finally {
      this.committing = null
    }
    this.release(tx)
  }

  abort(tx: Transaction): void {
    this.release(tx)
  }

  /** Fails `tx` on a document committed (by a plain write or another transaction) since it began. */
  private assertUnchanged(tx: Transaction, coll: Collection, key: string, id: unknown): void {
    const stored = this.state.get(coll, key)
    if (tx.snapshot.has(lockKey(coll, key)) || (stored && stored.version > tx.startSeq)) {
      this.abort(tx)
      throw DbErrors.conflict(`${coll.name}/${String(id)} changed since the transaction began`)
    }
  }

  private release(tx: Transaction): void {
    for (const lock of tx.writes.keys()) if (this.locks.get(lock) === tx.id) this.locks.delete(lock)
    this.open.delete(tx.id)
    tx.snapshot.clear()
    if (this.open.size === 0) this.state.beforeWrite = null
  }

  /**
   * Keeps, for every other open transaction, the document a committed write is about to replace,
   * the first time only: that is the version each of them started from. Stored documents are
   * replaced, never mutated, so the reference is enough.
   */
  private readonly capture = (coll: Collection, key: string, prev: Doc | null): void => {
    // An abandoned transaction would otherwise keep collecting pre-images until the next begin.
    this.sweep()
    const lock = lockKey(coll, key)
    for (const tx of this.open.values())
      if (tx !== this.committing && !tx.snapshot.has(lock)) tx.snapshot.set(lock, prev)
  }

  private sweep(): void {
    const now = this.monotonicNow()
    for (const tx of this.open.values())
      if (now - tx.startedAt > TRANSACTION_LIFETIME_MS) this.release(tx)
  }

  get openCount(): number {
    return this.open.size
  }
}

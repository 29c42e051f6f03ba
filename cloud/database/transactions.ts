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
}

const lockKey = (coll: Collection, key: string) => `${coll.name}\u0000${key}`

/**
 * Single-document transactions with snapshot-style conflict rules, as MongoDB (under CloudBase)
 * has them: the first transaction to write a document holds it until it ends; another
 * transaction writing it, or a document committed after the transaction began, is a write
 * conflict that aborts the transaction hitting it (runTransaction then retries).
 */
export class Transactions {
  private readonly open = new Map<string, Transaction>()
  private readonly locks = new Map<string, string>()

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
    }
    this.open.set(tx.id, tx)
    return tx
  }

  get(id: unknown): Transaction {
    this.sweep()
    const tx = typeof id === 'string' ? this.open.get(id) : undefined
    if (!tx) throw DbErrors.transactionMissing(String(id))
    return tx
  }

  /** The document as this transaction sees it: its own pending write, else the committed one. */
  read(tx: Transaction, coll: Collection, id: unknown): Doc | null {
    const key = idKey(id)
    const pending = tx.writes.get(lockKey(coll, key))
    if (pending) return pending.doc ? clone(pending.doc) : null
    const stored = this.state.get(coll, key)
    return stored ? clone(stored.doc) : null
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
    for (const w of tx.writes.values()) this.state.write(w.coll, w.id, w.doc)
    this.release(tx)
  }

  abort(tx: Transaction): void {
    this.release(tx)
  }

  /** Fails `tx` on a document committed (by a plain write or another transaction) since it began. */
  private assertUnchanged(tx: Transaction, coll: Collection, key: string, id: unknown): void {
    const stored = this.state.get(coll, key)
    if (stored && stored.version > tx.startSeq) {
      this.abort(tx)
      throw DbErrors.conflict(`${coll.name}/${String(id)} changed since the transaction began`)
    }
  }

  private release(tx: Transaction): void {
    for (const lock of tx.writes.keys()) if (this.locks.get(lock) === tx.id) this.locks.delete(lock)
    this.open.delete(tx.id)
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

import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { decode, encode, type Doc } from './ejson'
import type { DatabaseState } from './state'

/** One line of the append log: a collection created, or a document written (d null = removed). */
type Entry = { add: string } | { c: string; k: unknown; d: Doc | null }

const SNAPSHOT = 'database.snapshot.jsonl'
const LOG = 'database.log.jsonl'

const line = (entry: Entry) => encode(entry) + '\n'

/**
 * Write-through persistence: every committed write is appended (synchronously, before the reply)
 * to a log; start and clean stop fold the log into a snapshot. Lines are canonical EJSON so
 * dates and number types survive. A torn last line (a crash mid-write) is skipped on load.
 */
export class DiskStore {
  private fd: number | null = null

  constructor(private readonly dir: string) {}

  get isNew(): boolean {
    return !existsSync(join(this.dir, SNAPSHOT)) && !existsSync(join(this.dir, LOG))
  }

  /** Loads snapshot + log into `state`, writes a fresh snapshot and opens a new log. */
  open(state: DatabaseState): void {
    mkdirSync(this.dir, { recursive: true })
    for (const file of [SNAPSHOT, LOG]) this.replay(join(this.dir, file), state)
    this.compact(state)
    this.fd = openSync(join(this.dir, LOG), 'a')
  }

  /** Wipes what is on disk (for --reset). */
  reset(): void {
    mkdirSync(this.dir, { recursive: true })
    writeFileSync(join(this.dir, SNAPSHOT), '')
    writeFileSync(join(this.dir, LOG), '')
  }

  append(entry: Entry): void {
    if (this.fd !== null) writeSync(this.fd, line(entry))
  }

  close(state: DatabaseState): void {
    if (this.fd === null) return
    fsyncSync(this.fd)
    closeSync(this.fd)
    this.fd = null
    this.compact(state)
  }

  private replay(file: string, state: DatabaseState): void {
    if (!existsSync(file)) return
    for (const text of readFileSync(file, 'utf8').split('\n')) {
      if (!text) continue
      let entry: Entry
      try {
        entry = decode(text, () => new Date()) as Entry
      } catch {
        continue
      }
      if ('add' in entry) state.ensureCollection(entry.add)
      else state.write(state.ensureCollection(entry.c), entry.k, entry.d)
    }
  }

  private compact(state: DatabaseState): void {
    const lines: string[] = []
    for (const coll of state.collections.values()) {
      lines.push(line({ add: coll.name }))
      for (const { doc } of coll.docs.values())
        lines.push(line({ c: coll.name, k: doc._id, d: doc }))
    }
    const tmp = join(this.dir, `${SNAPSHOT}.tmp`)
    writeFileSync(tmp, lines.join(''))
    renameSync(tmp, join(this.dir, SNAPSHOT))
    writeFileSync(join(this.dir, LOG), '')
  }
}

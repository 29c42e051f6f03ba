import type { CloudContext, CloudService, SdkActionHandler } from '../service'
import { clone, type Doc } from './ejson'
import { readSchema } from './indexes'
import { createOperations, newId } from './operations'
import { DiskStore } from './persistence'
import { DatabaseState } from './state'
import { Transactions } from './transactions'

export interface DatabaseOptions {
  /** The project's schema file: its collections exist from the start, its unique indexes hold. */
  schemaFile: string | null
  /** Folder for the data files; null keeps everything in memory. */
  dataDir: string | null
  /** Start from an empty database even if the folder has data. */
  reset?: boolean
}

export interface DatabaseService extends CloudService {
  readonly state: DatabaseState
  /** True once started when nothing was on disk (or on reset, or in memory): time to seed. */
  readonly isNew: boolean
  seed(collections: Record<string, Record<string, unknown>[]>): void
}

export function createDatabaseService(opts: DatabaseOptions): DatabaseService {
  const state = new DatabaseState()
  const transactions = new Transactions(state)
  const store = opts.dataDir ? new DiskStore(opts.dataDir) : null
  let now: () => Date = () => new Date()
  let isNew = true
  const actions: Record<string, SdkActionHandler> = {}

  return {
    name: 'database',
    actions,
    state,
    get isNew() {
      return isNew
    },

    start(ctx: CloudContext) {
      now = () => ctx.clock.now()
      Object.assign(actions, createOperations({ state, transactions, now: () => now() }))
      const schema = opts.schemaFile ? readSchema(opts.schemaFile) : []
      for (const c of schema) state.declareIndexes(c.name, c.indexes ?? [])
      if (store) {
        if (opts.reset) store.reset()
        isNew = store.isNew || opts.reset === true
        store.open(state)
        state.onWrite = (c, k, d) => store.append({ c, k, d })
        state.onAddCollection = (name) => store.append({ add: name })
      }
      for (const c of schema) state.ensureCollection(c.name)
    },

    seed(collections) {
      for (const [name, docs] of Object.entries(collections)) {
        const coll = state.ensureCollection(name)
        for (const raw of docs) {
          const doc = clone(raw) as Doc
          if (doc._id === undefined) doc._id = newId()
          state.write(coll, doc._id, doc)
        }
      }
    },

    stop() {
      store?.close(state)
    },
  }
}

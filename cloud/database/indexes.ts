import { readFileSync } from 'node:fs'
import { encode, isPlainObject, type Doc } from './ejson'
import { DbErrors } from './errors'

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
  /** MongoDB sparse index: documents lacking every indexed field are left out of it. */
  sparse?: boolean
}

export interface CollectionSpec {
  name: string
  indexes?: IndexSpec[]
}

export function readSchema(file: string): CollectionSpec[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
  const list = isPlainObject(parsed) ? parsed.collections : undefined
  if (!Array.isArray(list)) throw new Error(`${file}: "collections" must be an array`)
  return list as CollectionSpec[]
}

function lookup(doc: Doc, path: string): unknown {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (!isPlainObject(cur)) return undefined
    cur = cur[part]
  }
  return cur
}

/**
 * One unique index, kept as a map from the encoded key to the owning `_id`. As in MongoDB a
 * missing field indexes as null, so two documents without it collide unless the index is sparse.
 */
export class UniqueIndex {
  private readonly owners = new Map<string, string>()
  private readonly fields: string[]

  constructor(
    readonly collection: string,
    readonly spec: IndexSpec,
  ) {
    this.fields = Object.keys(spec.keys)
  }

  private keyOf(doc: Doc | null): string | null {
    if (!doc) return null
    const values = this.fields.map((f) => lookup(doc, f))
    if (this.spec.sparse && values.every((v) => v === undefined)) return null
    return encode(values.map((v) => (v === undefined ? null : v)))
  }

  /** Throws E11000 if `next` would take a key another document holds. */
  check(idKey: string, next: Doc | null): void {
    const key = this.keyOf(next)
    if (key === null) return
    const owner = this.owners.get(key)
    if (owner !== undefined && owner !== idKey) {
      const shown = this.fields.map((f, i) => `${f}: ${JSON.stringify(JSON.parse(key)[i])}`)
      throw DbErrors.duplicateKey(this.collection, this.spec.name, `{ ${shown.join(', ')} }`)
    }
  }

  apply(idKey: string, prev: Doc | null, next: Doc | null): void {
    const before = this.keyOf(prev)
    const after = this.keyOf(next)
    if (before === after) return
    if (before !== null && this.owners.get(before) === idKey) this.owners.delete(before)
    if (after !== null) this.owners.set(after, idKey)
  }
}

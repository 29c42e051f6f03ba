import { BSONRegExp, EJSON } from 'bson'

export type Doc = Record<string, unknown>

/**
 * The SDK sends canonical EJSON strings. Decoding is relaxed (plain numbers, Dates) so mingo can
 * evaluate them, plus the two things EJSON leaves alone: BSON regexes and `$tcb_server_date`.
 */
export function decode(text: unknown, now: () => Date): unknown {
  if (text === undefined || text === null || text === '') return undefined
  const parsed: unknown = typeof text === 'string' ? EJSON.parse(text, { relaxed: true }) : text
  return fix(parsed, now)
}

export function decodeObject(text: unknown, now: () => Date, what: string): Doc {
  const value = decode(text, now)
  if (value === undefined) return {}
  if (!isPlainObject(value)) throw new TypeError(`${what} must be an object`)
  return value
}

function fix(value: unknown, now: () => Date): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, jsFlags(value.options))
  if (Array.isArray(value)) return value.map((v) => fix(v, now))
  if (!isPlainObject(value)) return value
  const serverDate = value.$tcb_server_date
  if (serverDate !== undefined && Object.keys(value).length === 1) {
    const offset = isPlainObject(serverDate) ? Number(serverDate.offset ?? 0) : 0
    return new Date(now().getTime() + (Number.isFinite(offset) ? offset : 0))
  }
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) out[k] = fix(v, now)
  return out
}

// MongoDB accepts flags JS does not know (x, l, u); keep only those RegExp understands.
function jsFlags(options: string): string {
  return [...new Set(options.split(''))].filter((f) => 'imsu'.includes(f)).join('')
}

export function encode(value: unknown): string {
  return EJSON.stringify(toBson(value), { relaxed: false })
}

function toBson(value: unknown): unknown {
  if (value instanceof RegExp) return new BSONRegExp(value.source, value.flags)
  if (Array.isArray(value)) return value.map(toBson)
  if (!isPlainObject(value)) return value
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toBson(v)
  return out
}

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Deep copy of a stored document; BSON value classes are immutable and shared. */
export function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (Array.isArray(value)) return value.map(clone) as T
  if (!isPlainObject(value)) return value
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) out[k] = clone(v)
  return out as T
}

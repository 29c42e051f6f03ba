import { isPlainText, PLAIN_TEXT_KEY } from '../../../cloudfunctions/contract/text'
import { text, token } from './chars'
import type { Rng } from './random'
import { variantsOf, type Field, type JsonSchema } from './schema'

/** Values a valid payload may carry besides generated ones: ids that name real documents. */
export interface Pools {
  /** Seeded member ids, other members' openids, notice ids: another member's ids. */
  ids: readonly string[]
}

const DIGITS = [...'0123456789']
const HEX = [...'0123456789abcdef']

/** Whether `value` meets a string schema as zod checks it (UTF-16 units) and JSON Schema does. */
export function fitsString(value: string, schema: JsonSchema): boolean {
  if (schema.minLength !== undefined && [...value.trim()].length < schema.minLength) return false
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false
  if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) return false
  const kind = schema[PLAIN_TEXT_KEY]
  return kind === undefined || isPlainText(value, kind)
}

/** An ISO 8601 instant with an offset, 2020–2035, with or without milliseconds. */
export function isoInstant(rng: Rng): string {
  const ms = Date.UTC(2020, 0, 1) + rng.below(15 * 365 * 86_400) * 1000 + rng.below(1000)
  const offsetMin = rng.pick([0, 0, 480, -300, 330, -720, 840])
  const local = new Date(ms + offsetMin * 60_000).toISOString()
  const clock = rng.chance(0.5) ? local.slice(0, 23) : local.slice(0, 19)
  if (offsetMin === 0 && rng.chance(0.5)) return `${clock}Z`
  const abs = Math.abs(offsetMin)
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return `${clock}${offsetMin < 0 ? '-' : '+'}${hhmm}`
}

/**
 * Strings that meet the patterns the contract uses (request ids, ID numbers, cloud:// file ids)
 * and a few generic shapes; one that meets a field's schema is its valid value. A pattern none
 * of these meets leaves the field invalid in every base payload (still refused, but the breaks
 * then prove less): fuzz/generator.test.ts says so.
 */
const pad = (n: number) => String(n).padStart(2, '0')

function patternCandidates(rng: Rng): string[] {
  return [
    token(rng, rng.between(8, 40)),
    `${token(rng, 17, DIGITS)}${rng.pick([...DIGITS, 'X', 'x'])}`,
    `cloud://local.local-local-bucket/${token(rng, rng.between(4, 20))}.${rng.pick(['csv', 'xlsx', 'png'])}`,
    token(rng, 32, HEX),
    token(rng, rng.between(1, 8), DIGITS),
    // Message and entry ids, dates and clock times of venues, ticket and booking codes.
    `m${token(rng, 24, HEX)}`,
    `e${token(rng, 24, HEX)}`,
    `${rng.between(2025, 2030)}-${pad(rng.between(1, 12))}-${pad(rng.between(1, 28))}`,
    `${pad(rng.between(0, 23))}:${pad(rng.between(0, 59))}`,
    `T${token(rng, 25)}.${token(rng, 20, HEX)}`,
    `B${token(rng, 12)}~${token(rng, 8)}.${token(rng, 20, HEX)}`,
  ]
}

function validString(rng: Rng, schema: JsonSchema, pools: Pools): string {
  const fits = (value: string) => fitsString(value, schema)
  if (schema.format === 'date-time') {
    const value = isoInstant(rng)
    if (fits(value)) return value
  }
  if (schema.pattern !== undefined) {
    return rng.shuffle(patternCandidates(rng)).find(fits) ?? token(rng, 12)
  }
  // Often another member's real id or openid, wherever one fits (a title may hold one too).
  if (rng.chance(0.4)) {
    const id = rng.shuffle(pools.ids).find(fits)
    if (id !== undefined) return id
  }
  return text(rng, schema.minLength ?? 0, schema.maxLength ?? 200, schema[PLAIN_TEXT_KEY])
}

function bounds(schema: JsonSchema): { min: number; max: number } {
  const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1001) + 1
  const max = schema.maximum ?? (schema.exclusiveMaximum ?? min + 1001) - 1
  return { min, max }
}

/** A value that meets one (non-`anyOf`) schema. */
export function validValue(rng: Rng, schema: JsonSchema, pools: Pools): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return rng.pick(schema.enum)
  switch (schema.type) {
    case 'string':
      return validString(rng, schema, pools)
    case 'integer': {
      const { min, max } = bounds(schema)
      const top = Math.min(max, min + 100)
      return rng.chance(0.1) ? rng.pick([min, max]) : rng.between(Math.ceil(min), Math.floor(top))
    }
    case 'number': {
      const { min, max } = bounds(schema)
      return min + rng.float() * (Math.min(max, min + 100) - min)
    }
    case 'boolean':
      return rng.chance(0.5)
    case 'null':
      return null
    case 'array': {
      const length = rng.between(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3))
      return Array.from({ length }, () => validValue(rng, schema.items ?? {}, pools))
    }
    case 'object':
    case undefined:
      return validObject(rng, schema, pools)
  }
}

/** A value for a field: one of its variants, null now and then where null is allowed. */
export function validFieldValue(rng: Rng, field: Field, pools: Pools): unknown {
  const nonNull = field.variants.filter((v) => v.type !== 'null')
  if (nonNull.length < field.variants.length && (nonNull.length === 0 || rng.chance(0.2))) {
    return null
  }
  return validValue(rng, rng.pick(nonNull), pools)
}

/** A valid object: every required property, each optional one half the time. */
export function validObject(rng: Rng, schema: JsonSchema, pools: Pools): Record<string, unknown> {
  const required = new Set(schema.required ?? [])
  const out: Record<string, unknown> = {}
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (!required.has(name) && rng.chance(0.5)) continue
    const field: Field = { name, required: required.has(name), variants: variantsOf(property) }
    put(out, name, validFieldValue(rng, field, pools))
  }
  return out
}

/**
 * Sets an own, enumerable property, even `__proto__` (plain assignment would set the prototype
 * instead, and the key would never reach the wire).
 */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

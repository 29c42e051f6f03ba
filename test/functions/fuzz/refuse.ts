import { isPlainText, PLAIN_TEXT_KEY } from '../../../cloudfunctions/contract/text'
import { jsonTypeOf, variantsOf, type JsonSchema } from './schema'

/**
 * Whether a value is CERTAINLY refused by a schema, read the way the contract declares it (JSON
 * Schema) and the way zod checks it (after an optional trim, lengths in UTF-16 units). It answers
 * true only when every reading refuses, so a generated value it passes can never be accepted;
 * "not sure" is false and the generator tries something else.
 */
export function refuses(schema: JsonSchema, value: unknown): boolean {
  return variantsOf(schema).every((variant) => refusedBy(variant, value))
}

function refusedBy(schema: JsonSchema, value: unknown): boolean {
  if (schema.const !== undefined) return !sameJson(schema.const, value)
  if (schema.enum) return !schema.enum.some((option) => sameJson(option, value))
  const type = jsonTypeOf(value)
  switch (schema.type) {
    case undefined:
      return false
    case 'null':
    case 'boolean':
    case 'string':
    case 'array':
    case 'object':
      if (type !== schema.type) return true
      break
    case 'number':
      if (type !== 'number' && type !== 'integer') return true
      break
    case 'integer':
      if (type !== 'integer') return true
      break
  }
  if (typeof value === 'string') return stringRefused(schema, value)
  if (typeof value === 'number') return numberRefused(schema, value)
  if (Array.isArray(value)) return arrayRefused(schema, value)
  if (type === 'object') return objectRefused(schema, value as Record<string, unknown>)
  return false
}

function stringRefused(schema: JsonSchema, value: string): boolean {
  const trimmed = value.trim()
  // Too short even untrimmed, counted in UTF-16 units (never fewer than code points).
  if (schema.minLength !== undefined && value.length < schema.minLength) return true
  // Too long even trimmed, counted in code points (never more than UTF-16 units).
  if (schema.maxLength !== undefined && longerThan(trimmed, schema.maxLength)) return true
  if (schema.pattern !== undefined) {
    const patterns = [new RegExp(schema.pattern), new RegExp(schema.pattern, 'u')]
    if (patterns.every((re) => !re.test(value) && !re.test(trimmed))) return true
  }
  const kind = schema[PLAIN_TEXT_KEY]
  return kind !== undefined && !isPlainText(value, kind) && !isPlainText(trimmed, kind)
}

function numberRefused(schema: JsonSchema, value: number): boolean {
  // A fraction for an integer is refused above, by type; zod's int() declares its safe-integer
  // range as minimum/maximum, so a huge integer is refused here.
  if (schema.minimum !== undefined && value < schema.minimum) return true
  if (schema.maximum !== undefined && value > schema.maximum) return true
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return true
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return true
  return false
}

function arrayRefused(schema: JsonSchema, value: unknown[]): boolean {
  if (schema.minItems !== undefined && value.length < schema.minItems) return true
  if (schema.maxItems !== undefined && value.length > schema.maxItems) return true
  const items = schema.items
  return items !== undefined && value.some((item) => refuses(items, item))
}

function objectRefused(schema: JsonSchema, value: Record<string, unknown>): boolean {
  const properties = schema.properties ?? {}
  // Own keys only, looked up with hasOwn: `constructor` and `__proto__` are keys like any other.
  for (const name of schema.required ?? []) if (!Object.hasOwn(value, name)) return true
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(properties, key)) {
      if (schema.additionalProperties === false) return true
      continue
    }
    if (refuses(properties[key], value[key])) return true
  }
  return false
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Whether text has more than `max` code points, without counting a megabyte one by one. */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false
  // A code point is one or two UTF-16 units.
  if (text.length > 2 * max) return true
  return [...text].length > max
}

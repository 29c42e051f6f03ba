import { EMOJI, REFUSED, insideOf, longText, text, token } from './chars'
import type { Rng } from './random'
import { refuses } from './refuse'
import { jsonTypeOf, typesOf, type Field, type JsonSchema, type JsonType } from './schema'
import { validFieldValue, validValue, type Pools } from './values'

/**
 * The ways a payload is made certainly invalid. A breaker proposes candidates for one field; only
 * those `refuses` proves the field's schema refuses are used, so every kind is safe to apply to
 * any field of any action: where it cannot break a field it proposes nothing that survives.
 */
export const FIELD_BREAKS = [
  'wrong type',
  'missing required field',
  'empty string',
  'too long',
  'breaks pattern',
  'odd unicode',
  'bad number',
  'query operator',
  'not in enum',
  'bad array',
] as const
export type FieldBreakKind = (typeof FIELD_BREAKS)[number]

/** The payload's new value for the field, or MISSING to drop it. */
export const MISSING = Symbol('missing')

export interface BreakContext {
  rng: Rng
  pools: Pools
  /** The next too-long string is this many code points (for the payloads that carry 1 MB). */
  giant?: number
}

type Proposer = (ctx: BreakContext, field: Field) => unknown[]

/** Query operators a store might read as a condition were a value passed through unchecked. */
export const OPERATORS: readonly unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000)' },
  { $where: 'function () { return true }' },
  { $regex: '.*' },
  { $exists: true },
  { $in: ['dev-admin-1'] },
  { $nin: [] },
  { $gte: 0 },
  { $or: [{}, { _id: { $ne: null } }] },
  { $expr: { $eq: [1, 1] } },
  { $elemMatch: {} },
  { _id: { $ne: '' } },
  JSON.parse('{"__proto__": {"$gt": ""}}'),
  [{ $ne: null }],
]

const NOT_IN_ENUM = ['superadmin', 'ADMIN', 'Admin', 'admin ', ' staff', 'everyone', 'member']
const NOT_IN_ENUM_ODD = ['root', '', 'staff\u0000', 'staff\u202E', '管理员', '$gt', 'null']

function some(ctx: BreakContext, field: Field): unknown {
  return validFieldValue(ctx.rng, field, ctx.pools)
}

function stringVariants(field: Field): JsonSchema[] {
  return field.variants.filter((v) => v.type === 'string')
}

function numberVariants(field: Field): JsonSchema[] {
  return field.variants.filter((v) => v.type === 'integer' || v.type === 'number')
}

/** Whether a value of this JSON type could be accepted at all (an integer is a number). */
function acceptsType(types: Set<JsonType>, type: JsonType): boolean {
  if (types.has(type)) return true
  return type === 'integer' && types.has('number')
}

const PROPOSERS: Record<FieldBreakKind, Proposer> = {
  'wrong type': (ctx, field) => {
    const valid = some(ctx, field)
    const pool: unknown[] = [
      ...['', '1', 'true', 'null', 'NaN', 'undefined', '[object Object]', '0x10', '１２'],
      ...[0, 1, -1, 2 ** 31, 1e308, -(2 ** 53), 0.5, -1.5, 3.14159, 1e-7],
      ...[true, false, null],
      ...[[], [valid], ['$gt'], [[]], [null], [valid, valid]],
      ...[{}, { value: valid }, { length: 1 }, { toString: 'x' }, { 0: valid }],
    ]
    const types = typesOf(field.variants)
    return pool.filter((value) => !acceptsType(types, jsonTypeOf(value)))
  },
  'missing required field': (_ctx, field) => (field.required ? [MISSING] : []),
  'empty string': () => [''],
  'too long': (ctx, field) => {
    const limits = stringVariants(field).map((v) => v.maxLength)
    if (limits.length === 0 || limits.some((max) => max === undefined)) return []
    const max = Math.max(...(limits as number[]))
    const { rng } = ctx
    const points =
      ctx.giant ?? (rng.chance(0.9) ? max + rng.between(1, 64) : rng.between(max + 1, 65_536))
    return [longText(rng, points)]
  },
  'breaks pattern': (ctx, field) =>
    stringVariants(field)
      .filter((v) => v.pattern !== undefined)
      .flatMap((v) => {
        const { rng } = ctx
        const valid = String(validValue(rng, v, ctx.pools))
        return [
          insideOf(rng, valid, rng.pick([' ', '$', '/', '中', '%00', '\\', '"', "'", '{', '.'])),
          insideOf(rng, valid, rng.pick(REFUSED.line)),
          insideOf(rng, valid, rng.pick(EMOJI)),
          valid.slice(0, Math.floor(valid.length / 2)),
          `x${valid}`,
          `${valid}!`,
          rng.pick(['明天', 'null', ' ', "' OR '1'='1", '{"$gt":""}', 'http://example.com/a.png']),
          rng.pick([
            '2025-13-45T25:61:00Z',
            '2025-06-13',
            '2025-06-13T09:00:00',
            '2025-02-30T00:00:00Z',
          ]),
          rng.pick([
            'cloud:// x',
            'cloud://',
            'file:///etc/passwd',
            'short',
            '1234567890123456789',
          ]),
        ]
      }),
  'odd unicode': (ctx, field) =>
    stringVariants(field).map((v) => {
      const { rng } = ctx
      const valid = String(validValue(rng, v, ctx.pools))
      return insideOf(rng, valid, rng.pick(REFUSED[v['x-plain-text'] ?? 'line']))
    }),
  'bad number': (_ctx, field) =>
    numberVariants(field).flatMap((v) => {
      const min = v.minimum ?? 0
      const max = v.maximum ?? 0
      return [
        ...[min + 0.5, 0.5, 1.5, -0.5, 1e-9, 2.5],
        ...[min - 1, min - 1000, -1, -0, 0, -(2 ** 31), -1e308],
        ...[max + 1, 2 ** 53, 2 ** 63, 1e308, Number.MAX_VALUE],
        // What a NaN or an Infinity becomes on the way: null, or text that looks like a number.
        ...[null, 'NaN', 'Infinity', '-Infinity', '1e999', '1', '1.0'],
      ]
    }),
  'query operator': () => [...OPERATORS],
  'not in enum': (ctx, field) =>
    field.variants.flatMap((v): unknown[] => {
      const bad = ctx.rng.pick([...NOT_IN_ENUM, ...NOT_IN_ENUM_ODD])
      if (v.enum) return [bad]
      if (v.type === 'array' && v.items?.enum) {
        return [[bad], [...(validValue(ctx.rng, v, ctx.pools) as unknown[]), bad]]
      }
      return []
    }),
  'bad array': (ctx, field) =>
    field.variants
      .filter((v) => v.type === 'array')
      .flatMap((v) => {
        const item = () => validValue(ctx.rng, v.items ?? {}, ctx.pools)
        const tooMany = (v.maxItems ?? 50) + ctx.rng.between(1, 3)
        return [Array.from({ length: tooMany }, item), [1], [null], [{}], [[item()]], [true]]
      }),
}

/**
 * One certainly-refused replacement for a field with the given kind of break, or null when the
 * kind cannot break this field.
 */
export function breakField(
  ctx: BreakContext,
  field: Field,
  kind: FieldBreakKind,
): unknown | typeof MISSING | null {
  const schema: JsonSchema = { anyOf: field.variants }
  const refused = PROPOSERS[kind](ctx, field).filter(
    (value) => value === MISSING || refuses(schema, value),
  )
  return refused.length ? ctx.rng.pick(refused) : null
}

/** Keys no request declares: ones that smell of privilege or of the database, and odd ones. */
export const EXTRA_KEYS = [
  'openid',
  '_openid',
  'OPENID',
  'WX_OPENID',
  'memberId',
  'caller',
  'roles',
  'role',
  'admin',
  'isAdmin',
  'action',
  '_id',
  'id',
  'requestId',
  'where',
  '$where',
  '$gt',
  '$set',
  'userInfo',
  'payload',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '',
  ' ',
  'a.b',
  'x'.repeat(300),
  '🎭',
  '\u202Eadmin',
  'key\u0000',
  '\uD800',
]

/** Keys that pollute a prototype where code merges objects carelessly. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype']

export const PROTOTYPE_VALUES: readonly unknown[] = [
  { admin: true },
  { roles: ['admin'] },
  { isAdmin: true, openid: 'dev-admin-1' },
  { prototype: { admin: true } },
  { polluted: 'yes' },
  null,
  'x',
  [],
  0,
]

/** Anything at all, for the value of a key the request does not declare. */
export function anyValue(ctx: BreakContext, fields: readonly Field[]): unknown {
  const { rng } = ctx
  if (ctx.giant !== undefined) return longText(rng, ctx.giant)
  const roll = rng.below(6)
  if (roll === 0 && fields.length) return some(ctx, rng.pick(fields))
  if (roll === 1) return rng.pick(OPERATORS)
  if (roll === 2) return rng.pick(PROTOTYPE_VALUES)
  if (roll === 3) return rng.pick(ctx.pools.ids)
  if (roll === 4) return text(rng, 1, 40, 'line')
  return rng.pick([0, -1, 1.5, true, false, null, [], {}, '', token(rng, 8)])
}

/** What a whole payload is replaced with when the break is "not an object at all". */
export function notAnObject(ctx: BreakContext, valid: unknown): unknown {
  return ctx.rng.pick([
    [],
    [valid],
    [valid, valid],
    [[]],
    [{}],
    'payload',
    '',
    '{}',
    0,
    1,
    -1,
    true,
    false,
  ])
}

import { createHash } from 'node:crypto'
import { REFUSED, insideOf } from './chars'
import {
  anyValue,
  breakField,
  EXTRA_KEYS,
  FIELD_BREAKS,
  MISSING,
  notAnObject,
  PROTOTYPE_KEYS,
  PROTOTYPE_VALUES,
  type BreakContext,
} from './breakers'
import { Rng } from './random'
import { refuses } from './refuse'
import type { ActionModel, Field, JsonSchema } from './schema'
import { put, validFieldValue, validObject, type Pools } from './values'

/** Breaks of the payload as a whole: a key no request declares, or not an object at all. */
type KeyBreak = 'unknown key' | 'prototype key'
type BreakKind = (typeof FIELD_BREAKS)[number] | KeyBreak | 'not an object'
/** What one break picks from; a payload that is not an object at all is drawn apart. */
const KINDS: readonly BreakKind[] = [...FIELD_BREAKS, 'unknown key', 'prototype key']

export interface Payload {
  /** 0-based position in the action's stream: with the seed, enough to find it again. */
  index: number
  /** The payload as it crosses the wire (JSON-parsed from `json`). */
  value: unknown
  json: string
  /** What made it invalid, e.g. `too long: title`. */
  breaks: string[]
}

/**
 * One payload in this many carries a string of about a megabyte (JSON over the wire): the last
 * of each group, so it is also among those sent to the identities an action refuses.
 */
const GIANT_EVERY = 200
const GIANT_POINTS = 1_000_000

/** A generated payload the schema would accept: a bug in the generator, never in the server. */
export class GeneratorError extends Error {}

/**
 * The bad payloads of one action, distinct, in a fixed order for a seed. Each starts from a valid
 * payload (every required field, a valid request id for writes), takes one to three breaks that
 * certainly make it invalid, and some flavour in the other fields that alone would be valid:
 * emoji and direction marks in text, another member's ids.
 */
export class PayloadStream {
  private readonly rng: Rng
  private readonly seen = new Set<string>()
  private count = 0
  /** How many generated payloads were dropped as repeats of an earlier one. */
  repeats = 0
  /** Breaks used so far, by kind. */
  readonly kinds: Partial<Record<BreakKind, number>> = {}

  constructor(
    readonly model: ActionModel,
    seed: number,
    private readonly pools: Pools,
  ) {
    this.rng = Rng.stream(seed, model.name)
  }

  next(): Payload {
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      const giant = this.count % GIANT_EVERY === GIANT_EVERY - 1 ? GIANT_POINTS : undefined
      const { value, breaks } = this.generate(giant)
      const json = JSON.stringify(value)
      const digest = createHash('sha1').update(json).digest('hex')
      if (this.seen.has(digest)) {
        this.repeats += 1
        continue
      }
      this.seen.add(digest)
      const wire: unknown = JSON.parse(json)
      this.prove(wire, json, breaks)
      const index = this.count
      this.count += 1
      return { index, value: wire, json, breaks }
    }
    throw new GeneratorError(`${this.model.name}: no new payload in 1000 tries`)
  }

  /** Two independent proofs that the server must refuse it: JSON Schema, and zod itself. */
  private prove(wire: unknown, json: string, breaks: string[]): void {
    const problem =
      wire === null || wire === undefined
        ? 'a missing payload is read as {}, not a bad payload'
        : !refuses(this.model.json, wire)
          ? 'the JSON Schema accepts it'
          : this.model.request.safeParse(wire).success
            ? 'zod accepts it'
            : null
    if (problem) {
      throw new GeneratorError(
        `${this.model.name} payload #${this.count} [${breaks.join(', ')}]: ${problem}: ${json.slice(0, 300)}`,
      )
    }
  }

  private generate(giant: number | undefined): { value: unknown; breaks: string[] } {
    const { rng, model, pools } = this
    const base = validObject(rng, model.json, pools)
    const ctx: BreakContext = { rng, pools }
    if (giant === undefined && rng.chance(0.04)) {
      this.tally('not an object')
      return { value: notAnObject(ctx, base), breaks: ['not an object'] }
    }
    const payload: Record<string, unknown> = { ...base }
    const touched = new Set<string>()
    const breaks: string[] = []
    const wanted = 1 + (rng.chance(0.3) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0)
    for (let i = 0; i < wanted; i += 1) {
      // The first break of a giant payload is the megabyte string.
      const big = i === 0 ? giant : undefined
      const done = this.breakOnce({ ...ctx, giant: big }, payload, touched)
      if (done) breaks.push(done)
    }
    if (breaks.length === 0) throw new GeneratorError(`${model.name}: found nothing to break`)
    this.flavour(payload, touched)
    return { value: payload, breaks }
  }

  /** Applies one break to a field or key not touched yet; returns its label, or null. */
  private breakOnce(
    ctx: BreakContext,
    payload: Record<string, unknown>,
    touched: Set<string>,
  ): string | null {
    const { rng, model } = this
    const fields = model.fields.filter((f) => !touched.has(f.name))
    const kinds = KINDS.filter((k) => (isKeyBreak(k) ? model.strict : fields.length > 0))
    if (kinds.length === 0) return null
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const kind = this.kindFor(attempt, ctx.giant, kinds)
      if (isKeyBreak(kind)) {
        if (!model.strict) continue
        const key = this.newKey(kind)
        if (key === null) continue
        const value =
          kind === 'unknown key' ? anyValue(ctx, model.fields) : rng.pick(PROTOTYPE_VALUES)
        put(payload, key, value)
        touched.add(key)
        this.tally(kind)
        return `${kind}: ${JSON.stringify(key).slice(0, 40)}`
      }
      // (Never 'not an object' here; the check tells the type checker so.)
      if (kind === 'not an object' || fields.length === 0) continue
      const field = rng.pick(fields)
      const value = breakField(ctx, field, kind)
      if (value === null) continue
      if (value === MISSING) delete payload[field.name]
      else put(payload, field.name, value)
      touched.add(field.name)
      this.tally(kind)
      return `${kind}: ${field.name}`
    }
    return null
  }

  /**
   * A giant payload's megabyte goes in a too-long field where there is one, else in the value of
   * an unknown key; a run of kinds that fit no field ends with an unknown key too.
   */
  private kindFor(attempt: number, giant: number | undefined, kinds: BreakKind[]): BreakKind {
    if (giant !== undefined) return attempt < 20 ? 'too long' : 'unknown key'
    return attempt < 50 ? this.rng.pick(kinds) : 'unknown key'
  }

  private newKey(kind: KeyBreak): string | null {
    const declared = this.model.json.properties ?? {}
    const keys = (kind === 'unknown key' ? EXTRA_KEYS : PROTOTYPE_KEYS).filter(
      (key) => !Object.hasOwn(declared, key),
    )
    return keys.length ? this.rng.pick(keys) : null
  }

  /** Valid-alone values in untouched fields: what a real (or hostile) client might also send. */
  private flavour(payload: Record<string, unknown>, touched: Set<string>): void {
    for (const field of this.model.fields) {
      if (touched.has(field.name) || !this.rng.chance(0.25)) continue
      const value = this.flavoured(field)
      // Flavour is not what makes the payload bad: a value the field refuses is not used.
      if (!refuses(schemaOf(field), value)) put(payload, field.name, value)
    }
  }

  private flavoured(field: Field): unknown {
    const { rng, pools } = this
    const value = validFieldValue(rng, field, pools)
    // Odd characters where the contract lets any string through (ids, cursors, phone codes).
    if (typeof value === 'string' && rng.chance(0.3))
      return insideOf(rng, value, rng.pick(REFUSED.line))
    return value
  }

  private tally(kind: BreakKind): void {
    this.kinds[kind] = (this.kinds[kind] ?? 0) + 1
  }
}

function isKeyBreak(kind: BreakKind): kind is KeyBreak {
  return kind === 'unknown key' || kind === 'prototype key'
}

function schemaOf(field: Field): JsonSchema {
  return { anyOf: field.variants }
}

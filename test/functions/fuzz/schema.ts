import type { z } from 'zod'
import { actions, type ActionName, type Role } from '../../../cloudfunctions/contract/actions'
import { PLAIN_TEXT_KEY, type TextKind } from '../../../cloudfunctions/contract/text'
import { contractSchema } from '../../../scripts/contract-json'

/** The part of JSON Schema the contract's request schemas use (zod's `toJSONSchema` output). */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null'
  anyOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  [PLAIN_TEXT_KEY]?: TextKind
}

/** What a JSON value is, in JSON Schema's words ('integer' is a 'number' with no fraction). */
export type JsonType = NonNullable<JsonSchema['type']>

/** One property of a request object. */
export interface Field {
  name: string
  required: boolean
  /** The schemas a value may match: the `anyOf` branches, or the one schema. */
  variants: JsonSchema[]
}

/** One action as the fuzz sees it: everything learnt from the contract, nothing by hand. */
export interface ActionModel {
  name: ActionName
  roles: readonly Role[]
  write: boolean
  /** The zod schema the api function validates with, to prove each payload is refused. */
  request: z.ZodType
  /** The request as JSON Schema, the way `npm run api:schema` prints it. */
  json: JsonSchema
  fields: Field[]
  /** Unknown keys are refused (every request is a strict object). */
  strict: boolean
}

export function variantsOf(schema: JsonSchema): JsonSchema[] {
  return schema.anyOf ? schema.anyOf.flatMap(variantsOf) : [schema]
}

/** Types a field accepts; an integer variant accepts no fraction, so it is not 'number'. */
export function typesOf(variants: readonly JsonSchema[]): Set<JsonType> {
  const types = new Set<JsonType>()
  for (const v of variants) {
    if (v.type) types.add(v.type)
    else if (v.enum) for (const e of v.enum) types.add(jsonTypeOf(e))
    else if (v.const !== undefined) types.add(jsonTypeOf(v.const))
  }
  return types
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'boolean'
  return 'object'
}

/** Every action of the contract, read from `actions` and its JSON Schema: none listed by hand. */
export function actionModels(): ActionModel[] {
  return contractSchema().map(({ action, roles, write, request }) => {
    const json = request as JsonSchema
    const required = new Set(json.required ?? [])
    const fields = Object.entries(json.properties ?? {}).map(([name, schema]) => ({
      name,
      required: required.has(name),
      variants: variantsOf(schema),
    }))
    return {
      name: action,
      roles,
      write,
      request: actions[action].request as z.ZodType,
      json,
      fields,
      strict: json.additionalProperties === false,
    }
  })
}

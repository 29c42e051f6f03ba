import { z } from 'zod'
import { actions, type ActionName, type Role } from '../cloudfunctions/contract/actions'

/** One action of the contract as data: what `npm run api:schema` prints, one array item each. */
export interface ActionSchema {
  action: ActionName
  roles: Role[]
  write: boolean
  /** JSON Schema of the request as the client sends it; `description` is the action's summary. */
  request: Record<string, unknown>
}

export interface ActionReference extends ActionSchema {
  summary: string
  returns: string
}

export function contractReference(): ActionReference[] {
  return (Object.keys(actions) as ActionName[]).map((action) => {
    const spec = actions[action]
    const schema: z.ZodType = spec.request
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' })
    return {
      action,
      roles: [...spec.roles],
      write: spec.write,
      request: { ...json, description: spec.summary },
      summary: spec.summary,
      returns: spec.returns,
    }
  })
}

export function contractSchema(): ActionSchema[] {
  return contractReference().map(({ action, roles, write, request }) => ({
    action,
    roles,
    write,
    request,
  }))
}

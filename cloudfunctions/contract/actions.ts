import type { z } from 'zod'
import { activityActions } from './activity'
import { bookingActions } from './booking'
import { consentActions } from './consent'
import { drawActions } from './draw'
import { ticketActions } from './ticket'
import { entryActions } from './entry'
import { meActions } from './me'
import { messageActions } from './message'
import { noticeActions } from './notice'
import { auditActions, grantActions, registryActions } from './registry'
import { venueActions } from './venue'

export { ROLES, requestId, type Role } from './spec'

/**
 * The one table of actions, joined from each noun's own table. The router, the authorization
 * matrix, the API reference and the fuzz all walk this; a name two tables share is a mistake
 * the join refuses when the module loads.
 */
function join<T extends object[]>(...tables: T): UnionToIntersection<T[number]> {
  const joined: Record<string, unknown> = {}
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      if (name in joined) throw new Error(`contract: action ${name} is defined twice`)
      joined[name] = spec
    }
  }
  return joined as UnionToIntersection<T[number]>
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never

export const actions = join(
  meActions,
  registryActions,
  grantActions,
  auditActions,
  noticeActions,
  activityActions,
  entryActions,
  drawActions,
  ticketActions,
  messageActions,
  venueActions,
  bookingActions,
  consentActions,
)

export type Actions = typeof actions
export type ActionName = keyof Actions
export type RequestOf<A extends ActionName> = z.input<Actions[A]['request']>
export type ResponseOf<A extends ActionName> = NonNullable<Actions[A]['response']>
/** What the client passes: the request without `requestId`, which the client adds itself. */
export type ParamsOf<A extends ActionName> = Omit<RequestOf<A>, 'requestId'>

/** The event the api function receives. */
export interface ApiEvent {
  action: string
  payload?: unknown
}

import type { z } from 'zod'
import type { ActionName, Actions, ResponseOf } from '../../contract/actions'
import type { Caller } from '../caller'

/** A request after validation: defaults applied, strings trimmed. */
export type InputOf<A extends ActionName> = z.output<Actions[A]['request']>

export interface ActionContext {
  caller: Caller
  /** One instant per call, so every rule in it agrees on what "now" is. */
  now: Date
  config: ApiConfig
  /**
   * The idempotency key of a write (`requests/<key>`). The run may be a second one finishing a
   * first that died: documents it creates take ids from it, documents it changes carry it.
   */
  request?: string
}

/** What the api function is configured with (its envVariables), read once per invocation. */
export interface ApiConfig {
  /** The first admins (ADMIN_OPENIDS); no API call can add to or remove from them. */
  admins: Set<string>
  /** The HMAC key of ID numbers (ID_HASH_KEY). */
  idHashKey: string
  /** The HMAC key that signs ticket codes (TICKET_KEY). */
  ticketKey: string
}

export type Handler<A extends ActionName> = (
  input: InputOf<A>,
  ctx: ActionContext,
) => Promise<ResponseOf<A>>

export type HandlerTable = { [A in ActionName]: Handler<A> }

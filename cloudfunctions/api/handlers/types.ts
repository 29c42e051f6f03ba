import type { z } from 'zod'
import type { ActionName, Actions, ResponseOf } from '../../contract/actions'
import type { Caller } from '../caller'

/** A request after validation: defaults applied, strings trimmed. */
export type InputOf<A extends ActionName> = z.output<Actions[A]['request']>

export interface ActionContext {
  caller: Caller
  /** One instant per call, so every rule in it agrees on what "now" is. */
  now: Date
}

export type Handler<A extends ActionName> = (
  input: InputOf<A>,
  ctx: ActionContext,
) => Promise<ResponseOf<A>>

export type HandlerTable = { [A in ActionName]: Handler<A> }

import * as tcb from '@cloudbase/node-sdk'

/**
 * The one CloudBase app of a function instance. `SYMBOL_CURRENT_ENV` picks the environment the
 * function runs in, so nothing environment-specific is written in code; the local cloud
 * redirects the same calls through TCB_CONTEXT_CNFG.
 */
let instance: ReturnType<typeof tcb.init> | undefined

export function app(): ReturnType<typeof tcb.init> {
  instance ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  return instance
}

export type Database = ReturnType<ReturnType<typeof tcb.init>['database']>

export function db(): Database {
  return app().database()
}

/** The real service caps a server-side query at 1000 documents. */
export const QUERY_CAP = 1000

interface CodedReply {
  code?: string | number
  message?: string
}

/** An SDK failure carried as a reply, as some SDK paths answer instead of throwing. */
export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'StoreError'
  }
}

/** Throws when the SDK answered a failure as a value rather than as an exception. */
export function checked<T>(reply: T): T {
  const coded = reply as CodedReply
  if (coded && typeof coded === 'object' && coded.code) {
    throw new StoreError(String(coded.code), coded.message ?? '')
  }
  return reply
}

/** The duplicate-key error of an insert over an existing `_id` or a unique index. */
export function isDuplicateKey(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /E11000|duplicate key/i.test(message)
}

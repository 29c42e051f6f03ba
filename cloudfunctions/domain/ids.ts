import { createHash } from 'node:crypto'

/**
 * The `_id` of a document a write creates, derived from the write's request key, so that running
 * the write again (a retry, or the scheduler finishing it after a crash) finds the document it
 * already made instead of making a second one. Opaque: the key holds the caller's openid.
 */
export function idFromRequest(prefix: string, requestKey: string): string {
  return `${prefix}_${createHash('sha256').update(requestKey).digest('hex').slice(0, 30)}`
}

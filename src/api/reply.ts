import type { ApiReply } from '@contract'

/** Anything that came back from a transport is checked to be the envelope before it is trusted. */
export function isReply(value: unknown): value is ApiReply<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const reply = value as { ok: unknown; data?: unknown; error?: unknown }
  if (reply.ok === true) return true
  if (reply.ok !== false || typeof reply.error !== 'object' || reply.error === null) return false
  const error = reply.error as { code?: unknown; message?: unknown }
  return typeof error.code === 'string' && typeof error.message === 'string'
}

import { z } from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.cjs'
import { ApiError } from '../contract/errors'

// zod's own messages (wrong type, unknown field) in Chinese; the contract's messages win.
z.config(zhCN())

/** Parses a payload or fails with INVALID_INPUT carrying a Chinese message per field. */
export function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload ?? {})
  if (result.success) return result.data
  // No prototype: a payload's own `__proto__` or `constructor` key must be named like any other.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= '不支持的字段'
    } else {
      fields[issue.path.map(String).join('.') || '_'] ??= issue.message
    }
  }
  const first = Object.values(fields)[0]
  throw new ApiError('INVALID_INPUT', first ?? undefined, fields)
}

import { ApiError } from '../contract/errors'

/**
 * Pages are cut by keyset, not by skip: a cursor carries the sort key of the last item given,
 * so a page never repeats or drops items when notices are added meanwhile, and no query ever
 * needs to reach past the 1000-document cap.
 */
export function encodeCursor(key: Record<string, string | number | boolean>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

export function decodeCursor<K>(cursor: string, isKey: (value: unknown) => value is K): K {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  if (!isKey(value))
    throw new ApiError('INVALID_INPUT', '分页位置无效，请刷新后再试', { cursor: '分页位置无效' })
  return value
}

import { z } from 'zod'

/** Shapes every noun of the contract shares: pages, instants, versions. */
export interface Page<T> {
  items: T[]
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string
}

export const isoInstant = z.iso
  .datetime({ offset: true, error: '时间格式不正确' })
  .describe('ISO 8601 时刻（带时区）· ISO 8601 instant with offset')
export const version = z
  .number({ error: '缺少版本号' })
  .int('版本号无效')
  .min(1, '版本号无效')
  .describe('读取时的版本号 · The version the edit started from')
export const cursor = z
  .string({ error: '分页位置无效' })
  .max(200, '分页位置无效')
  .describe('上一页返回的 nextCursor · nextCursor of the previous page')
  .optional()
export const pageLimit = z
  .number({ error: '每页条数无效' })
  .int('每页条数无效')
  .min(1, '每页条数至少为1')
  .max(50, '每页条数不能超过50')
  .describe('每页条数，默认20 · Page size, 20 by default')
  .optional()

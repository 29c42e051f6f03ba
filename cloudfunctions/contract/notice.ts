import { z } from 'zod'
import { plainText } from './text'

/** 公告 as members and staff see it. `posterUrl` is a temporary download URL made per reply. */
export type NoticeStatus = 'draft' | 'published' | 'unpublished'

export interface NoticeSummary {
  id: string
  title: string
  /** First characters of the body, for list cards. */
  excerpt: string
  pinned: boolean
  /** ISO 8601 instant; the notice is visible to members from then on. */
  publishAt: string | null
  posterUrl: string | null
}

export interface Notice extends NoticeSummary {
  body: string
  posterFileId: string | null
}

/** Staff view: adds the life-cycle fields members never see. */
export interface ManagedNotice extends Notice {
  status: NoticeStatus
  createdAt: string
  updatedAt: string
  /** Bumped on every edit; an edit must name the version it started from. */
  version: number
}

export interface Page<T> {
  items: T[]
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string
}

export const title = plainText(
  z.string({ error: '请填写标题' }).trim().min(1, '请填写标题').max(60, '标题不能超过60个字'),
  '标题',
).describe('标题 · Title')
export const body = plainText(
  z.string({ error: '请填写正文' }).trim().min(1, '请填写正文').max(5000, '正文不能超过5000个字'),
  '正文',
  'multiline',
).describe('正文 · Body')
export const posterFileId = z
  .string({ error: '海报图片无效' })
  .regex(/^cloud:\/\/\S+$/, '海报图片无效')
  .max(500, '海报图片无效')
  .describe('海报图片的云文件 ID，null 为去掉海报 · Poster as a cloud:// file id; null removes it')
  .nullable()
export const isoInstant = z.iso
  .datetime({ offset: true, error: '时间格式不正确' })
  .describe('ISO 8601 时刻（带时区）· ISO 8601 instant with offset')
export const noticeId = z
  .string({ error: '公告编号无效' })
  .min(1, '公告编号无效')
  .max(64, '公告编号无效')
  .describe('公告编号 · Notice id')
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

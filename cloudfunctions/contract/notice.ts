import { z } from 'zod'

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

export const title = z.string().trim().min(1, '请填写标题').max(60, '标题不能超过60个字')
export const body = z.string().trim().min(1, '请填写正文').max(5000, '正文不能超过5000个字')
export const posterFileId = z
  .string()
  .regex(/^cloud:\/\/\S+$/, '海报图片无效')
  .max(500)
  .nullable()
export const isoInstant = z.string().datetime({ offset: true, message: '时间格式不正确' })
export const noticeId = z.string().min(1).max(64)
export const cursor = z.string().max(200).optional()
export const pageLimit = z.number().int().min(1).max(50).optional()

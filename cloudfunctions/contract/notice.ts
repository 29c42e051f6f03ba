import { z } from 'zod'
import { cursor, isoInstant, pageLimit, version, type Page } from './common'
import { STAFF, read, write } from './spec'
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
export const noticeId = z
  .string({ error: '公告编号无效' })
  .min(1, '公告编号无效')
  .max(64, '公告编号无效')
  .describe('公告编号 · Notice id')

/** 公告: what members read and staff manage. */
export const noticeActions = {
  'notice.list': read<Page<NoticeSummary>>()(
    {
      summary: '公告列表（置顶在前，新的在前）· Visible notices, pinned first',
      returns: 'Page<NoticeSummary>',
    },
    ['everyone'],
    z.strictObject({ cursor: cursor, limit: pageLimit }),
  ),
  'notice.get': read<Notice>()(
    { summary: '公告详情 · One visible notice', returns: 'Notice' },
    ['everyone'],
    z.strictObject({ id: noticeId }),
  ),
  'notice.manageList': read<Page<ManagedNotice>>()(
    {
      summary: '公告管理列表（含草稿）· All notices, newest first',
      returns: 'Page<ManagedNotice>',
    },
    STAFF,
    z.strictObject({ cursor: cursor, limit: pageLimit }),
  ),
  'notice.manageGet': read<ManagedNotice>()(
    { summary: '公告管理详情 · One notice, any status', returns: 'ManagedNotice' },
    STAFF,
    z.strictObject({ id: noticeId }),
  ),
  'notice.create': write<ManagedNotice>()(
    { summary: '新建公告（草稿）· Create a notice as a draft', returns: 'ManagedNotice' },
    STAFF,
    {
      title: title,
      body: body,
      posterFileId: posterFileId.optional(),
      publishAt: isoInstant.nullable().optional(),
    },
  ),
  'notice.update': write<ManagedNotice>()(
    {
      summary: '编辑公告（需带上读取时的版本号）· Edit a notice from the version read',
      returns: 'ManagedNotice',
    },
    STAFF,
    {
      id: noticeId,
      version: version,
      title: title.optional(),
      body: body.optional(),
      posterFileId: posterFileId.optional(),
      publishAt: isoInstant.nullable().optional(),
    },
  ),
  /** Publishes now, or at `publishAt` when that is in the future (定时发布). */
  'notice.publish': write<ManagedNotice>()(
    {
      summary: '发布公告（可定时）· Publish now, or at a future publishAt',
      returns: 'ManagedNotice',
    },
    STAFF,
    { id: noticeId, publishAt: isoInstant.optional() },
  ),
  'notice.unpublish': write<ManagedNotice>()(
    { summary: '撤下公告 · Take a notice away from members', returns: 'ManagedNotice' },
    STAFF,
    { id: noticeId },
  ),
  'notice.pin': write<ManagedNotice>()(
    { summary: '置顶或取消置顶 · Pin or unpin', returns: 'ManagedNotice' },
    STAFF,
    { id: noticeId, pinned: z.boolean({ error: '请选择是否置顶' }) },
  ),
} as const

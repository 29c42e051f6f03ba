import { ApiError } from '../../cloudfunctions/contract/errors'
import {
  compareForMembers,
  draftNotice,
  editNotice,
  excerpt,
  isScheduled,
  isVisible,
  pinNotice,
  publishNotice,
  unpublishNotice,
  type NoticeRecord,
} from '../../cloudfunctions/domain/notice'

const NOW = new Date('2025-06-12T02:00:00Z')
const LATER = new Date('2025-06-13T01:00:00Z')
const EARLIER = new Date('2025-06-11T01:00:00Z')

function notice(fields: Partial<NoticeRecord> = {}): NoticeRecord {
  return { _id: 'n1', ...draftNotice({ title: '标题', body: '正文' }, 'staff', EARLIER), ...fields }
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return error instanceof ApiError ? error.code : 'not an ApiError'
  }
  return undefined
}

describe('notice rules', () => {
  it('creates a draft at version 1, unpinned, hidden from members', () => {
    const n = notice()
    expect(n).toMatchObject({ status: 'draft', version: 1, pinned: false, createdBy: 'staff' })
    expect(isVisible(n, NOW)).toBe(false)
  })

  it('edits bump the version and touch only the given fields', () => {
    const change = editNotice(notice(), { title: '新标题' }, 1, 'staff2', NOW)
    expect(change).toEqual({ title: '新标题', version: 2, updatedAt: NOW, updatedBy: 'staff2' })
  })

  it('an edit from a stale version is a CONFLICT', () => {
    expect(codeOf(() => editNotice(notice({ version: 3 }), { title: 'x' }, 2, 's', NOW))).toBe(
      'CONFLICT',
    )
  })

  it('clearing the poster is an edit, leaving it out is not', () => {
    expect(editNotice(notice(), { posterFileId: null }, 1, 's', NOW)).toHaveProperty(
      'posterFileId',
      null,
    )
    expect(editNotice(notice(), {}, 1, 's', NOW)).not.toHaveProperty('posterFileId')
  })

  it('publishes now when no time or a past time is given', () => {
    expect(publishNotice(notice(), undefined, 's', NOW)).toMatchObject({
      status: 'published',
      publishAt: NOW,
      version: 2,
    })
    expect(publishNotice(notice(), EARLIER, 's', NOW).publishAt).toEqual(NOW)
  })

  it('publishes at a future time (定时发布), also one planned on the draft', () => {
    expect(publishNotice(notice(), LATER, 's', NOW).publishAt).toEqual(LATER)
    expect(publishNotice(notice({ publishAt: LATER }), undefined, 's', NOW).publishAt).toEqual(
      LATER,
    )
  })

  it('a scheduled notice becomes visible exactly at its time', () => {
    const n = notice({ status: 'published', publishAt: LATER })
    expect(isScheduled(n, NOW)).toBe(true)
    expect(isVisible(n, new Date(LATER.getTime() - 1))).toBe(false)
    expect(isVisible(n, LATER)).toBe(true)
    expect(isScheduled(n, LATER)).toBe(false)
  })

  it('cannot publish twice or unpublish what is not published', () => {
    const published = notice({ status: 'published', publishAt: EARLIER })
    expect(codeOf(() => publishNotice(published, undefined, 's', NOW))).toBe('INVALID_STATE')
    expect(codeOf(() => unpublishNotice(notice(), 's', NOW))).toBe('INVALID_STATE')
  })

  it('unpublishing hides it; it can be published again', () => {
    const published = notice({ status: 'published', publishAt: EARLIER })
    const change = unpublishNotice(published, 's', NOW)
    const hidden = { ...published, ...change }
    expect(isVisible(hidden, NOW)).toBe(false)
    expect(publishNotice(hidden, undefined, 's', LATER).status).toBe('published')
  })

  it('pins and unpins with a new version', () => {
    expect(pinNotice(notice(), true, 's', NOW)).toMatchObject({ pinned: true, version: 2 })
  })

  it('orders pinned first, then newest publish time, then id', () => {
    const a = { _id: 'a', pinned: false, publishAt: LATER }
    const b = { _id: 'b', pinned: true, publishAt: EARLIER }
    const c = { _id: 'c', pinned: false, publishAt: NOW }
    const d = { _id: 'd', pinned: false, publishAt: NOW }
    expect([a, b, c, d].sort(compareForMembers).map((n) => n._id)).toEqual(['b', 'a', 'd', 'c'])
  })

  it('makes a one-line excerpt cut on a character boundary', () => {
    expect(excerpt('第一行\n\n第二行  三')).toBe('第一行 第二行 三')
    expect(excerpt('一二三四五', 3)).toBe('一二三…')
    expect(excerpt('😀😀😀', 2)).toBe('😀😀…')
  })
})

import type { ManagedNotice } from '../../cloudfunctions/contract'
import { MEMBER, STAFF, UNVERIFIED, rid, startApiCloud, type ApiCloud } from './api-cloud'

const HOUR = 3600_000
let api: ApiCloud

beforeAll(async () => {
  api = await startApiCloud()
})
afterAll(async () => {
  await api?.stop()
})

async function memberTitles(openid = MEMBER): Promise<string[]> {
  const page = api.ok(await api.call(openid, 'notice.list', { limit: 50 }))
  return page.items.map((n) => n.title)
}

async function create(title: string): Promise<ManagedNotice> {
  return api.ok(
    await api.write(STAFF, 'notice.create', rid('create'), { title, body: `${title}正文` }),
  )
}

describe('notices through the api function', () => {
  it('members see the seeded published notices, pinned first, newest next', async () => {
    expect(await memberTitles()).toEqual([
      '省职工服务中心近期公益活动报名通知',
      '乒乓球场地预约',
      '杂技剧《山水相依》',
    ])
    // Verified or not, every WeChat user may read notices.
    expect(await memberTitles(UNVERIFIED)).toEqual(await memberTitles())
  })

  it('drafts and scheduled notices exist for staff only', async () => {
    const all = api.ok(await api.call(STAFF, 'notice.manageList', { limit: 50 }))
    const statuses = Object.fromEntries(all.items.map((n) => [n.id, n.status]))
    expect(statuses['notice-forest']).toBe('draft')
    expect(statuses['notice-tea']).toBe('published')
    for (const id of ['notice-forest', 'notice-tea']) {
      const reply = await api.call(MEMBER, 'notice.get', { id })
      expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) })
    }
  })

  it('staff create, edit, publish, pin and unpublish; members follow each step', async () => {
    const draft = await create('职工书画展')
    expect(draft).toMatchObject({ status: 'draft', version: 1, pinned: false, publishAt: null })
    expect(await memberTitles()).not.toContain('职工书画展')

    const edited = api.ok(
      await api.write(STAFF, 'notice.update', rid('edit'), {
        id: draft.id,
        version: 1,
        title: '职工书画作品展',
        body: '展期：一周\n地点：省职工服务中心',
      }),
    )
    expect(edited).toMatchObject({ title: '职工书画作品展', version: 2, status: 'draft' })

    const published = api.ok(await api.write(STAFF, 'notice.publish', rid('pub'), { id: draft.id }))
    expect(published).toMatchObject({ status: 'published', version: 3 })
    expect(await memberTitles()).toEqual([
      '省职工服务中心近期公益活动报名通知',
      '职工书画作品展',
      '乒乓球场地预约',
      '杂技剧《山水相依》',
    ])
    const detail = api.ok(await api.call(MEMBER, 'notice.get', { id: draft.id }))
    expect(detail).toEqual({
      id: draft.id,
      title: '职工书画作品展',
      excerpt: '展期：一周 地点：省职工服务中心',
      body: '展期：一周\n地点：省职工服务中心',
      pinned: false,
      publishAt: published.publishAt,
      posterUrl: null,
      posterFileId: null,
    })
    // Members never get the staff-only life-cycle fields.
    expect(detail).not.toHaveProperty('status')
    expect(detail).not.toHaveProperty('version')

    api.ok(
      await api.write(STAFF, 'notice.pin', rid('pin'), { id: 'notice-acrobatics', pinned: true }),
    )
    // Both pinned now: the newer publish time leads.
    expect((await memberTitles()).slice(0, 3)).toEqual([
      '杂技剧《山水相依》',
      '省职工服务中心近期公益活动报名通知',
      '职工书画作品展',
    ])
    api.ok(
      await api.write(STAFF, 'notice.pin', rid('pin'), { id: 'notice-acrobatics', pinned: false }),
    )

    const hidden = api.ok(
      await api.write(STAFF, 'notice.unpublish', rid('unpub'), { id: draft.id }),
    )
    expect(hidden).toMatchObject({ status: 'unpublished', version: 4 })
    expect(await memberTitles()).not.toContain('职工书画作品展')
    expect(await api.call(MEMBER, 'notice.get', { id: draft.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('an edit from a stale version is a CONFLICT and changes nothing', async () => {
    const draft = await create('冲突测试')
    api.ok(
      await api.write(STAFF, 'notice.update', rid(), { id: draft.id, version: 1, title: '甲' }),
    )
    const stale = await api.write(STAFF, 'notice.update', rid(), {
      id: draft.id,
      version: 1,
      title: '乙',
    })
    expect(stale).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '内容已被他人修改，请刷新后再试' },
    })
    const now = api.ok(await api.call(STAFF, 'notice.manageGet', { id: draft.id }))
    expect(now).toMatchObject({ title: '甲', version: 2 })
  })

  it('publishing twice is refused with a clear state error', async () => {
    const reply = await api.write(STAFF, 'notice.publish', rid(), { id: 'notice-ping-pong' })
    expect(reply).toEqual({ ok: false, error: { code: 'INVALID_STATE', message: '公告已发布' } })
  })

  it('a scheduled notice appears to members when its time comes', async () => {
    expect(await memberTitles()).not.toContain('"六月风荷"行香茶会')
    const tea = api.ok(await api.call(STAFF, 'notice.manageGet', { id: 'notice-tea' }))
    const due = new Date(tea.publishAt ?? '').getTime() - Date.now()
    try {
      await api.shiftClock(due + HOUR)
      expect(await memberTitles()).toContain('"六月风荷"行香茶会')
    } finally {
      await api.shiftClock(0)
    }
  })

  it('pages through every visible notice with a cursor, none twice, in order', async () => {
    for (let i = 0; i < 5; i += 1) {
      const n = await create(`分页${i}`)
      api.ok(await api.write(STAFF, 'notice.publish', rid(), { id: n.id }))
    }
    const all = await memberTitles()
    const paged: string[] = []
    let cursor: string | undefined
    do {
      const page = api.ok(await api.call(MEMBER, 'notice.list', { limit: 2, cursor }))
      expect(page.items.length).toBeLessThanOrEqual(2)
      paged.push(...page.items.map((n) => n.title))
      cursor = page.nextCursor
    } while (cursor)
    expect(paged).toEqual(all)
    expect(all.length).toBeGreaterThanOrEqual(8)
  })

  it('a poster is stored as a file id and answered as a URL that serves it', async () => {
    const upload = await api.cloud.app().uploadFile({
      cloudPath: 'posters/acrobatics.png',
      fileContent: Buffer.from('poster-bytes'),
    })
    const draft = api.ok(
      await api.write(STAFF, 'notice.create', rid(), {
        title: '海报测试',
        body: '正文',
        posterFileId: upload.fileID,
      }),
    )
    api.ok(await api.write(STAFF, 'notice.publish', rid(), { id: draft.id }))
    const detail = api.ok(await api.call(MEMBER, 'notice.get', { id: draft.id }))
    expect(detail.posterFileId).toBe(upload.fileID)
    expect(detail.posterUrl).toMatch(/^https?:\/\//)
    const res = await fetch(detail.posterUrl ?? '')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('poster-bytes')
  })
})

import type { ApiReply, ManagedNotice } from '../../cloudfunctions/contract'
import { ADMIN, STAFF, rid, startApiCloud, type ApiCloud } from './api-cloud'

let api: ApiCloud

beforeAll(async () => {
  api = await startApiCloud()
})
afterAll(async () => {
  await api?.stop()
})

const titled = async (title: string) =>
  (await api.documents('notices')).filter((n) => n.title === title)

describe('a write happens once per request id', () => {
  it('a repeat returns the first result and creates nothing more', async () => {
    const requestId = rid('once')
    const payload = { title: '重复提交', body: '正文' }
    const first = api.ok(await api.write(STAFF, 'notice.create', requestId, payload))
    const again = api.ok(await api.write(STAFF, 'notice.create', requestId, payload))
    expect(again).toEqual(first)
    expect(await titled('重复提交')).toHaveLength(1)
    const requests = await api.documents('requests')
    expect(requests.find((r) => r._id === `notice.create:${STAFF}:${requestId}`)).toMatchObject({
      status: 'done',
    })
  })

  it('10 concurrent identical calls create one notice; every answer is the first result', async () => {
    const requestId = rid('burst')
    const payload = { title: '并发提交', body: '正文' }
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => api.write(STAFF, 'notice.create', requestId, payload)),
    )
    expect(await titled('并发提交')).toHaveLength(1)
    const ok = replies.filter((r): r is Extract<ApiReply<ManagedNotice>, { ok: true }> => r.ok)
    const waiting = replies.filter((r) => !r.ok)
    // A repeat that outlasts the first run's brief wait is told to hold on, never run twice.
    for (const reply of waiting) {
      expect(reply).toMatchObject({ error: { code: 'REQUEST_IN_PROGRESS' } })
    }
    expect(ok.length).toBeGreaterThan(0)
    const ids = new Set(ok.map((r) => r.data.id))
    expect(ids.size).toBe(1)
    for (const reply of ok) expect(reply.data).toEqual(ok[0].data)
    // Once settled, a retry gets the first result.
    const retry = api.ok(await api.write(STAFF, 'notice.create', requestId, payload))
    expect(retry).toEqual(ok[0].data)
  })

  it('10 concurrent identical publishes change the notice once', async () => {
    const draft = api.ok(
      await api.write(STAFF, 'notice.create', rid(), { title: '并发发布', body: '正文' }),
    )
    const requestId = rid('pub')
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.write(STAFF, 'notice.publish', requestId, { id: draft.id }),
      ),
    )
    for (const reply of replies) {
      if (reply.ok) expect(reply.data).toMatchObject({ status: 'published', version: 2 })
      else expect(reply.error.code).toBe('REQUEST_IN_PROGRESS')
    }
    const stored = api.ok(await api.call(STAFF, 'notice.manageGet', { id: draft.id }))
    expect(stored).toMatchObject({ status: 'published', version: 2 })
  })

  it('a failed attempt leaves no trace, so its retry runs afresh', async () => {
    const draft = api.ok(
      await api.write(STAFF, 'notice.create', rid(), { title: '失败重试', body: '正文' }),
    )
    const requestId = rid('retry')
    const refused = await api.write(STAFF, 'notice.unpublish', requestId, { id: draft.id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    const key = `notice.unpublish:${STAFF}:${requestId}`
    expect((await api.documents('requests')).some((r) => r._id === key)).toBe(false)

    api.ok(await api.write(STAFF, 'notice.publish', rid(), { id: draft.id }))
    const retried = api.ok(await api.write(STAFF, 'notice.unpublish', requestId, { id: draft.id }))
    expect(retried).toMatchObject({ status: 'unpublished', version: 3 })
  })

  it('a bad payload records no request either', async () => {
    const requestId = rid('bad')
    const before = (await api.documents('requests')).length
    expect(
      await api.write(STAFF, 'notice.create', requestId, { title: '', body: '正文' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect((await api.documents('requests')).length).toBe(before)
    expect(
      api.ok(await api.write(STAFF, 'notice.create', requestId, { title: '改好了', body: '正文' })),
    ).toMatchObject({
      title: '改好了',
    })
  })

  it('the same request id from another caller or for another action is another write', async () => {
    const requestId = rid('shared')
    const a = api.ok(
      await api.write(STAFF, 'notice.create', requestId, { title: '同号甲', body: '正文' }),
    )
    const b = api.ok(
      await api.write(ADMIN, 'notice.create', requestId, { title: '同号乙', body: '正文' }),
    )
    expect(a.id).not.toBe(b.id)
    const pinned = api.ok(
      await api.write(STAFF, 'notice.pin', requestId, { id: a.id, pinned: true }),
    )
    expect(pinned).toMatchObject({ id: a.id, pinned: true })
  })

  /** The record a first, still unfinished run of `notice.create` leaves behind. */
  async function leaveClaim(requestId: string, startedAt: Date): Promise<void> {
    await api.cloud
      .app()
      .database()
      .collection('requests')
      .add({
        _id: `notice.create:${STAFF}:${requestId}`,
        action: 'notice.create',
        openid: STAFF,
        status: 'pending',
        startedAt,
      })
  }

  it('a repeat of a write still running is told REQUEST_IN_PROGRESS and runs nothing', async () => {
    const requestId = rid('pending')
    await leaveClaim(requestId, new Date())
    const reply = await api.write(STAFF, 'notice.create', requestId, {
      title: '进行中',
      body: '正文',
    })
    expect(reply).toEqual({
      ok: false,
      error: { code: 'REQUEST_IN_PROGRESS', message: '上一次提交还在处理中，请稍候' },
    })
    expect(await titled('进行中')).toHaveLength(0)
  })

  it('a claim left by a run that died is taken over by the retry', async () => {
    const requestId = rid('stale')
    // A claim ten minutes old: its run died without finishing or clearing it.
    await leaveClaim(requestId, new Date(Date.now() - 10 * 60_000))
    const reply = await api.write(STAFF, 'notice.create', requestId, {
      title: '接管',
      body: '正文',
    })
    expect(api.ok(reply)).toMatchObject({ title: '接管' })
    expect(await titled('接管')).toHaveLength(1)
  })

  it('reads need no request id and record nothing', async () => {
    const before = (await api.documents('requests')).length
    api.ok(await api.call(STAFF, 'notice.manageList'))
    expect((await api.documents('requests')).length).toBe(before)
  })
})

import { ERRORS } from '../../cloudfunctions/contract'
import {
  CHECKER,
  MEMBER,
  STAFF,
  UNVERIFIED,
  ADMIN,
  rid,
  startApiCloud,
  type ApiCloud,
} from './api-cloud'

let api: ApiCloud

beforeAll(async () => {
  api = await startApiCloud()
})
afterAll(async () => {
  await api?.stop()
})

/** Everything stored that a refused call could have touched. */
async function snapshot() {
  return {
    notices: await api.documents('notices'),
    requests: await api.documents('requests'),
    grants: await api.documents('grants'),
  }
}

const CJK = /[\u4e00-\u9fff]/

describe('who may call what', () => {
  it('me.get tells each dev identity its roles', async () => {
    const roles = async (openid: string) => api.ok(await api.call(openid, 'me.get')).roles.sort()
    expect(await roles(MEMBER)).toEqual(['everyone', 'member'])
    expect(await roles(UNVERIFIED)).toEqual(['everyone'])
    expect(await roles(STAFF)).toEqual(['everyone', 'staff'])
    expect(await roles(CHECKER)).toEqual(['checker', 'everyone'])
    expect(await roles(ADMIN)).toEqual(['admin', 'everyone'])
    expect(api.ok(await api.call(MEMBER, 'me.get'))).toMatchObject({
      verified: true,
      maskedName: '王*国',
    })
  })

  it.each([MEMBER, UNVERIFIED, CHECKER])(
    '%s gets FORBIDDEN for every staff action and nothing changes',
    async (openid) => {
      const before = await snapshot()
      const calls = [
        api.call(openid, 'notice.manageList'),
        api.call(openid, 'notice.manageGet', { id: 'notice-forest' }),
        api.write(openid, 'notice.create', rid(), { title: '越权', body: '越权' }),
        api.write(openid, 'notice.update', rid(), { id: 'notice-events', version: 1, title: 'x' }),
        api.write(openid, 'notice.publish', rid(), { id: 'notice-forest' }),
        api.write(openid, 'notice.unpublish', rid(), { id: 'notice-events' }),
        api.write(openid, 'notice.pin', rid(), { id: 'notice-ping-pong', pinned: true }),
      ]
      for (const reply of await Promise.all(calls)) {
        expect(reply).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: ERRORS.FORBIDDEN },
        })
      }
      expect(await snapshot()).toEqual(before)
    },
  )

  it('admins may do what staff do', async () => {
    const draft = api.ok(
      await api.write(ADMIN, 'notice.create', rid(), { title: '管理员', body: '正文' }),
    )
    expect(draft.status).toBe('draft')
  })

  it('no WeChat identity: UNAUTHENTICATED, even for reading', async () => {
    const reply = await api.call('', 'notice.list')
    expect(reply).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: ERRORS.UNAUTHENTICATED },
    })
  })

  it('an unknown action is UNKNOWN_ACTION', async () => {
    for (const action of ['notice.delete', '__proto__', 'toString']) {
      const reply = await api.cloud.fn('api', { action, payload: {} }, STAFF)
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    }
    expect(await api.cloud.fn('api', {}, STAFF)).toMatchObject({
      error: { code: 'UNKNOWN_ACTION' },
    })
  })

  it('bad input gets INVALID_INPUT with Chinese messages per field and changes nothing', async () => {
    const before = await snapshot()
    const reply = await api.write(STAFF, 'notice.create', rid(), {
      title: '',
      body: '正文',
      publishAt: '下周一',
    })
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '请填写标题',
        fields: { title: '请填写标题', publishAt: '时间格式不正确' },
      },
    })
    const noRequestId = await api.call(STAFF, 'notice.create', { title: '标题', body: '正文' })
    expect(noRequestId).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { requestId: '缺少请求编号' } },
    })
    const wrongType = await api.call(MEMBER, 'notice.list', { limit: '10' })
    expect(wrongType.ok).toBe(false)
    if (!wrongType.ok) expect(wrongType.error.fields?.limit).toMatch(CJK)
    expect(await snapshot()).toEqual(before)
  })
})

describe('the caller is the WeChat context, never the request', () => {
  it('an openid beside the payload or in userInfo is ignored', async () => {
    const event = {
      action: 'me.get',
      payload: {},
      openid: STAFF,
      OPENID: STAFF,
      userInfo: { openId: STAFF, appId: 'x' },
    }
    const reply = await api.cloud.fn('api', event, MEMBER)
    expect(reply).toMatchObject({ ok: true, data: { roles: ['everyone', 'member'] } })

    const before = await snapshot()
    const write = await api.cloud.fn(
      'api',
      {
        action: 'notice.create',
        payload: { requestId: rid(), title: '冒充', body: '冒充' },
        openid: STAFF,
        userInfo: { openId: STAFF },
      },
      MEMBER,
    )
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await snapshot()).toEqual(before)
  })

  it('an openid inside the payload grants nothing and is refused as an unknown field', async () => {
    const before = await snapshot()
    const asMember = await api.call(MEMBER, 'notice.create', {
      requestId: rid(),
      title: '冒充',
      body: '冒充',
      openid: STAFF,
    })
    expect(asMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const asStaff = await api.call(STAFF, 'me.get', { openid: MEMBER })
    expect(asStaff).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { openid: '不支持的字段' } },
    })
    expect(await snapshot()).toEqual(before)
  })

  it('a write is recorded under the context openid, whatever the event says', async () => {
    const requestId = rid()
    const reply = await api.cloud.fn(
      'api',
      {
        action: 'notice.create',
        payload: { requestId, title: '作者', body: '正文' },
        openid: MEMBER,
      },
      STAFF,
    )
    const id = api.ok(reply as Awaited<ReturnType<ApiCloud['call']>>) as { id: string }
    const stored = (await api.documents('notices')).find((n) => n._id === id.id)
    expect(stored).toMatchObject({ createdBy: STAFF, updatedBy: STAFF })
    const requests = (await api.documents('requests')).map((r) => r._id)
    expect(requests).toContain(`notice.create:${STAFF}:${requestId}`)
    expect(requests.some((key) => String(key).includes(MEMBER))).toBe(false)
  })
})

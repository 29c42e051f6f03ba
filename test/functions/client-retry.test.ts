import type { ApiEvent, ApiReply } from '@contract'
import { STAFF, startApiCloud, type ApiCloud } from './api-cloud'

/**
 * The app's API client on a weak network, against the real api function on the local cloud.
 * The transport is the mocked edge (there is no WeChat here): it forwards to the local cloud as
 * a staff member, and can lose a reply on the way back, the way a phone in a lift does.
 */
let api: ApiCloud
let loseReplies = 0
const sent: ApiEvent[] = []

jest.mock('../../src/api/transport', () => ({
  transport: async (event: ApiEvent): Promise<ApiReply<unknown>> => {
    sent.push(event)
    const reply = (await api.cloud.fn('api', event, STAFF)) as ApiReply<unknown>
    if (loseReplies > 0) {
      loseReplies -= 1
      // The write reached the server; only its answer is lost.
      const { networkError } =
        jest.requireActual<typeof import('../../src/api/errors')>('../../src/api/errors')
      throw networkError()
    }
    return reply
  },
}))

// Imported after the mock so the client picks up the stand-in transport.
import { call } from '../../src/api/call'

beforeAll(async () => {
  api = await startApiCloud({ seed: true })
})
afterAll(async () => {
  await api?.stop()
})
beforeEach(() => {
  sent.length = 0
  loseReplies = 0
})

it('a write whose reply is lost is retried with the same request id and happens once', async () => {
  const before = (await api.documents('notices')).length
  loseReplies = 2
  const created = await call('notice.create', { title: '弱网下的公告', body: '只应出现一次' })
  expect(created.title).toBe('弱网下的公告')
  expect(sent).toHaveLength(3)
  const ids = sent.map((e) => (e.payload as { requestId: string }).requestId)
  expect(new Set(ids).size).toBe(1)
  const notices = await api.documents('notices')
  expect(notices).toHaveLength(before + 1)
  expect(notices.filter((n) => n.title === '弱网下的公告')).toHaveLength(1)
})

it('after the last retry the page gets the Chinese network error, and nothing was doubled', async () => {
  const before = (await api.documents('notices')).length
  loseReplies = 10
  await expect(call('notice.create', { title: '断网公告', body: '正文' })).rejects.toMatchObject({
    code: 'NETWORK',
    message: '网络不给力，请检查网络后重试',
  })
  expect(sent).toHaveLength(3)
  expect((await api.documents('notices')).length).toBe(before + 1)
})

it('two separate intents are two writes', async () => {
  const before = (await api.documents('notices')).length
  await call('notice.create', { title: '第一条', body: '正文' })
  await call('notice.create', { title: '第一条', body: '正文' })
  expect((await api.documents('notices')).length).toBe(before + 2)
})

it('a refusal is not retried', async () => {
  await expect(call('notice.get', { id: 'no-such-notice' })).rejects.toMatchObject({
    code: 'NOT_FOUND',
  })
  expect(sent).toHaveLength(1)
})

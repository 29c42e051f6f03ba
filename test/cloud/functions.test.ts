import { startCloud, type TestCloud } from '../helpers/cloud'

/** What the `whoami` fixture answers: the platform's view of the caller, twice. */
interface Snapshot {
  userInfo: { openId: string; appId: string }
  env: Record<string, string | undefined>
  fromContext: { WX_OPENID?: string; TCB_SOURCE?: string | string[] }
}
interface Whoami {
  event: Record<string, unknown>
  before: Snapshot
  after: Snapshot
  now: number
}

let cloud: TestCloud

beforeAll(async () => {
  cloud = await startCloud({ functions: 'test/fixtures/functions' })
})
afterAll(() => cloud?.stop())

describe('function runner', () => {
  it('gives the function its caller through getUserInfo(), process.env and context.environ', async () => {
    const reply = (await cloud.fn('whoami', { hello: '世界' }, 'o-alice')) as Whoami
    expect(reply.event).toEqual({ hello: '世界' })
    expect(reply.before.userInfo.openId).toBe('o-alice')
    expect(reply.before.userInfo.appId).not.toBe('')
    expect(reply.before.env).toMatchObject({
      WX_OPENID: 'o-alice',
      TCB_SOURCE: 'wx_client',
      // envVariables from the function's config.json
      FIXTURE_GREETING: '你好',
    })
    expect(reply.before.env.TCB_ENV).toBeTruthy()
    expect(reply.before.fromContext.WX_OPENID).toBe('o-alice')
  })

  it('never lets 50 concurrent calls see each other’s openid', async () => {
    const openids = Array.from({ length: 50 }, (_, i) => `o-user-${i}`)
    // Staggered pauses interleave the invocations inside the server process.
    const replies = (await Promise.all(
      openids.map((openid, i) => cloud.fn('whoami', { delayMs: 5 + ((i * 7) % 40) }, openid)),
    )) as Whoami[]
    const seen = replies.map((reply) => [
      reply.before.userInfo.openId,
      reply.after.userInfo.openId,
      reply.after.env.WX_OPENID,
      reply.after.fromContext.WX_OPENID,
    ])
    expect(seen).toEqual(openids.map((openid) => [openid, openid, openid, openid]))
  })

  it('runs a call without x-dev-openid as nobody', async () => {
    const reply = (await cloud.fn('whoami', {})) as Whoami
    expect(reply.before.userInfo.openId).toBe('')
  })

  it('carries the caller’s context through functions.invokeFunction', async () => {
    const reply = (await cloud.fn('caller', { target: 'whoami', data: { n: 1 } }, 'o-bob')) as {
      me: { openId: string }
      result: Whoami
    }
    expect(reply.me.openId).toBe('o-bob')
    expect(reply.result.event).toEqual({ n: 1 })
    expect(reply.result.before.userInfo.openId).toBe('o-bob')
    // The SDK appends its run environment to the source it forwards, as in production.
    expect(reply.result.before.env.TCB_SOURCE).toBe('wx_client,scf')
  })

  it('keeps concurrent chains of invokeFunction apart', async () => {
    const openids = Array.from({ length: 20 }, (_, i) => `o-chain-${i}`)
    const replies = (await Promise.all(
      openids.map((openid, i) => cloud.fn('caller', { data: { delayMs: (i * 11) % 30 } }, openid)),
    )) as Array<{ result: Whoami }>
    expect(replies.map((reply) => reply.result.after.userInfo.openId)).toEqual(openids)
  })

  it('answers callFunction from outside any function with no user, as production does', async () => {
    const { result } = await cloud.app().callFunction({ name: 'whoami', data: { x: 2 } })
    const reply = result as Whoami
    expect(reply.event).toEqual({ x: 2 })
    expect(reply.before.userInfo.openId).toBe('')
  })

  it('turns a thrown error into an error reply and keeps serving', async () => {
    await expect(cloud.app().callFunction({ name: 'thrower', data: {} })).rejects.toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: expect.stringContaining('函数出错了'),
    })
    const sync = await cloud.post('/dev/fn/thrower', { sync: true }, { 'x-dev-openid': 'o-c' })
    expect(sync.status).toBe(500)
    expect(sync.body).toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: expect.stringContaining('同步失败'),
    })
    const after = (await cloud.fn('whoami', {}, 'o-still')) as Whoami
    expect(after.before.userInfo.openId).toBe('o-still')
  })

  it('reports a missing function', async () => {
    const res = await cloud.post('/dev/fn/no-such-fn', {}, { 'x-dev-openid': 'o-c' })
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ code: 'FUNCTION_NOT_FOUND' })
    await expect(cloud.app().callFunction({ name: 'no-such-fn', data: {} })).rejects.toMatchObject({
      code: 'FUNCTION_NOT_FOUND',
    })
  })

  it('rejects a malformed body or openid on /dev/fn', async () => {
    const bad = await fetch(`${cloud.url}/dev/fn/whoami`, { method: 'POST', body: '{nope' })
    expect(bad.status).toBe(400)
    const id = await cloud.post('/dev/fn/whoami', {}, { 'x-dev-openid': 'bad openid!' })
    expect(id.status).toBe(400)
  })
})

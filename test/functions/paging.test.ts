import type { ActionName, Page, ParamsOf, ResponseOf } from '@contract'
import { ADMIN, STAFF, rid, startApiCloud, type ApiCloud } from './api-cloud'

/** Lists cut by keyset cursors: every item once, in order, however small the page. */
let api: ApiCloud

beforeAll(async () => {
  api = await startApiCloud({ seed: true })
})
afterAll(async () => {
  await api?.stop()
})

type PagedAction = 'registry.list' | 'audit.list' | 'notice.manageList'

async function everyPage<A extends PagedAction & ActionName>(
  openid: string,
  action: A,
  params: ParamsOf<A>,
): Promise<Array<ResponseOf<A> extends Page<infer T> ? T : never>> {
  type Item = ResponseOf<A> extends Page<infer T> ? T : never
  const items: Item[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const reply = await api.call(openid, action, { ...params, cursor } as ParamsOf<A>)
    const page = api.ok(reply) as Page<Item>
    items.push(...page.items)
    cursor = page.nextCursor
    pages += 1
  } while (cursor && pages < 100)
  return items
}

it('会员库: every registry member once, by id', async () => {
  const members = await api.documents('members')
  const listed = await everyPage(STAFF, 'registry.list', { limit: 50 })
  expect(listed).toHaveLength(members.length)
  const ids = listed.map((m) => m.id)
  expect(new Set(ids).size).toBe(ids.length)
  expect([...ids].sort()).toEqual(ids)
})

it('公告 (staff): every notice once, newest created first', async () => {
  for (let i = 0; i < 5; i += 1) {
    await api.write(STAFF, 'notice.create', rid(), { title: `分页公告${i}`, body: '正文' })
  }
  const notices = await api.documents('notices')
  const listed = await everyPage(STAFF, 'notice.manageList', { limit: 2 })
  expect(listed.map((n) => n.id).sort()).toEqual(notices.map((n) => String(n._id)).sort())
  const created = listed.map((n) => Date.parse(n.createdAt))
  expect([...created].sort((a, b) => b - a)).toEqual(created)
})

it('操作日志: every entry once, newest first, also within a filter', async () => {
  const entries = await api.documents('audit')
  expect(entries.length).toBeGreaterThanOrEqual(5)
  const listed = await everyPage(ADMIN, 'audit.list', { limit: 2 })
  expect(listed.map((e) => e.id).sort()).toEqual(entries.map((e) => String(e._id)).sort())
  const times = listed.map((e) => Date.parse(e.at))
  expect([...times].sort((a, b) => b - a)).toEqual(times)

  const creates = await everyPage(ADMIN, 'audit.list', { action: 'notice.create', limit: 2 })
  expect(creates).toHaveLength(entries.filter((e) => e.action === 'notice.create').length)
})

it('a cursor that was not given out is refused, not guessed at', async () => {
  for (const action of ['registry.list', 'audit.list', 'notice.manageList'] as const) {
    const reply = await api.call(ADMIN, action, { cursor: 'not-a-cursor' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  }
})

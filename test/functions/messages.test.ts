/**
 * 消息 through the local cloud: messages are posted by the functions' own code (store/messages
 * `postMessages`, called here in-process against the same local cloud, as a job would), and
 * read and marked by members through the api function.
 */
import { demoData } from '../../cloud/seed'
import { pointSdkAtLocalCloud } from '../../cloud/functions/platform-env'
import type { MyMessage } from '../../cloudfunctions/contract'
import {
  drawLostMessage,
  drawWonMessage,
  messageIdFor,
  type MessagePost,
} from '../../cloudfunctions/domain/message'
import { postMessages } from '../../cloudfunctions/store/messages'
import { MEMBER, UNVERIFIED, rid, startApiCloud, type ApiCloud } from './api-cloud'

let api: ApiCloud
const seed = demoData(new Date())
/** dev-member-1, bound and verified. */
const memberA = String(seed.collections.members[0]._id)
/** dev-member-2, in the registry but not bound: nobody may read their messages through the api. */
const memberB = String(seed.collections.members[1]._id)

let serial = 0
/** A message for `memberId` about a made-up entry of its own. */
function post(memberId: string, title = '测试活动'): MessagePost {
  serial += 1
  return {
    memberId,
    ...drawLostMessage({
      entryId: `e_test_${serial}`,
      activityId: `a_test_${serial}`,
      activityTitle: `${title}${serial}`,
      sessionStartAt: new Date('2030-06-16T11:30:00Z'),
    }),
  }
}

async function countWhere(where: object): Promise<number> {
  const res = (await api.cloud.app().database().collection('messages').where(where).count()) as {
    total: number
  }
  return res.total
}

async function allOf(openid = MEMBER): Promise<{ items: MyMessage[]; unread: number }> {
  const items: MyMessage[] = []
  let cursor: string | undefined
  let unread = 0
  do {
    const page = api.ok(await api.call(openid, 'message.list', { limit: 50, cursor }))
    items.push(...page.items)
    unread = page.unread
    cursor = page.nextCursor
  } while (cursor)
  return { items, unread }
}

beforeAll(async () => {
  api = await startApiCloud()
  // The functions' store code, run in this process, talks to the same local cloud.
  pointSdkAtLocalCloud(api.cloud.url, 'local')
})
afterAll(async () => {
  await api?.stop()
})

describe('posting messages', () => {
  it('gives one message per event, however often the event is posted', async () => {
    const won = {
      memberId: memberA,
      ...drawWonMessage({
        entryId: 'e_once',
        activityId: 'a_once',
        activityTitle: '杂技剧《山水相依》',
        sessionStartAt: new Date('2030-06-16T11:30:00Z'),
        partySize: 1,
        confirmBy: null,
      }),
    }
    const now = new Date()
    expect(await postMessages([won, won], now)).toBe(1)
    expect(await postMessages([won], new Date(now.getTime() + 1000))).toBe(0)
    // A batch where some were posted before (a job run again) still adds the rest.
    const fresh = post(memberA)
    expect(await postMessages([won, fresh], now)).toBe(1)
    expect(await countWhere({ eventKey: won.eventKey })).toBe(1)
    expect(await countWhere({ eventKey: fresh.eventKey })).toBe(1)

    const { items } = await allOf()
    const shown = items.find((m) => m.id === messageIdFor(won.eventKey))
    expect(shown).toMatchObject({
      kind: 'draw.won',
      title: '已中签：杂技剧《山水相依》',
      link: '/activity/entry/index?id=e_once',
      readAt: null,
    })
    expect(shown?.body).toContain('6月16日（周日）19:30')
    expect(shown?.createdAt).toBe(now.toISOString())
  })
})

describe('the member’s list', () => {
  it('shows a member only their own messages', async () => {
    const theirs = post(memberB, '别人的活动')
    const mine = post(memberA, '我的活动')
    await postMessages([theirs, mine], new Date())
    const ids = (await allOf()).items.map((m) => m.id)
    expect(ids).toContain(messageIdFor(mine.eventKey))
    expect(ids).not.toContain(messageIdFor(theirs.eventKey))

    // Marking another member's message by its id changes nothing of theirs.
    api.ok(await api.write(MEMBER, 'message.read', rid(), { ids: [messageIdFor(theirs.eventKey)] }))
    expect(await countWhere({ _id: messageIdFor(theirs.eventKey), readAt: null })).toBe(1)
  })

  it('pages newest first by cursor, never repeating or dropping one', async () => {
    const start = Date.now() + 60_000
    const posted: string[] = []
    for (let i = 0; i < 23; i += 1) {
      const one = post(memberA, '分页')
      // Some share an instant: the id breaks the tie.
      await postMessages([one], new Date(start + Math.floor(i / 2) * 1000))
      posted.push(messageIdFor(one.eventKey))
    }
    const seen: MyMessage[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = api.ok(await api.call(MEMBER, 'message.list', { limit: 10, cursor }))
      expect(page.items.length).toBeLessThanOrEqual(10)
      seen.push(...page.items)
      cursor = page.nextCursor
      pages += 1
    } while (cursor)
    const ids = seen.map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.slice(0, 23).sort()).toEqual([...posted].sort())
    const times = seen.map((m) => Date.parse(m.createdAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(pages).toBe(Math.ceil(seen.length / 10))
  })
})

describe('unread and read', () => {
  it('counts unread, marks chosen ones and then all, idempotently', async () => {
    const before = await allOf()
    expect(before.unread).toBe(before.items.filter((m) => m.readAt === null).length)
    expect(before.unread).toBeGreaterThan(2)

    const two = before.items.filter((m) => m.readAt === null).slice(0, 2)
    const requestId = rid('read')
    const marked = api.ok(
      await api.write(MEMBER, 'message.read', requestId, { ids: two.map((m) => m.id) }),
    )
    expect(marked).toEqual({ unread: before.unread - 2 })
    // A retry of the same request answers the first result; marking again changes nothing.
    const retry = api.ok(
      await api.write(MEMBER, 'message.read', requestId, { ids: two.map((m) => m.id) }),
    )
    expect(retry).toEqual(marked)
    const again = api.ok(
      await api.write(MEMBER, 'message.read', rid('read'), { ids: two.map((m) => m.id) }),
    )
    expect(again).toEqual(marked)

    const after = await allOf()
    expect(after.unread).toBe(before.unread - 2)
    for (const m of after.items.filter((x) => two.some((t) => t.id === x.id)))
      expect(m.readAt).not.toBeNull()

    expect(api.ok(await api.write(MEMBER, 'message.read', rid('all'), {}))).toEqual({ unread: 0 })
    const none = await allOf()
    expect(none.unread).toBe(0)
    expect(none.items.every((m) => m.readAt !== null)).toBe(true)
    // Other members' messages stay unread.
    expect(await countWhere({ memberId: memberB, readAt: null })).toBeGreaterThan(0)

    // A message that comes later is unread again.
    await postMessages([post(memberA)], new Date())
    expect((await allOf()).unread).toBe(1)
  })
})

describe('bad input and callers', () => {
  it('answers a structured Chinese error and changes nothing', async () => {
    const unread = await countWhere({ memberId: memberA, readAt: null })
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['message.read', { ids: ['not-a-message'] }, 'ids.0'],
      ['message.read', { ids: [] }, 'ids'],
      ['message.read', { ids: 'all' }, 'ids'],
      ['message.read', { memberId: memberB }, 'memberId'],
      ['message.list', { limit: 0 }, 'limit'],
      ['message.list', { cursor: '不是分页位置' }, 'cursor'],
    ]
    for (const [action, payload, field] of cases) {
      const reply =
        action === 'message.read'
          ? await api.write(MEMBER, 'message.read', rid('bad'), payload)
          : await api.call(MEMBER, 'message.list', payload)
      expect({ payload, reply }).toMatchObject({
        payload,
        reply: {
          ok: false,
          error: { code: 'INVALID_INPUT', fields: { [field]: expect.stringMatching(/[一-龥]/) } },
        },
      })
    }
    expect(await countWhere({ memberId: memberA, readAt: null })).toBe(unread)
  })

  it('is for verified members only', async () => {
    for (const reply of [
      await api.call(UNVERIFIED, 'message.list', {}),
      await api.write(UNVERIFIED, 'message.read', rid(), {}),
    ])
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await countWhere({ memberId: memberB, readAt: null })).toBeGreaterThan(0)
  })
})

/**
 * The draw as members and staff SEE it, in the COMPILED weapp build against the real api
 * function and local cloud: 抽签公示 on the activity page (the seed's commitment before the
 * close, each session's frozen list after it, 入选名单 and 候补顺序 after the draw with the
 * member's own entry marked in words), the whole list page, 我的报名's 候补第 N 位 and a
 * kept-out entry's reason, and staff 立即抽签.
 *
 * Mocked are only WeChat's own APIs: `wx.cloud` forwards to the local cloud as the seeded member
 * (or staff), `showModal` answers 确定, `setClipboardData` records what 复制 put on the
 * clipboard, and navigation is recorded. Activities and entries are made through the api as
 * staff and members make them; the window closes by moving the local cloud's clock (POST
 * /dev/clock) and running its scheduler (POST /dev/trigger/scheduler), as the timer would.
 */
import type { DrawRecord, ManagedActivity, MyEntry, Page } from '../../cloudfunctions/contract'
import { seedVerifiedMembers, type SeededMember } from '../helpers/activities'
import type { SimulatedComponent } from './harness'
import {
  actionsCalled,
  activityFields,
  bootActivityApp,
  publishActivity,
  type ActivityApp,
} from './activity-fixtures'
import { BOOT_TIMEOUT_MS } from './boot'

const HOUR = 3_600_000
/** Drawn by staff through the api: the member's party of three never fits its two seats. */
const SHOWN = '抽签公示测试·两席的茶会'
/** Closed and frozen, left for staff to draw from the editor. */
const STAFF_DRAW = '抽签公示测试·立即抽签的讲座'
/** Still open: the seed's commitment and the member's weight. */
const OPEN = '抽签公示测试·报名中的演出'
/** Only the member enters: a sure win, which then keeps them out of LATER (30-day cooldown). */
const WIN = '抽签公示测试·必中的茶会'
const LATER = '抽签公示测试·稍后截止的讲座'

let app: ActivityApp
let staff: string
let member: string
let others: SeededMember[]
const activities: Record<string, ManagedActivity> = {}
let clockOffset = 0

const record = (title: string) =>
  app.api<DrawRecord>(
    member,
    'draw.record',
    { activityId: activities[title].id, sessionId: 's1' },
    false,
  )

async function myEntry(title: string): Promise<MyEntry> {
  const page = await app.api<Page<MyEntry>>(member, 'entry.mine', { limit: 50 }, false)
  const found = page.items.find((e) => e.activityId === activities[title].id)
  if (!found) throw new Error(`no entry for ${title}`)
  return found
}

/** Moves the local cloud's clock on, then one scheduler tick (freezes closed windows). */
async function later(ms: number): Promise<void> {
  clockOffset += ms
  const clock = await app.cloud.post('/dev/clock', { offsetMs: clockOffset })
  expect(clock.status).toBe(200)
  const tick = await app.cloud.post('/dev/trigger/scheduler')
  expect(tick.status).toBe(200)
}

beforeAll(async () => {
  app = await bootActivityApp('member')
  staff = await app.openidOf('staff')
  member = await app.openidOf('member')
  // Verified members for a list longer than the page shows, as an import plus 会员认证 leave them.
  others = await seedVerifiedMembers(app.cloud.app(), 24, 'drawui')
  const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString()
  const lottery = (title: string, seats: number, closesIn: number) =>
    activityFields(title, {
      allocation: 'lottery',
      closesIn,
      sessions: [{ startAt: at(closesIn + 72), endAt: at(closesIn + 74), seats }],
      party: { maxSize: 3, family: null },
    })
  for (const [title, seats, closesIn] of [
    [SHOWN, 2, 1],
    [STAFF_DRAW, 5, 1],
    [WIN, 10, 1],
    [LATER, 10, 3],
    [OPEN, 10, 48],
  ] as const) {
    activities[title] = await publishActivity(app.cloud, staff, lottery(title, seats, closesIn))
  }
  const enter = (openid: string, title: string, companions: { name: string }[] = []) =>
    app.api<MyEntry>(openid, 'entry.submit', {
      activityId: activities[title].id,
      sessionId: 's1',
      companions,
    })
  await enter(member, SHOWN, [{ name: '王小红' }, { name: '王小刚' }])
  for (const m of others) await enter(m.openid, SHOWN)
  for (const m of others.slice(0, 3)) await enter(m.openid, STAFF_DRAW)
  await enter(member, WIN)
  await enter(member, LATER)
  await enter(member, OPEN)
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

const open = (route: string, query: Record<string, string>, ready: string) =>
  app.open(route, query, ready)

const openDetail = (title: string, ready: string) =>
  open('activity/detail/index', { id: activities[title].id }, ready)

function text(page: SimulatedComponent): string {
  return page.dom.textContent ?? ''
}

function buttons(page: SimulatedComponent, label: string): SimulatedComponent[] {
  return page.querySelectorAll('.nut-button').filter((b) => (b.dom.textContent ?? '') === label)
}

/** The card titled `title` (its head's text), e.g. 抽签公示 or 我的报名. */
function card(page: SimulatedComponent, title: string): SimulatedComponent | undefined {
  const head = page.querySelectorAll('.zg-card__title').find((t) => t.dom.textContent === title)
  return page.querySelectorAll('.zg-card').find((c) => head && c.dom.contains(head.dom))
}

const short = (hash: string) => `${hash.slice(0, 8)}…${hash.slice(-8)}`

describe('抽签公示 before the window closes', () => {
  it('shows the seed’s commitment shortened, whole on 查看完整, and copies it; the member sees their weight', async () => {
    const page = await openDetail(OPEN, '抽签公示')
    const seedHash = activities[OPEN].draw?.seedHash ?? ''
    expect(seedHash).toMatch(/^[0-9a-f]{64}$/)
    const draw = card(page, '抽签公示')?.dom.textContent ?? ''
    expect(draw).toContain('种子承诺（哈希）')
    expect(draw).toContain(short(seedHash))
    expect(draw).not.toContain(seedHash)
    expect(draw).toContain('抽签后公布种子本身，任何人都能核对两者一致')
    expect(draw).toContain('报名截止后，这里将公布每个场次的名单哈希和参加人数')
    // Nothing is drawn yet: no lists, no seed.
    expect(page.querySelectorAll('.zg-draw-row')).toHaveLength(0)

    buttons(page, '查看完整')[0]?.dispatchEvent('tap')
    await app.waitFor(() => (card(page, '抽签公示')?.dom.textContent ?? '').includes(seedHash))
    expect(buttons(page, '收起')).toHaveLength(1)
    buttons(page, '复制')[0]?.dispatchEvent('tap')
    await app.waitFor(() => app.setClipboardData.mock.calls.length > 0)
    expect(app.setClipboardData).toHaveBeenLastCalledWith(
      expect.objectContaining({ data: seedHash }),
    )

    // 您的抽签权重：2（连续 1 次未中签）: the server's weight and reason, on the member's entry.
    const { weight } = await myEntry(OPEN)
    expect(weight).not.toBeNull()
    const why = weight?.reason.split('→')[0].trim()
    const mine = card(page, '我的报名')?.dom.textContent ?? ''
    expect(mine).toContain(`您的抽签权重：${weight?.value}（${why}）`)
    expect(mine).toContain('同行人数不影响权重')
  })
})

describe('after the window closes', () => {
  let drawn: DrawRecord

  beforeAll(async () => {
    // Two hours on: SHOWN, STAFF_DRAW and WIN have closed and are frozen; OPEN is still open.
    await later(2 * HOUR)
    await app.api(staff, 'draw.run', { activityId: activities[SHOWN].id })
    await app.api(staff, 'draw.run', { activityId: activities[WIN].id })
    drawn = await record(SHOWN)
  }, BOOT_TIMEOUT_MS)

  it('before the draw: each session’s list hash, its entrant count and the draw time', async () => {
    const frozen = await record(STAFF_DRAW)
    expect(frozen.seed).toBeNull()
    const page = await openDetail(STAFF_DRAW, '参加抽签：')
    const draw = card(page, '抽签公示')?.dom.textContent ?? ''
    expect(draw).toContain('名单哈希')
    expect(draw).toContain(short(frozen.listHash))
    expect(draw).toContain('参加抽签：3 份报名，共 3 人；名额 5 人')
    expect(draw).toMatch(/抽签时间：将于\d{1,2}月\d{1,2}日 \d{2}:\d{2}抽签/)
    expect(draw).not.toContain('入选名单')
    expect(draw).not.toContain('如何验证')
  })

  it('after the draw: 入选名单 and 候补顺序 in draw order, the member’s own entry marked in words', async () => {
    expect(drawn.winners).toHaveLength(2)
    expect(drawn.waitlist).toHaveLength(23)
    const mineId = (await myEntry(SHOWN)).id
    const place = drawn.waitlist.indexOf(mineId) + 1
    expect(place).toBeGreaterThan(0)

    // 如何验证 shows with the activity; the lists once the session's record has come.
    const page = await openDetail(SHOWN, '候补顺序（23 份）')
    const label = (id: string) => drawn.entries.find((e) => e.id === id)?.label
    // The first 20 of the waitlist, then (if further down) the member's own row after a ⋯ line.
    const expected = [
      ...drawn.winners.map(label),
      ...drawn.waitlist.slice(0, 20).map(label),
      ...(place > 20 ? [label(mineId)] : []),
    ]
    expect(app.texts(page, '.zg-draw-row__label')).toEqual(expected)
    const places = app.texts(page, '.zg-draw-row__place')
    expect(places.slice(0, 3)).toEqual(['第 1 位', '第 2 位', '候补 1'])
    expect(text(page)).toContain('⋯ 另有 3 份未列出')

    // Marked once, with words, on the row holding the member's own place.
    const marked = page.querySelectorAll('.zg-draw-row--mine')
    expect(marked).toHaveLength(1)
    expect(marked[0].dom.textContent).toContain('您的报名')
    expect(marked[0].dom.textContent).toContain(`候补 ${place}`)
    expect(marked[0].dom.textContent).toContain('3人')
    expect(app.texts(page, '.zg-draw-row__me')).toEqual(['您的报名'])
    expect(text(page)).toContain(`您的报名未中签，候补第 ${place} 位`)

    const draw = card(page, '抽签公示')?.dom.textContent ?? ''
    expect(draw).toContain('参加抽签：25 份报名，共 27 人；名额 2 人')
    expect(draw).toContain(`种子（已公布）${short(drawn.seed ?? '')}`)
    expect(draw).toMatch(/抽签时间：\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
    expect(draw).toContain('如何验证')
    expect(draw).toContain('npm run verify-draw -- record.json')
    expect(draw).toContain('任何人都可以只凭这份记录重新算出同样的入选名单和候补顺序')

    // 复制本场抽签记录 puts the very record on the clipboard, ready to save as record.json.
    app.setClipboardData.mockClear()
    buttons(page, '复制本场抽签记录')[0]?.dispatchEvent('tap')
    await app.waitFor(() => app.setClipboardData.mock.calls.length > 0)
    const copied = (app.setClipboardData.mock.calls[0][0] as unknown as { data: string }).data
    expect(JSON.parse(copied)).toEqual(drawn)

    app.navigateTo.mockClear()
    buttons(page, '查看全部名单')[0]?.dispatchEvent('tap')
    await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
    expect(app.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/activity/draw/index?activityId=${encodeURIComponent(activities[SHOWN].id)}&sessionId=s1`,
      }),
    )
  })

  it('the whole list page shows every entry in draw order, the member’s own marked', async () => {
    const page = await open(
      'activity/draw/index',
      { activityId: activities[SHOWN].id, sessionId: 's1' },
      '候补顺序（23 份）',
    )
    // The title and the member's own entry come with the activity, which the lists do not wait for.
    await app.waitFor(() => text(page).includes(SHOWN) && text(page).includes('您的报名'))
    const label = (id: string) => drawn.entries.find((e) => e.id === id)?.label
    expect(app.texts(page, '.zg-draw-row__label')).toEqual(
      [...drawn.winners, ...drawn.waitlist].map(label),
    )
    expect(app.texts(page, '.zg-draw-row__me')).toEqual(['您的报名'])
    expect(text(page)).toContain('如何验证')
    expect(text(page)).not.toContain('未列出')
  })

  it('我的报名 shows 候补第 N 位, and why an entry kept out by the policy did not take part', async () => {
    // Two more hours: LATER closes; the member, who won WIN meanwhile, is in its cooldown.
    await later(2 * HOUR)
    const { waitlistPosition } = await myEntry(SHOWN)
    expect(waitlistPosition).toBe(drawn.waitlist.indexOf((await myEntry(SHOWN)).id) + 1)
    const kept = await myEntry(LATER)
    expect(kept.status).toBe('lost')

    const page = await open('activity/entries/index', {}, LATER)
    const cardOf = (title: string) =>
      page.querySelectorAll('.zg-card').find((c) => (c.dom.textContent ?? '').includes(title))
    const shown = cardOf(SHOWN)?.dom.textContent ?? ''
    expect(shown).toContain('候补中')
    expect(shown).toContain(`候补第 ${waitlistPosition} 位`)
    const keptOut = cardOf(LATER)?.dom.textContent ?? ''
    expect(keptOut).toContain('未中签')
    expect(keptOut).toMatch(
      /未参加抽签：上次中签在 30 天冷却期内（至\d{1,2}月\d{1,2}日），不参加本次抽签/,
    )
    expect(cardOf(WIN)?.dom.textContent).toContain('已中签')
  })
})

describe('立即抽签 by staff', () => {
  it('draws a closed lottery after a confirmation, shows each session’s counts and reads the activity again', async () => {
    const asMember = app.wxCloud.callFunction.getMockImplementation()
    app.callAs(staff)
    try {
      const id = activities[STAFF_DRAW].id
      const page = await open('admin/activity-edit/index', { id }, '立即抽签')
      expect(text(page)).toContain('报名已截止，尚未抽签')
      app.showModal.mockClear()
      app.wxCloud.callFunction.mockClear()
      buttons(page, '立即抽签')[0]?.dispatchEvent('tap')

      await app.waitFor(() => text(page).includes('抽签完成，结果已公布'))
      expect(app.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '立即抽签',
          content: expect.stringContaining('抽签后结果立即公布，不能撤销'),
          confirmText: '立即抽签',
        }),
      )
      expect(app.texts(page, '.zg-act-draw__summary .zg-act-draw__line')).toEqual([
        expect.stringMatching(
          /^第1场（\d{1,2}月\d{1,2}日 \d{2}:\d{2}）：3 份报名，入选 3 份，候补 0 份$/,
        ),
      ])
      await app.waitFor(() => buttons(page, '立即抽签').length === 0)
      expect(actionsCalled(app.wxCloud)).toEqual(['draw.run', 'activity.manageGet'])
      const run = app.wxCloud.callFunction.mock.calls[0][0].data as { payload: object }
      expect(run.payload).toEqual({ activityId: id, requestId: expect.any(String) })

      const result = await record(STAFF_DRAW)
      expect(result.seed).toMatch(/^[0-9a-f]{64}$/)
      expect(result.winners).toHaveLength(3)
    } finally {
      if (asMember) app.wxCloud.callFunction.mockImplementation(asMember)
    }
  })
})

describe('a win, confirmed', () => {
  it('我的报名 asks to confirm a won entry, then shows the ticket and 我去不了了', async () => {
    await app.api(staff, 'draw.run', { activityId: activities[WIN].id })
    expect((await myEntry(WIN)).actions).toEqual(['confirm', 'cancel'])
    const page = await open('activity/entries/index', {}, '确认参加')
    expect(text(page)).toMatch(/请在 .* 前确认参加，逾期名额将释放/)
    app.showModal.mockClear()
    buttons(page, '确认参加')[0]?.dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('请在入场时出示'))
    expect(app.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认参加' }))
    const { ticketCode } = await myEntry(WIN)
    expect(ticketCode).toMatch(/^T/)
    expect(text(page)).toContain(String(ticketCode))
    expect(buttons(page, '确认参加')).toHaveLength(0)
    // A confirmed ticket can still be given back before the cut-off.
    expect(buttons(page, '我去不了了')).toHaveLength(1)
  })
})

/**
 * The door as members and checkers SEE it, in the COMPILED weapp build against the real api
 * function and local cloud: the ticket's QR in 我的报名, 检票 by typed code and by scan (the
 * answer in words, the masked name and party size), a used ticket's refusal, the session's
 * roster for a checker, and staff's 导出 Excel opening the file in WeChat's document viewer.
 *
 * Mocked are only WeChat's own APIs: `wx.cloud` forwards to the local cloud as the member (or
 * the checker, or staff), `scanCode` answers the code the test holds up to the camera,
 * `downloadFile` and `openDocument` record what they were asked.
 */
import type { ApiReply, MyEntry, Page, RosterExport } from '../../cloudfunctions/contract'
import { dayOf, local } from '../../cloudfunctions/domain/time'
import { seedVerifiedMembers } from '../helpers/activities'
import { pingPongVenue } from '../helpers/venues'
import { decodeSvgQr, svgOfDataUri } from '../helpers/qr-read'
import type { SimulatedComponent } from './harness'
import {
  activityFields,
  bootActivityApp,
  publishActivity,
  type ActivityApp,
} from './activity-fixtures'
import { BOOT_TIMEOUT_MS } from './boot'

const HOUR = 3_600_000
const TITLE = '检票测试·一小时后开始的茶会'
let app: ActivityApp
let member: string
let other: string
let checker: string
let staff: string
let activityId = ''
/** The member's ticket (party of three) and another member's (alone). */
let mine: MyEntry
let theirs: MyEntry

async function ticketOf(openid: string): Promise<MyEntry> {
  const page = await app.api<Page<MyEntry>>(openid, 'entry.mine', { limit: 50 }, false)
  const found = page.items.find((e) => e.activityId === activityId)
  if (!found?.ticketCode) throw new Error('no ticket')
  return found
}

/** A WeChat API the harness did not launch with; the `wx` proxy sees keys added later. */
function setWx(name: string, fn: jest.Mock): void {
  ;(globalThis as unknown as { wx: Record<string, unknown> }).wx[name] = fn
}

/** A wx API answering `result()` as WeChat does, through its success callback. */
function answering(name: string, result: () => object) {
  return jest.fn((options: { success?: (r: object) => void; complete?: (r: object) => void }) => {
    const res = { errMsg: `${name}:ok`, ...result() }
    options.success?.(res)
    options.complete?.(res)
  })
}

const text = (page: SimulatedComponent) => page.dom.textContent ?? ''

/** The `data:` sources of the images with this class, from the nodes Taro set on the page. */
function imageSources(page: SimulatedComponent, className: string): string[] {
  const found: string[] = []
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object') return
    const node = value as Record<string, unknown>
    if (typeof node.cl === 'string' && node.cl.split(' ').includes(className)) {
      for (const v of Object.values(node))
        if (typeof v === 'string' && v.startsWith('data:')) found.push(v)
    }
    Object.values(node).forEach(walk)
  }
  walk((page.instance as { data?: unknown }).data)
  return found
}

function button(page: SimulatedComponent, label: string): SimulatedComponent {
  const found = page.querySelectorAll('.nut-button').find((b) => b.dom.textContent === label)
  if (!found) throw new Error(`no button ${label}`)
  return found
}

beforeAll(async () => {
  app = await bootActivityApp('member')
  member = await app.openidOf('member')
  checker = await app.openidOf('checker')
  staff = await app.openidOf('staff')
  ;[{ openid: other }] = await seedVerifiedMembers(app.cloud.app(), 1, 'doorui')
  const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString()
  // First-come, closing in half an hour, starting in an hour: the door is open already.
  const activity = await publishActivity(
    app.cloud,
    staff,
    activityFields(TITLE, {
      closesIn: 0.5,
      sessions: [{ startAt: at(1), endAt: at(3), seats: 10 }],
      party: { maxSize: 3, family: null },
      cancelCutoffHours: 0,
    }),
  )
  activityId = activity.id
  const enter = (openid: string, companions: { name: string }[]) =>
    app.api<MyEntry>(openid, 'entry.submit', { activityId, sessionId: 's1', companions })
  await enter(member, [{ name: '王小红' }, { name: '王小刚' }])
  await enter(other, [])
  mine = await ticketOf(member)
  theirs = await ticketOf(other)
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

describe('the member’s ticket', () => {
  it('我的报名 shows the ticket as a large QR of its code, the code below it and what to do', async () => {
    const page = await app.open('activity/entries/index', {}, '请在入场时出示')
    const card = page
      .querySelectorAll('.zg-card')
      .find((c) => (c.dom.textContent ?? '').includes(TITLE))
    expect(card?.dom.textContent).toContain('电子票')
    // The image's src lives in Taro's page data (j-component's <image> keeps no attributes).
    const src = imageSources(page, 'zg-ticket-qr__image')
    expect(src).toHaveLength(1)
    expect(src[0]).toMatch(/^data:image\/svg\+xml;base64,/)
    // What a door scanner reads off the screen is exactly the ticket's code.
    expect(decodeSvgQr(svgOfDataUri(src[0]))).toBe(mine.ticketCode)
    expect(app.texts(page, '.zg-ticket-qr__code')).toContain(String(mine.ticketCode))
    expect(app.texts(page, '.zg-ticket-qr__hint')).toContain('请在入场时出示')
  })
})

describe('检票 at the door', () => {
  let page: SimulatedComponent

  beforeAll(() => app.callAs(checker))

  it('a checker reaches 工作台 from 我的, and it holds 检票 only', async () => {
    const me = await app.open('pages/me/index', {}, '工作台')
    const card = me
      .querySelectorAll('.zg-card')
      .find((c) => (c.dom.textContent ?? '').includes('工作台'))
    expect(card?.dom.textContent).toContain('检票')
    const hub = await app.open('admin/hub/index', {}, '检票')
    expect(app.texts(hub, '.zg-card__title')).toEqual(['检票'])
  })

  it('a typed good code: 检票成功, the masked name and the party size, large', async () => {
    page = await app.open('admin/check-in/index', {}, '输入票码')
    expect(button(page, '扫码检票')).toBeDefined()
    page.querySelectorAll('.zg-door__input')[0]?.dispatchEvent('input', {
      detail: { value: ` ${mine.ticketCode} ` },
    })
    await app.harness.simulate.sleep(30)
    button(page, '检票').dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('检票成功'))
    const me = await app.api<{ maskedName: string }>(member, 'me.get', {}, false)
    expect(app.texts(page, '.zg-door-answer__verdict')).toEqual(['✓ 检票成功'])
    expect(app.texts(page, '.zg-door-answer__name')).toEqual([me.maskedName])
    expect(me.maskedName).toContain('*')
    expect(app.texts(page, '.zg-door-answer__party')).toEqual(['共 3 人'])
    expect(text(page)).toContain(TITLE)
    expect(text(page)).toContain('查看本场名单')
  })

  it('扫下一张 opens the camera at once, and a scanned ticket checks in', async () => {
    const scanCode = answering('scanCode', () => ({ result: theirs.ticketCode }))
    setWx('scanCode', scanCode)
    button(page, '扫下一张').dispatchEvent('tap')
    await app.waitFor(() => scanCode.mock.calls.length > 0)
    expect(scanCode.mock.calls[0][0]).toMatchObject({ onlyFromCamera: true })
    await app.waitFor(() => app.texts(page, '.zg-door-answer__party').includes('共 1 人'))
    expect(app.texts(page, '.zg-door-answer__verdict')).toEqual(['✓ 检票成功'])
  })

  it('a used ticket is refused in words: 已检过票, and when it was used', async () => {
    page.querySelectorAll('.zg-door__input')[0]?.dispatchEvent('input', {
      detail: { value: String(mine.ticketCode) },
    })
    await app.harness.simulate.sleep(30)
    button(page, '检票').dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('检票未通过'))
    expect(app.texts(page, '.zg-door-answer__verdict')).toEqual(['✗ 检票未通过'])
    expect(app.texts(page, '.zg-door-answer__title')).toEqual(['已检过票'])
    expect(app.texts(page, '.zg-door-answer__message')[0]).toMatch(
      /^此票已于\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d检票$/,
    )
    expect(app.texts(page, '.zg-door-answer__name')).toEqual([])
  })

  it('a forged code is 票无效', async () => {
    const code = String(theirs.ticketCode)
    const forged = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`
    page.querySelectorAll('.zg-door__input')[0]?.dispatchEvent('input', {
      detail: { value: forged },
    })
    await app.harness.simulate.sleep(30)
    button(page, '检票').dispatchEvent('tap')
    await app.waitFor(() => app.texts(page, '.zg-door-answer__title').includes('票无效'))
  })

  it('a venue booking’s code at the same desk: 签到成功 with the masked name and the table', async () => {
    // A table booked by the member for the next full hour: inside the check-in window now.
    const next = local(new Date()).add(1, 'hour').startOf('hour')
    const params = pingPongVenue(dayOf(new Date()), {
      days: 2,
      tables: 1,
      policy: {
        opens: { daysAhead: 3, at: '00:00' },
        checkIn: { beforeMinutes: 90, afterMinutes: 15 },
      },
    })
    params.calendar.hours = { open: '00:00', close: '24:00' }
    const venue = await app.api<{ id: string; resourceList: Array<{ id: string }> }>(
      staff,
      'venue.create',
      params,
    )
    await app.api(member, 'booking.create', {
      venueId: venue.id,
      date: next.format('YYYY-MM-DD'),
      picks: [{ resourceId: venue.resourceList[0].id, start: next.format('HH:mm') }],
    })
    const booked = await app.api<{ items: Array<{ venueId: string; code: string | null }> }>(
      member,
      'booking.mine',
      {},
      false,
    )
    const code = booked.items.find((b) => b.venueId === venue.id)?.code
    expect(code).toMatch(/^B/)
    page.querySelectorAll('.zg-door__input')[0]?.dispatchEvent('input', {
      detail: { value: String(code) },
    })
    await app.harness.simulate.sleep(30)
    button(page, '检票').dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('签到成功'))
    const me = await app.api<{ maskedName: string }>(member, 'me.get', {}, false)
    expect(app.texts(page, '.zg-door-answer__verdict')).toEqual(['✓ 签到成功'])
    expect(app.texts(page, '.zg-door-answer__name')).toEqual([me.maskedName])
    expect(app.texts(page, '.zg-door-answer__party')).toEqual(['1号台'])
  })

  it('the session’s roster: masked names, counts, no export for a checker', async () => {
    const roster = await app.open(
      'admin/roster/index',
      { activityId, sessionId: 's1' },
      '共 2 张票 4 人，已检票 2 张 4 人',
    )
    const names = app.texts(roster, '.zg-roster-row__name')
    expect(names).toHaveLength(2)
    for (const name of names) expect(name).toContain('*')
    expect(app.texts(roster, '.zg-badge')).toEqual(['已检票', '已检票'])
    expect(text(roster)).toContain('共 3 人（同行 2 人）')
    await app.harness.simulate.sleep(200)
    expect(roster.querySelectorAll('.nut-button').map((b) => b.dom.textContent)).not.toContain(
      '导出 Excel',
    )
  })
})

describe('导出 Excel by staff', () => {
  it('the activity’s editor links each session’s 名单', async () => {
    app.callAs(staff)
    const edit = await app.open('admin/activity-edit/index', { id: activityId }, '名单与检票')
    const row = edit
      .querySelectorAll('.zg-act-roster__row')
      .find((r) => (r.dom.textContent ?? '').includes('第1场'))
    expect(row?.dom.textContent).toContain('名单 ›')
    app.navigateTo.mockClear()
    row?.dispatchEvent('tap')
    await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
    expect(app.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/admin/roster/index?activityId=${encodeURIComponent(activityId)}&sessionId=s1`,
      }),
    )
  })

  it('makes the file in the cloud, downloads it and opens it as xlsx', async () => {
    const roster = await app.open(
      'admin/roster/index',
      { activityId, sessionId: 's1' },
      '导出 Excel',
    )
    const downloadFile = answering('downloadFile', () => ({
      statusCode: 200,
      tempFilePath: 'http://tmp/roster.xlsx',
    }))
    const openDocument = answering('openDocument', () => ({}))
    setWx('downloadFile', downloadFile)
    setWx('openDocument', openDocument)
    app.wxCloud.callFunction.mockClear()
    button(roster, '导出 Excel').dispatchEvent('tap')
    await app.waitFor(() => openDocument.mock.calls.length > 0)
    const call = app.wxCloud.callFunction.mock.calls.find(
      ([o]) => (o.data as { action: string }).action === 'ticket.exportRoster',
    )
    const reply = (await app.wxCloud.callFunction.mock.results[
      app.wxCloud.callFunction.mock.calls.indexOf(call as never)
    ].value) as { result: ApiReply<RosterExport> }
    if (!reply.result.ok) throw new Error(`export refused: ${reply.result.error.code}`)
    expect(downloadFile.mock.calls[0][0]).toMatchObject({ url: reply.result.data.url })
    expect(openDocument.mock.calls[0][0]).toMatchObject({
      filePath: 'http://tmp/roster.xlsx',
      fileType: 'xlsx',
      showMenu: true,
    })
    await app.waitFor(() => text(roster).includes('已导出'))
    expect(text(roster)).toContain('（2 张票）')
  })
})

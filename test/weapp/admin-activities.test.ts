/**
 * The staff activity pages in the compiled weapp build, as the seeded staff identity, against
 * the local cloud's real api function and database. Mocked are only WeChat's own APIs: wx.cloud
 * (forwarded to the local cloud, cloud-edge.ts), navigation and toasts (boot.ts), and
 * wx.showModal, whose "确定" the test taps by answering `confirm: true`.
 */
import type { ApiReply, ManagedActivity } from '@contract'
import { BOOT_TIMEOUT_MS, bootWeapp, type Booted } from './boot'
import { identityOf } from './cloud-edge'
import type { SimulatedComponent } from './harness'
import { succeeding } from './wx-stub'

let app: Booted
let page: SimulatedComponent
const showModal = succeeding('showModal', { confirm: true, cancel: false })

beforeAll(async () => {
  app = await bootWeapp('staff')
  // The harness's `wx` proxies its target: a key added now is seen at the app's next call.
  ;(globalThis as unknown as { wx: Record<string, unknown> }).wx.showModal = showModal
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

/** The Beijing calendar date `days` from now, as the date picker gives it. */
function beijingDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

function fieldOf(text: string): SimulatedComponent {
  // The compiled DOM's classes carry a scope prefix, so elements are found through the page.
  const label = page.querySelectorAll('.zg-field__label').find((l) => l.dom.textContent === text)
  const field = label && page.querySelectorAll('.zg-field').find((f) => f.dom.contains(label.dom))
  if (!field) throw new Error(`no field labelled ${text}`)
  return field
}

/** The elements matching `selector` inside the field labelled `label`. */
function inField(label: string, selector: string): SimulatedComponent[] {
  const field = fieldOf(label)
  return page.querySelectorAll(selector).filter((c) => field.dom.contains(c.dom))
}

async function fire(target: SimulatedComponent | undefined, event: string, value: string) {
  if (!target) throw new Error(`nothing to receive ${event} ${value}`)
  target.dispatchEvent(event, { detail: { value } })
  // One event per render: a picker pair builds its value from what was rendered.
  await app.harness.simulate.sleep(30)
}

async function tapButton(text: string): Promise<void> {
  const button = page.querySelectorAll('.nut-button').find((b) => b.dom.textContent === text)
  if (!button) throw new Error(`no button ${text}`)
  button.dispatchEvent('tap')
  await app.harness.simulate.sleep(30)
}

/** The reply of the n-th call of `action` the page made (0 = first). */
async function replyOf<T>(action: string, n = 0): Promise<ApiReply<T>> {
  const mock = app.wxCloud.callFunction.mock
  await app.waitFor(
    () => mock.calls.filter(([o]) => (o.data as { action: string }).action === action).length > n,
  )
  const index = mock.calls
    .map(([o], i) => ((o.data as { action: string }).action === action ? i : -1))
    .filter((i) => i >= 0)[n]
  const { result } = (await mock.results[index].value) as { result: ApiReply<T> }
  return result
}

const CLOSES = '报名截止时间（北京时间）'

it('links 活动 and 代会员报名 from the staff hub', async () => {
  const hub = app.harness.openPage('admin/hub/index')
  await app.waitFor(() => app.texts(hub, '.zg-card__title').includes('活动'))
  const titles = app.texts(hub, '.zg-card__title')
  expect(titles).toContain('代会员报名')
  hub.querySelectorAll('.zg-card')[titles.indexOf('代会员报名')].dispatchEvent('tap')
  await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
  expect(app.navigateTo).toHaveBeenLastCalledWith(
    expect.objectContaining({ url: '/admin/on-behalf/index' }),
  )
})

it('renders the new-activity form with every field and its two first actions', async () => {
  page = app.harness.openPage('admin/activity-edit/index')
  await app.waitFor(() => page.querySelectorAll('.zg-field').length > 0)
  const labels = app.texts(page, '.zg-field__label')
  expect(labels).toEqual(
    expect.arrayContaining([
      '标题',
      '活动类别',
      '活动介绍',
      '地点',
      '场次',
      '分配方式',
      '报名开始时间（北京时间）',
      CLOSES,
      '抽签时间（北京时间）',
      '每份报名人数上限',
      '亲子场次',
      '取消截止（开场前小时数）',
    ]),
  )
  expect(app.texts(page, '.zg-badge')).toContain('未保存')
  expect(app.texts(page, '.nut-button')).toEqual(expect.arrayContaining(['保存草稿', '发布']))
})

it('shows the server’s message next to the field it names', async () => {
  await fire(inField('标题', '.zg-field__input')[0], 'input', '"六月风荷"行香茶会')
  await fire(inField('活动介绍', '.zg-field__textarea')[0], 'input', '茶会体验，名额有限')
  const [placeName, address] = inField('地点', '.zg-field__input')
  await fire(placeName, 'input', '杭州茗庐茶文化体验馆')
  await fire(address, 'input', '杭州市西湖区')
  await fire(inField('场次', '.zg-when__date')[0], 'change', beijingDay(6))
  await fire(inField('场次', '.zg-act-session__seats')[0], 'input', '30')
  await fire(inField('报名开始时间（北京时间）', '.zg-when__date')[0], 'change', beijingDay(2))
  // Closes the day before it opens: a rule only the server knows.
  await fire(inField(CLOSES, '.zg-when__date')[0], 'change', beijingDay(1))
  await fire(inField('抽签时间（北京时间）', '.zg-when__date')[0], 'change', beijingDay(4))

  await tapButton('保存草稿')
  const reply = await replyOf<ManagedActivity>('activity.create')
  if (reply.ok) throw new Error('the server took a window that closes before it opens')
  expect(reply.error.code).toBe('INVALID_INPUT')
  const message = reply.error.fields?.signupClosesAt
  expect(message).toBeTruthy()

  await app.waitFor(() => inField(CLOSES, '.zg-field-error__text').length > 0)
  expect(inField(CLOSES, '.zg-field-error__text').map((e) => e.dom.textContent)).toEqual([
    `！${message}`,
  ])
  // Only that field says so.
  expect(inField('报名开始时间（北京时间）', '.zg-field-error__text')).toHaveLength(0)
})

it('saves the draft once fixed, publishes it after saying when signup opens, and lists it', async () => {
  await fire(inField(CLOSES, '.zg-when__date')[0], 'change', beijingDay(3))
  // Editing the field takes its server message away (waited for: the render may lag on a busy machine).
  await app.waitFor(() => inField(CLOSES, '.zg-field-error__text').length === 0)
  await tapButton('保存草稿')
  const created = await replyOf<ManagedActivity>('activity.create', 1)
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  await app.waitFor(() => app.texts(page, '.zg-badge').includes('草稿'))
  expect(created.data.sessions[0].id).toBeTruthy()

  await tapButton('发布')
  await app.waitFor(() => showModal.mock.calls.length > 0)
  const [[modal]] = showModal.mock.calls as unknown as [[{ content: string }]]
  expect(modal.content).toMatch(/将于\d{4}年\d{1,2}月\d{1,2}日 09:00开放报名/)
  const published = await replyOf<ManagedActivity>('activity.publish')
  expect(published.ok).toBe(true)
  await app.waitFor(() => app.texts(page, '.zg-badge').includes('即将开放'))

  const list = app.harness.openPage('admin/activities/index')
  await app.waitFor(() => app.texts(list, '.zg-card__title').includes('"六月风荷"行香茶会'))
  const card = list
    .querySelectorAll('.zg-card')
    .find((c) => c.dom.textContent?.includes('"六月风荷"行香茶会'))
  expect(card?.dom.textContent).toContain('即将开放')
  card?.dispatchEvent('tap')
  await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
  expect(app.navigateTo).toHaveBeenLastCalledWith(
    expect.objectContaining({
      url: `/admin/activity-edit/index?id=${encodeURIComponent(created.data.id)}`,
    }),
  )
})

it('shows the saved activity’s 中签与爽约 rules and saves a change to them', async () => {
  await app.waitFor(() =>
    page
      .querySelectorAll('.zg-field__label')
      .some((l) => l.dom.textContent === '中签确认时限（小时）'),
  )
  await fire(inField('中签确认时限（小时）', '.zg-field__input')[0], 'input', '48')
  await tapButton('保存修改')
  const reply = await replyOf<ManagedActivity>('activity.update')
  expect(reply.ok ? reply.data.ticketPolicy.confirmHours : reply.error).toBe(48)
})

it('says 内容已被他人修改 when someone else saved first', async () => {
  const current = await replyOf<ManagedActivity>('activity.update')
  if (!current.ok) throw new Error('not saved')
  const a = current.data
  // Another staff member saves a change from the same version.
  const staff = await identityOf(app.cloud, 'staff')
  const other = (await app.cloud.fn(
    'api',
    {
      action: 'activity.update',
      payload: {
        requestId: 'other-staff-edit-0001',
        id: a.id,
        version: a.version,
        title: a.title,
        category: a.category,
        description: '另一位工作人员改过的介绍',
        place: a.place,
        sessions: a.sessions.map((s) => ({
          id: s.id,
          startAt: s.startAt,
          endAt: s.endAt,
          seats: s.seats,
        })),
        allocation: a.allocation,
        signupOpensAt: a.signupOpensAt,
        signupClosesAt: a.signupClosesAt,
        drawAt: a.drawAt,
        party: a.party,
        eligibility: a.eligibility,
        cancelCutoffHours: a.cancelCutoffHours,
      },
    },
    staff,
  )) as ApiReply<ManagedActivity>
  expect(other.ok).toBe(true)

  await fire(inField('标题', '.zg-field__input')[0], 'input', '"六月风荷"行香茶会（改）')
  await tapButton('保存修改')
  const reply = await replyOf<ManagedActivity>('activity.update', 1)
  expect(reply.ok ? null : reply.error.code).toBe('CONFLICT')
  await app.waitFor(() => app.texts(page, '.zg-act-edit__problem').length > 0)
  expect(app.texts(page, '.zg-act-edit__problem')[0]).toContain('内容已被他人修改，请刷新后再试')
})

describe('代会员报名', () => {
  const TITLE = '乒乓球公益体验课'
  let member: SimulatedComponent

  /** A first-come activity open now, set up through the api as staff would in the editor. */
  async function openActivity(): Promise<ManagedActivity> {
    const staff = await identityOf(app.cloud, 'staff')
    const at = (days: number, hours = 0) =>
      new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString()
    const created = (await app.cloud.fn(
      'api',
      {
        action: 'activity.create',
        payload: {
          requestId: 'on-behalf-create-0001',
          title: TITLE,
          category: 'sport',
          description: '面向会员的公益体验课',
          place: { name: '省职工服务中心三楼展厅', address: '杭州市西湖区学院路107号' },
          sessions: [{ startAt: at(5), endAt: at(5, 2), seats: 2 }],
          allocation: 'first-come',
          signupOpensAt: at(0, -1),
          signupClosesAt: at(3),
          drawAt: null,
          party: { maxSize: 2, family: null },
          eligibility: { winsPerMonth: null },
          cancelCutoffHours: 2,
        },
      },
      staff,
    )) as ApiReply<ManagedActivity>
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const published = (await app.cloud.fn(
      'api',
      {
        action: 'activity.publish',
        payload: { requestId: 'on-behalf-publish-0001', id: created.data.id },
      },
      staff,
    )) as ApiReply<ManagedActivity>
    if (!published.ok) throw new Error(JSON.stringify(published.error))
    return published.data
  }

  async function tapText(selector: string, text: string): Promise<void> {
    await app.waitFor(() =>
      member.querySelectorAll(selector).some((c) => c.dom.textContent?.includes(text)),
    )
    member
      .querySelectorAll(selector)
      .find((c) => c.dom.textContent?.includes(text))
      ?.dispatchEvent('tap')
    await app.harness.simulate.sleep(30)
  }

  it('finds a member by name, signs them up with a companion, and withdraws it', async () => {
    await openActivity()
    member = app.harness.openPage('admin/on-behalf/index')
    await app.waitFor(() => member.querySelectorAll('.zg-behalf__search').length > 0)
    member
      .querySelector('.zg-behalf__search')
      ?.dispatchEvent('input', { detail: { value: '王建国' } })
    await app.harness.simulate.sleep(30)
    await tapText('.nut-button', '搜索')
    await tapText('.nut-button', '为此会员办理')

    await tapText('.zg-chips__chip', TITLE)
    await tapText('.zg-chips__chip', '余2个名额')
    await tapText('.nut-button', '添加同行人')
    await app.waitFor(() => member.querySelectorAll('.zg-behalf__name').length > 0)
    member
      .querySelector('.zg-behalf__name')
      ?.dispatchEvent('input', { detail: { value: '王小明' } })
    await app.harness.simulate.sleep(30)
    await tapText('.nut-button', '提交报名')

    const signed = await replyOf<{ status: string; partySize: number }>('entry.submitFor')
    if (!signed.ok) throw new Error(JSON.stringify(signed.error))
    expect(signed.data).toMatchObject({ status: 'confirmed', partySize: 2 })
    await app.waitFor(() => app.texts(member, '.zg-card__title').includes('代会员报名：报名成功'))
    await app.waitFor(() => app.texts(member, '.zg-card__title').includes(TITLE))
    // Staff see the masked name only, never the member's full name.
    expect(member.dom.textContent).not.toContain('王建国')

    await tapText('.nut-button', '取消报名')
    await app.waitFor(() => member.querySelectorAll('.zg-behalf__withdraw').length > 0)
    const reason = member
      .querySelectorAll('.zg-behalf__input')
      .find((c) => !c.dom.className.includes('search'))
    reason?.dispatchEvent('input', { detail: { value: '会员来电取消' } })
    await app.harness.simulate.sleep(30)
    await tapText('.nut-button', '确认取消报名')
    const withdrawn = await replyOf<{ status: string }>('entry.cancelFor')
    expect(withdrawn.ok && withdrawn.data.status).toBe('cancelled')
    await app.waitFor(() => app.texts(member, '.zg-card__title').includes('取消报名：已取消'))
  })
})

/**
 * 活动详情 and 我的报名 of the COMPILED weapp build, against the real api function and local
 * cloud. Mocked are only WeChat's own APIs: `wx.cloud` forwards to the local cloud as the
 * seeded member, `showModal` answers 确定, `requestSubscribeMessage` answers accept, and
 * navigation is recorded. The activities are made through the api as staff make them.
 */
import { demoData } from '../../cloud/seed'
import type { SimulatedComponent } from './harness'
import {
  actionsCalled,
  activityFields,
  bootActivityApp,
  publishActivity,
  type ActivityApp,
} from './activity-fixtures'
import { BOOT_TIMEOUT_MS } from './boot'
import { atLocal, dayOf } from '../../cloudfunctions/domain/time'

const TEA = '详情测试·先到先得茶会'
const TIGHT = '详情测试·仅一席的茶会'
const FAMILY = '详情测试·亲子抽签演出'
const BY_STAFF = '详情测试·工作人员代报名讲座'
const SOON = '详情测试·即将开放的讲座'

// The build carries no template ids (no .env), so webpack left `process.env.TARO_APP_TMPL_…`
// in the bundle; under Node that reads this process's environment, which stands in for a build
// that configured the two first-come templates.
process.env.TARO_APP_TMPL_ENTRY_RESULT = 'tmpl-entry-result'
process.env.TARO_APP_TMPL_REMINDER = 'tmpl-reminder'

let app: ActivityApp
const ids: Record<string, string> = {}

beforeAll(async () => {
  app = await bootActivityApp('member')
  const staff = await app.openidOf('staff')
  const publish = async (title: string, over: Parameters<typeof activityFields>[1]) => {
    ids[title] = (await publishActivity(app.cloud, staff, activityFields(title, over))).id
  }
  await publish(TEA, { cancelCutoffHours: 6 })
  await publish(TIGHT, {
    sessions: [
      {
        startAt: new Date(Date.now() + 100 * 3_600_000).toISOString(),
        endAt: new Date(Date.now() + 102 * 3_600_000).toISOString(),
        seats: 1,
      },
    ],
  })
  const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()
  const afternoon = (hours: number, time: string) =>
    atLocal(dayOf(new Date(Date.now() + hours * 3_600_000)), time).toISOString()
  await publish(FAMILY, {
    category: 'show',
    allocation: 'lottery',
    closesIn: 48,
    drawAt: at(60),
    // Afternoons in Beijing, so a session never runs past midnight whenever the suite runs.
    sessions: [
      { startAt: afternoon(120, '14:00'), endAt: afternoon(120, '16:00'), seats: 300 },
      { startAt: afternoon(144, '14:00'), endAt: afternoon(144, '16:00'), seats: 300 },
    ],
    party: { maxSize: 3, family: { childMinAge: 3, childMaxAge: 12 } },
    eligibility: { winsPerMonth: 5 },
  })
  await publish(BY_STAFF, { category: 'lecture' })
  await publish(SOON, { category: 'lecture', opensIn: 26.5, closesIn: 72 })
  // A member who phoned the centre: staff sign them up on their behalf.
  const memberId = String(demoData(new Date()).collections.members[0]._id)
  const reply = (await app.cloud.fn(
    'api',
    {
      action: 'entry.submitFor',
      payload: {
        requestId: 'weapp-detail-submit-for-1',
        memberId,
        activityId: ids[BY_STAFF],
        sessionId: 's1',
        companions: [],
      },
    },
    staff,
  )) as { ok: boolean; error?: unknown }
  if (!reply.ok) throw new Error(`entry.submitFor: ${JSON.stringify(reply.error)}`)
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

const open = (route: string, query: Record<string, string>, ready: string) =>
  app.open(route, query, ready)

const openDetail = (title: string, ready: string, edit = false) =>
  open('activity/detail/index', edit ? { id: ids[title], edit: '1' } : { id: ids[title] }, ready)

function text(page: SimulatedComponent): string {
  return page.dom.textContent ?? ''
}

function button(page: SimulatedComponent, label: string): SimulatedComponent | undefined {
  return page.querySelectorAll('.nut-button').find((b) => (b.dom.textContent ?? '') === label)
}

function buttonLabels(page: SimulatedComponent, scope: string): string[] {
  return page.querySelectorAll(`${scope} .nut-button`).map((b) => b.dom.textContent ?? '')
}

function type(input: SimulatedComponent | undefined, value: string): void {
  input?.dispatchEvent('input', { detail: { value } })
}

describe('活动详情', () => {
  it('shows the sessions with their entries so far, the place and the rules in words', async () => {
    const page = await openDetail(FAMILY, '报名规则')
    const all = text(page)
    expect(app.texts(page, '.zg-activity__title')).toEqual([FAMILY])
    expect(all).toContain('报名中')
    const sessions = app.texts(page, '.zg-activity__session')
    expect(sessions).toHaveLength(2)
    for (const s of sessions) {
      expect(s).toMatch(/\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2}–\d{2}:\d{2}/)
      expect(s).toContain('共 300 席 · 已有 0 份报名')
    }
    expect(all).toContain('杭州茗庐茶文化体验馆')
    expect(all).toContain('杭州市西湖区测试路1号')
    const rules = app.texts(page, '.zg-activity__rule').join('\n')
    expect(rules).toContain('已认证的工会会员')
    expect(rules).toContain('带1至2名3至12岁的儿童参加，每份报名最多3人（含本人）')
    expect(rules).toContain('每个自然月最多获得5次名额')
    expect(rules).toContain('开场前24小时可取消')
    expect(rules).toMatch(/报名截止后于\d{1,2}月\d{1,2}日 \d{2}:\d{2}抽签，抽签前不会决定任何结果/)
    expect(button(page, '提交报名（参加抽签）')).toBeDefined()
  })

  it('signs up for a first-come seat on the tap, consent asked first, and answers 报名成功', async () => {
    const page = await openDetail(TEA, '我要报名')
    // The only session is chosen already, and says so in words.
    expect(app.texts(page, '.zg-signup__chosen')).toEqual(['已选'])
    expect(text(page)).toContain('余 10 席')
    button(page, '提交报名')?.dispatchEvent('tap')

    await app.waitFor(() => app.texts(page, '.zg-answer__title').length > 0)
    expect(app.texts(page, '.zg-answer__title')).toEqual(['✓ 报名成功'])
    expect(text(page)).toContain('名额已为您保留')

    const submit = app.wxCloud.callFunction.mock.calls.findIndex(
      ([o]) => (o.data as { action: string }).action === 'entry.submit',
    )
    expect(app.wxCloud.callFunction.mock.calls[submit][0].data).toEqual({
      action: 'entry.submit',
      payload: {
        activityId: ids[TEA],
        sessionId: 's1',
        companions: [],
        requestId: expect.any(String),
      },
    })
    expect(app.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['tmpl-entry-result', 'tmpl-reminder'] }),
    )
    expect(app.requestSubscribeMessage.mock.invocationCallOrder[0]).toBeLessThan(
      app.wxCloud.callFunction.mock.invocationCallOrder[submit],
    )

    // After the reload: the member's entry with only what it allows, and one seat fewer.
    await app.waitFor(() => text(page).includes('余 9 席'))
    expect(app.texts(page, '.zg-card__title')).toContain('我的报名')
    expect(buttonLabels(page, '.zg-entry')).toEqual(['取消报名'])
    expect(button(page, '提交报名')).toBeUndefined()
  })

  it('shows a field error from the server next to its field, then 名额已满 for a party larger than the seats left', async () => {
    const page = await openDetail(TIGHT, '我要报名')
    expect(text(page)).toContain('余 1 席')
    button(page, '添加同行人（还可添加 1 位）')?.dispatchEvent('tap')
    await app.waitFor(() => page.querySelectorAll('.zg-signup__companion').length === 1)
    const name = page.querySelector('.zg-signup__companion .zg-field__input')
    // A right-to-left override passes the phone's check; the server refuses it on the field.
    type(name, '王小明\u202E')
    await app.harness.simulate.sleep(50)
    expect(text(page)).toContain('已达每份报名人数上限（2人，含本人）')
    button(page, '提交报名')?.dispatchEvent('tap')
    await app.waitFor(() => app.texts(page, '.zg-signup__error').length > 0)
    expect(app.texts(page, '.zg-signup__error')).toEqual([
      '姓名不能包含换行、控制字符或不可见的排版字符',
    ])
    expect(app.texts(page, '.zg-answer__title')).toEqual(['报名未成功'])
    expect(text(page)).toContain('请按表单中的提示修改后再提交')

    type(name, '王小明')
    await app.harness.simulate.sleep(50)
    button(page, '提交报名')?.dispatchEvent('tap')
    await app.waitFor(() => app.texts(page, '.zg-answer__message').includes('名额已满'))
    await app.waitFor(() => app.texts(page, '.zg-answer__title').length > 0)
    expect(app.texts(page, '.zg-answer__title')).toEqual(['报名未成功'])
    expect(app.texts(page, '.zg-answer__message')).toEqual(['名额已满'])
    // Nothing was taken: the form stays for another try.
    expect(button(page, '提交报名')).toBeDefined()
    expect(text(page)).toContain('余 1 席')
  })

  it('counts down to the opening each second, in days, hours, minutes and seconds', async () => {
    const page = await openDetail(SOON, '距开放报名还有')
    expect(text(page)).toContain('即将开放')
    const shown = () => app.texts(page, '.zg-activity__countdown-time')[0]
    const first = shown()
    expect(first).toMatch(/^1天02小时(29|30)分\d{2}秒$/)
    await app.waitFor(() => shown() !== first, 3_000)
    expect(shown()).toMatch(/^1天02小时(29|30)分\d{2}秒$/)
    expect(text(page)).toMatch(/\d{1,2}月\d{1,2}日 \d{2}:\d{2} 开放报名/)
    expect(button(page, '提交报名')).toBeUndefined()
    // Leave the page as WeChat would, so its ticking timer stops with it.
    ;(page.instance as { onUnload?: () => void }).onUnload?.()
  })

  it('enters the lottery, refusing a child outside the age range next to that child', async () => {
    const page = await openDetail(FAMILY, '我要报名')
    const sessions = page.querySelectorAll('.zg-signup__session')
    expect(sessions).toHaveLength(2)
    sessions[0].dispatchEvent('tap')
    // A family show starts with the one child row it needs.
    expect(page.querySelectorAll('.zg-signup__companion')).toHaveLength(1)
    expect(button(page, '添加儿童（还可添加 1 位）')).toBeDefined()
    const [name, age] = page.querySelectorAll('.zg-signup__companion .zg-field__input')
    type(name, '王小朵')
    type(age, '15')
    await app.harness.simulate.sleep(50)
    const before = actionsCalled(app.wxCloud).length

    button(page, '提交报名（参加抽签）')?.dispatchEvent('tap')
    await app.waitFor(() => app.texts(page, '.zg-signup__error').length > 0)
    expect(app.texts(page, '.zg-signup__error')).toEqual(['儿童年龄须在3至12岁之间'])
    expect(actionsCalled(app.wxCloud).slice(before)).not.toContain('entry.submit')

    type(age, '8')
    await app.harness.simulate.sleep(50)
    button(page, '提交报名（参加抽签）')?.dispatchEvent('tap')
    await app.waitFor(() => app.texts(page, '.zg-answer__title').length > 0)
    expect(app.texts(page, '.zg-answer__title')).toEqual(['✓ 已登记，等待抽签'])
    expect(text(page)).toContain('共 2 人（本人、王小朵 8岁）')
    expect(text(page)).toMatch(/将于\d{1,2}月\d{1,2}日 \d{2}:\d{2}抽签/)
    await app.waitFor(() => text(page).includes('已有 1 份报名'))
    expect(buttonLabels(page, '.zg-entry')).toEqual(['修改报名', '撤回报名'])
  })

  it('edits the lottery entry in the same form, prefilled', async () => {
    const page = await openDetail(FAMILY, '修改报名', true)
    await app.waitFor(() => button(page, '保存修改') !== undefined)
    expect(page.querySelectorAll('.zg-signup__companion')).toHaveLength(1)
    // The second session now; the child is left as prefilled, so the edit must still carry her.
    page.querySelectorAll('.zg-signup__session')[1].dispatchEvent('tap')
    await app.harness.simulate.sleep(50)
    button(page, '保存修改')?.dispatchEvent('tap')
    await app.waitFor(() => app.texts(page, '.zg-answer__title').length > 0)
    expect(app.texts(page, '.zg-answer__title')).toEqual(['✓ 已保存修改，等待抽签'])
    const edit = app.wxCloud.callFunction.mock.calls
      .map(([o]) => o.data as { action: string; payload: Record<string, unknown> })
      .filter((d) => d.action === 'entry.edit')
    expect(edit).toHaveLength(1)
    expect(edit[0].payload).toMatchObject({
      activityId: ids[FAMILY],
      sessionId: 's2',
      companions: [{ name: '王小朵', age: 8 }],
    })
  })
})

describe('我的报名', () => {
  let page: SimulatedComponent

  const cardOf = (title: string) =>
    page.querySelectorAll('.zg-card').find((c) => (c.dom.textContent ?? '').includes(title))
  /** The elements matching `selector` inside the card of `title`. */
  const inCard = (title: string, selector: string) => {
    const card = cardOf(title)
    return page.querySelectorAll(selector).filter((el) => card?.dom.contains(el.dom))
  }
  const actions = (title: string) => inCard(title, '.nut-button').map((b) => b.dom.textContent)
  const tapAction = (title: string, label: string) =>
    inCard(title, '.nut-button')
      .find((b) => b.dom.textContent === label)
      ?.dispatchEvent('tap')

  it('shows every entry with its status in words and only the actions it allows', async () => {
    page = await open('activity/entries/index', {}, BY_STAFF)
    const tea = cardOf(TEA)?.dom.textContent ?? ''
    expect(tea).toContain('报名成功')
    expect(tea).toContain('杭州茗庐茶文化体验馆')
    expect(tea).toContain('共 1 人（本人）')
    expect(tea).toMatch(/场次：\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2}/)
    const family = cardOf(FAMILY)?.dom.textContent ?? ''
    expect(family).toContain('待抽签')
    expect(family).toContain('共 2 人（本人、王小朵 8岁）')
    const byStaff = cardOf(BY_STAFF)?.dom.textContent ?? ''
    expect(byStaff).toContain('由工作人员代为办理')

    expect(actions(TEA)).toEqual(['取消报名'])
    expect(actions(FAMILY)).toEqual(['修改报名', '撤回报名'])
    // 名额已满 made no entry.
    expect(cardOf(TIGHT)).toBeUndefined()
  })

  it('opens the activity, and 修改 opens it in edit mode', async () => {
    app.navigateTo.mockClear()
    inCard(FAMILY, '.zg-entries__link')[0]?.dispatchEvent('tap')
    tapAction(FAMILY, '修改报名')
    await app.waitFor(() => app.navigateTo.mock.calls.length === 2)
    const id = encodeURIComponent(ids[FAMILY])
    expect(app.navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      `/activity/detail/index?id=${id}`,
      `/activity/detail/index?id=${id}&edit=1`,
    ])
  })

  it('withdraws the lottery entry after a confirmation, and shows it 已取消 with no actions', async () => {
    tapAction(FAMILY, '撤回报名')
    await app.waitFor(() => (cardOf(FAMILY)?.dom.textContent ?? '').includes('已取消'))
    expect(app.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '撤回报名', confirmText: '撤回' }),
    )
    expect(actionsCalled(app.wxCloud)).toContain('entry.cancel')
    expect(actions(FAMILY)).toEqual([])
  })
})

describe('an unverified member', () => {
  it('is asked to verify first, with a link to 会员认证, and gets no form', async () => {
    const li = await app.openidOf('unverified')
    const asMember = app.wxCloud.callFunction.getMockImplementation()
    app.callAs(li)
    try {
      const page = await openDetail(TEA, '报名需先完成会员认证')
      expect(button(page, '提交报名')).toBeUndefined()
      app.navigateTo.mockClear()
      button(page, '去认证')?.dispatchEvent('tap')
      await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
      expect(app.navigateTo).toHaveBeenCalledWith(
        expect.objectContaining({ url: '/member/verify/index' }),
      )
    } finally {
      if (asMember) app.wxCloud.callFunction.mockImplementation(asMember)
    }
  })
})

/**
 * Staff's venue pages of the COMPILED weapp build against the real api function and the seeded
 * local cloud: 工作台 reaches them, 当日预约 shows the seeded day by table and slot with names
 * masked, 爽约申诉 clears an appeal with a reason, and 编辑场馆 saves a venue: its tables, a
 * closed day, a blocked hour and the booking policy.
 * `showModal` answers 确定.
 */
import { demoData } from '../../cloud/seed'
import { VENUE_IDS } from '../../cloud/seed/venues'
import type { ManagedVenue } from '../../cloudfunctions/contract'
import type { BookingRecord } from '../../cloudfunctions/domain/booking'
import { dayOf } from '../../cloudfunctions/domain/time'
import { actionsCalled, bootActivityApp, type ActivityApp } from './activity-fixtures'
import { BOOT_TIMEOUT_MS } from './boot'
import type { SimulatedComponent } from './harness'

let app: ActivityApp
const seed = demoData(new Date())
const members = new Map(seed.collections.members.map((m) => [String(m._id), String(m.name)]))
const bookings = (seed.collections.bookings as unknown as BookingRecord[]).filter(
  (b) => b.venueId === VENUE_IDS.pingPong,
)
const dev = seed.identities[0]
const devBooking = bookings.find((b) => b.memberId === String(seed.collections.members[0]._id))

beforeAll(async () => {
  app = await bootActivityApp('staff')
  // The dev member missed their booking and appeals it.
  if (!devBooking) throw new Error('the seed has no booking of the dev member')
  await app.cloud
    .app()
    .database()
    .collection('bookings')
    .doc(devBooking._id)
    .update({ status: 'noShow', noShowAt: new Date() })
  const reply = (await app.cloud.fn(
    'api',
    {
      action: 'booking.appeal',
      payload: { requestId: 'weapp-staff-appeal-1', bookingId: devBooking._id, note: '孩子发烧' },
    },
    dev.openid,
  )) as { ok: boolean; error?: unknown }
  if (!reply.ok) throw new Error(`booking.appeal: ${JSON.stringify(reply.error)}`)
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

const text = (page: SimulatedComponent) => page.dom.textContent ?? ''
const button = (page: SimulatedComponent, label: string) =>
  page.querySelectorAll('.nut-button').find((b) => (b.dom.textContent ?? '') === label)

it('工作台 leads to 当日预约 and 爽约申诉', async () => {
  const page = await app.open('admin/hub/index', {}, '当日预约')
  expect(app.texts(page, '.zg-card__title')).toEqual(
    expect.arrayContaining(['当日预约', '爽约申诉']),
  )
  page
    .querySelectorAll('.zg-card')
    .find((c) => (c.dom.textContent ?? '').includes('爽约申诉'))
    ?.dispatchEvent('tap')
  await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
  expect(app.navigateTo.mock.calls.at(-1)?.[0]).toMatchObject({ url: '/admin/appeals/index' })
})

it('当日预约 lists the day by slot and table, names masked, with who checked in', async () => {
  const date = devBooking?.date ?? ''
  const page = await app.open('admin/venue-day/index', {}, '乒乓球场地预约')
  // The page opens on today; the dev member's booking may be tomorrow's.
  if (date !== dayOf(new Date())) {
    page
      .querySelectorAll('.zg-chips__chip')
      .find((c) => (c.dom.textContent ?? '').startsWith('明天'))
      ?.dispatchEvent('tap')
  }
  const shown = bookings.filter((b) => b.date === date)
  await app.waitFor(() => app.texts(page, '.zg-venue-day__row').length === shown.length)
  const all = text(page)
  const checkedIn = shown.filter((b) => b.status === 'checkedIn').length
  expect(all).toContain(`已签到 ${checkedIn}`)
  for (const b of shown) expect(all).not.toContain(members.get(b.memberId))
  expect(app.texts(page, '.zg-venue-day__name').every((n) => n.includes('*'))).toBe(true)
  const row = app
    .texts(page, '.zg-venue-day__row')
    .find((r) => r.includes('王*国') && r.includes('2号台'))
  expect(row).toContain('爽约')
  expect(app.texts(page, '.zg-card__title')).toContain('19:00–20:00')
})

it('爽约申诉 clears an appeal with a reason, and the list empties', async () => {
  const page = await app.open('admin/appeals/index', {}, '孩子发烧')
  expect(text(page)).toContain('王*国 · 2号台')
  expect(text(page)).not.toContain(dev.name)
  button(page, '撤销爽约')?.dispatchEvent('tap')
  await app.waitFor(() => app.showToast.mock.calls.length > 0)
  expect(app.showToast.mock.calls.at(-1)?.[0]).toMatchObject({ title: '请填写处理意见' })
  expect(actionsCalled(app.wxCloud)).not.toContain('booking.resolveAppeal')

  page
    .querySelector('.zg-appeal-card__input')
    ?.dispatchEvent('input', { detail: { value: '已电话核实' } })
  await app.harness.simulate.sleep(50)
  button(page, '撤销爽约')?.dispatchEvent('tap')
  await app.waitFor(() => text(page).includes('没有待处理的申诉'))
  const call = app.wxCloud.callFunction.mock.calls.find(
    ([o]) => (o.data as { action: string }).action === 'booking.resolveAppeal',
  )
  expect(call?.[0].data).toMatchObject({
    payload: { decision: 'clear', reason: '已电话核实', requestId: expect.any(String) },
  })
})

it('编辑场馆 shows a refused field next to it, then saves a fifth table', async () => {
  const page = await app.open('admin/venue-edit/index', { id: VENUE_IDS.pingPong }, '编辑场馆')
  const inputs = page.querySelectorAll('.zg-field__input')
  // Name, address, phone, tables, slot minutes; a closed day's reason, a block's reason; the
  // policy's eleven numbers: in the form's order.
  expect(inputs).toHaveLength(18)
  inputs[4].dispatchEvent('input', { detail: { value: '5' } })
  await app.harness.simulate.sleep(50)
  button(page, '保存')?.dispatchEvent('tap')
  await app.waitFor(() => app.texts(page, '.zg-field-error__text').length > 0)
  expect(app.texts(page, '.zg-field-error__text')).toEqual(['！时段长度（分钟）不能小于10'])

  inputs[4].dispatchEvent('input', { detail: { value: '60' } })
  inputs[3].dispatchEvent('input', { detail: { value: '5' } })
  await app.harness.simulate.sleep(50)
  button(page, '保存')?.dispatchEvent('tap')
  await app.waitFor(() =>
    app.showToast.mock.calls.some(([o]) => (o as { title?: string }).title === '已保存'),
  )
  const update = app.wxCloud.callFunction.mock.calls
    .map(([o]) => o.data as { action: string; payload: { resources: unknown[]; version: number } })
    .filter((d) => d.action === 'venue.update')
  expect(update.at(-1)?.payload).toMatchObject({ version: 1 })
  expect(update.at(-1)?.payload.resources).toHaveLength(5)
  const venue = (await app.cloud.fn(
    'api',
    { action: 'venue.get', payload: { id: VENUE_IDS.pingPong } },
    dev.openid,
  )) as { data: { resourceList: Array<{ name: string }>; policy: unknown } }
  expect(venue.data.resourceList.map((r) => r.name)).toEqual([
    '1号台',
    '2号台',
    '3号台',
    '4号台',
    '5号台',
  ])
})

it('编辑场馆 closes a day with its reason, blocks an hour and changes the policy, after a confirmation', async () => {
  const page = await app.open('admin/venue-edit/index', { id: VENUE_IDS.pingPong }, '预约规则')
  const inputs = page.querySelectorAll('.zg-field__input')
  const day = dayOf(new Date(Date.now() + 5 * 86_400_000))
  const pickers = page.querySelectorAll('.zg-venue-edit__pick')
  // The closed day: its date picker is the first after the card's own four (dates and hours).
  pickers[4].dispatchEvent('change', { detail: { value: day } })
  inputs[5].dispatchEvent('input', { detail: { value: '展厅布展' } })
  await app.harness.simulate.sleep(50)
  button(page, '添加闭馆日')?.dispatchEvent('tap')
  await app.waitFor(() => text(page).includes(`${day} 闭馆：展厅布展`))
  inputs[6].dispatchEvent('input', { detail: { value: '更换球网' } })
  await app.harness.simulate.sleep(50)
  button(page, '添加停用时段')?.dispatchEvent('tap')
  await app.waitFor(() => text(page).includes('维修保养：更换球网'))
  // 每人每天最多 → 2; 每个基层工会每天最多 → 6.
  inputs[8].dispatchEvent('input', { detail: { value: '2' } })
  inputs[11].dispatchEvent('input', { detail: { value: '6' } })
  await app.harness.simulate.sleep(50)
  app.showModal.mockClear()
  button(page, '保存')?.dispatchEvent('tap')
  await app.waitFor(() =>
    app.showToast.mock.calls.some(([o]) =>
      String((o as { title?: string }).title).startsWith('已保存'),
    ),
  )
  expect(app.showModal.mock.calls[0]?.[0]).toMatchObject({ title: '保存场馆' })
  const staff = await app.openidOf('staff')
  const managed = await app.api<{ items: ManagedVenue[] }>(
    staff,
    'venue.manageList',
    { limit: 50 },
    false,
  )
  const venue = managed.items.find((v) => v.id === VENUE_IDS.pingPong)
  if (!venue) throw new Error('the venue is gone from the staff list')
  expect(venue.policy).toMatchObject({ perMemberDay: 2, perUnitDay: 6 })
  expect(venue.calendar.exceptions).toContainEqual({ date: day, hours: null, reason: '展厅布展' })
  expect(venue.calendar.blocks).toContainEqual(
    expect.objectContaining({ reason: '更换球网', kind: 'maintenance' }),
  )
})

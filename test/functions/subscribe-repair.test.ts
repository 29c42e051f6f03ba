/**
 * Issue 11's "never sent twice for one event", held through crashes, and the consents around
 * it, through the local cloud's fault switch:
 * - a signup whose writes fail or whose run is killed, at each write in turn: its 报名结果 goes
 *   to WeChat at most once, whatever the retries and the scheduler do after;
 * - a send WeChat refuses for good gives its consent back, unless WeChat said there was none;
 * - a consent recorded just after the signup it was asked for (weapp does not wait for the
 *   dialog) still brings that signup's message;
 * - a scheduler pass killed between a no-show's writes, and an appeal's run killed between its
 *   writes: the next run tells the member, once.
 */
import type { ApiReply } from '../../cloudfunctions/contract'
import { INTERRUPTED } from '../../cloudfunctions/domain/subscribe-send'
import { addDays, dayOf } from '../../cloudfunctions/domain/time'
import { STALE_MS } from '../../cloudfunctions/store/requests'
import { createVenue, offsetTo, pingPongVenue } from '../helpers/venues'
import { schedulerReports } from '../helpers/cloud'
import { STAFF, rid, startApiCloud, type ApiCloud } from './api-cloud'
import { subscribeKit, type KitMember } from './subscribe-kit'

let api: ApiCloud
let kit: ReturnType<typeof subscribeKit>

const member = (n: number, name: string): KitMember & { openid: string } => ({
  memberId: `m_rep_${n}`,
  openid: `rep-openid-${n}`,
  name,
  phone: `1360000000${n}`,
})
const SIGNER = member(1, '上官测试丁')
const REFUSED = member(2, '欧阳测试戊')
const LATE = member(3, '司徒测试己')
/** One member per fault point of the no-show pass and of the appeal. */
const ABSENT = Array.from({ length: 16 }, (_v, i) => member(10 + i, `慕容测试${i + 1}`))

beforeAll(async () => {
  api = await startApiCloud()
  kit = subscribeKit(api)
  await kit.seedMembers([SIGNER, REFUSED, LATE, ...ABSENT])
})
afterAll(async () => {
  await api?.stop()
})

/** The local cloud's clock offset; it only moves on. */
let offset = 0
/**
 * The clock moved to `offset` (which fires the scheduler's timer), and a run of its own: both
 * to their end, so that nothing is still writing when the test looks.
 */
async function runSchedulerAt(to: number): Promise<void> {
  offset = to
  const mark = api.cloud.output().length
  await api.shiftClock(offset)
  await kit.scheduler()
  await schedulerReports(api.cloud, mark, 2)
}

/** Past the stale cut-off and any send's back-off, then the scheduler. */
const tick = () => runSchedulerAt(offset + STALE_MS + 60_000)

/** Until the fault switch has killed an invocation (the timer's run the clock fired). */
async function killed(): Promise<boolean> {
  for (let i = 0; i < 50; i += 1) {
    if ((await api.cloud.faults()).injected.some((e) => e.kind === 'kill')) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

const codeOf = (reply: ApiReply<unknown>) => (reply.ok ? null : reply.error.code)

describe('subscription sends', () => {
  it('a signup failing or killed at each of its writes in turn: its message goes to WeChat at most once', async () => {
    const submit = (activity: Parameters<typeof kit.signUp>[1], requestId: string) =>
      kit.signUp(SIGNER.openid, activity, requestId)
    await kit.consent(SIGNER.openid, ['entryResult'])
    await api.cloud.setFaults({})
    api.ok(await submit(await kit.published(), rid('count')))
    const writes = (await api.cloud.faults()).writesBy.api ?? 0
    await api.cloud.clearFaults()
    expect(writes).toBeGreaterThan(4)

    const seen: string[] = []
    for (const mode of ['fail', 'kill'] as const) {
      for (let k = 1; k <= writes; k += 1) {
        const what = `${mode} at write ${k} of ${writes}`
        await kit.consent(SIGNER.openid, ['entryResult'])
        const activity = await kit.published()
        const requestId = rid('rep')
        await api.cloud.setFaults(
          mode === 'fail' ? { failWrite: k } : { killAfterWrite: k, function: 'api' },
        )
        // A killed run answers the platform's crash error, which the helper throws.
        await submit(activity, requestId)
          .catch(() => null)
          .finally(() => api.cloud.clearFaults())
        // The app retries with the same request id; a run still holding the claim is finished
        // by the scheduler first. Then two more ticks: due retries and stuck sends are handled.
        let retry = await submit(activity, requestId)
        if (codeOf(retry) === 'REQUEST_IN_PROGRESS') {
          await tick()
          retry = await submit(activity, requestId)
        }
        const entry = api.ok(retry)
        await tick()
        await tick()

        const told = (await kit.messages(SIGNER.openid)).filter(
          (m) => m.kind === 'entry.received' && m.link.endsWith(`=${entry.id}`),
        )
        const sent = (await kit.outbox(SIGNER.openid)).filter(
          (m) => m.page === `activity/entry/index?id=${entry.id}`,
        )
        const send = told[0] ? await kit.sendOf(told[0].id) : undefined
        expect({ what, told: told.length, atMostOnce: sent.length <= 1 }).toEqual({
          what,
          told: 1,
          atMostOnce: true,
        })
        if (send?.status === 'sent') expect({ what, sent: sent.length }).toEqual({ what, sent: 1 })
        if (send?.lastError === INTERRUPTED) seen.push(`${what}: interrupted, ${sent.length} sent`)
      }
    }
    // The window this guards was met: a run whose call went out but whose record did not land
    // (its send closed as interrupted, sent once, not again).
    expect(seen.some((s) => s.endsWith('1 sent'))).toBe(true)
  }, 240_000)

  it('a send WeChat refuses for good gives its consent back, unless WeChat said there was none', async () => {
    const signUp = async () => {
      const entry = api.ok(await kit.signUp(REFUSED.openid, await kit.published()))
      const told = (await kit.messages(REFUSED.openid)).find((m) => m.link.endsWith(`=${entry.id}`))
      return kit.sendOf(String(told?.id))
    }
    const left = async () =>
      api.ok(await api.call(REFUSED.openid, 'consent.mine', {})).counts.entryResult

    await kit.consent(REFUSED.openid, ['entryResult'])
    // 40037: the template id is wrong, a mistake of ours; the member's consent is still theirs.
    await api.cloud.setFaults({ failWxApi: 1, wxErrcode: 40037 })
    expect(await signUp()).toMatchObject({ status: 'failed', attempts: 1, nextAt: null })
    await api.cloud.clearFaults()
    expect(await left()).toBe(1)

    // 43101: WeChat has no consent of theirs to spend, so there is none to give back.
    await api.cloud.setFaults({ failWxApi: 1, wxErrcode: 43101 })
    expect(await signUp()).toMatchObject({ status: 'failed', attempts: 1, nextAt: null })
    await api.cloud.clearFaults()
    expect(await left()).toBe(0)
    await tick()
    expect(await kit.outbox(REFUSED.openid)).toHaveLength(0)
  })

  it('a consent recorded just after its signup brings that signup’s message, once', async () => {
    const entry = api.ok(await kit.signUp(LATE.openid, await kit.published()))
    expect(await kit.outbox(LATE.openid)).toHaveLength(0)
    // WeChat's dialog answered while the signup went ahead, as on weapp.
    await kit.consent(LATE.openid, ['entryResult', 'reminder'])
    const sent = await kit.outbox(LATE.openid)
    expect(sent.map((m) => m.page)).toEqual([`activity/entry/index?id=${entry.id}`])
    expect(api.ok(await api.call(LATE.openid, 'consent.mine', {})).counts).toMatchObject({
      entryResult: 0,
      reminder: 1,
    })
    // A second consent sends nothing again, and keeps itself for the next message.
    await kit.consent(LATE.openid, ['entryResult'])
    expect(await kit.outbox(LATE.openid)).toHaveLength(1)
    expect(api.ok(await api.call(LATE.openid, 'consent.mine', {})).counts.entryResult).toBe(1)
  })
})

describe('booking no-shows and appeals', () => {
  const D = addDays(dayOf(new Date()), 2)
  let venue: { id: string; tables: string[] }
  let next = 0
  /** A fresh slot for the next absent member, each later than the last (the clock moves on). */
  const slot = () => {
    const i = next++
    return { date: addDays(D, Math.floor(i / 8)), start: `${12 + (i % 8)}:00`, who: ABSENT[i] }
  }

  beforeAll(async () => {
    venue = await createVenue(
      api,
      pingPongVenue(dayOf(new Date()), {
        days: 10,
        policy: {
          opens: { daysAhead: 5, at: '00:00' },
          perMemberDay: 4,
          activeAtOnce: 6,
          noShowBan: { noShows: 1, withinDays: 180, banDays: 3 },
        },
      }),
    )
  })

  /** Books a slot as its member, with the 爽约 consent, at today's clock. */
  async function booked(s: ReturnType<typeof slot>) {
    await kit.consent(s.who.openid, ['noShow'])
    return api.ok(
      await api.write(s.who.openid, 'booking.create', rid('book'), {
        venueId: venue.id,
        date: s.date,
        picks: [{ resourceId: venue.tables[0], start: s.start }],
      }),
    ).bookings[0]
  }

  const creditOf = async (memberId: string) =>
    (await api.documents('credit')).find((c) => c._id === memberId) as
      { noShows: { ref: string }[]; bannedUntil: unknown } | undefined
  const kinds = async (openid: string, kind: string) =>
    (await kit.messages(openid)).filter((m) => m.kind === kind)

  it('a no-show pass killed after marking, or after crediting: the next run credits and tells it once', async () => {
    for (const k of [1, 2]) {
      const s = slot()
      const booking = await booked(s)
      // Everything else due by then done first (the demo's own bookings and activities), within
      // the check-in grace; then the pass the clock's move fires finds the no-show and dies
      // after its k-th write: 1 the 爽约, 2 the credit.
      await runSchedulerAt(offsetTo(s.date, s.start, 10 * 60))
      await api.cloud.setFaults({ killAfterWrite: k, function: 'scheduler' })
      offset = offsetTo(s.date, s.start, 20 * 60)
      await api.shiftClock(offset)
      expect({ k, killed: await killed() }).toEqual({ k, killed: true })
      await api.cloud.clearFaults()
      const stored = (await api.documents('bookings')).find((b) => b._id === booking.id)
      const left = {
        status: stored?.status,
        credited: ((await creditOf(s.who.memberId))?.noShows ?? []).length,
        told: (await kinds(s.who.openid, 'booking.noShow')).length,
      }
      expect({ k, left }).toEqual({ k, left: { status: 'noShow', credited: k - 1, told: 0 } })

      await tick()
      await tick()
      const credit = await creditOf(s.who.memberId)
      expect({ k, credited: credit?.noShows.length }).toEqual({ k, credited: 1 })
      const told = await kinds(s.who.openid, 'booking.noShow')
      expect({ k, told: told.map((m) => m.link) }).toEqual({
        k,
        told: [`/venue/booking/index?id=${encodeURIComponent(booking.ref)}`],
      })
      expect(
        (await kit.outbox(s.who.openid)).filter((m) => m.template_id === 'local-tmpl-no-show'),
      ).toHaveLength(1)
    }
  })

  it('an appeal cleared by a run killed after each of its writes: the ban lifted is told once', async () => {
    let writes = Number.POSITIVE_INFINITY
    for (let k = 0; k <= writes; k += 1) {
      const s = slot()
      const booking = await booked(s)
      await runSchedulerAt(offsetTo(s.date, s.start, 20 * 60))
      expect((await creditOf(s.who.memberId))?.bannedUntil).toBeTruthy()
      api.ok(
        await api.write(s.who.openid, 'booking.appeal', rid('ap'), {
          bookingId: booking.ref,
          note: '当天临时加班，已联系前台',
        }),
      )
      const requestId = rid('clear')
      const decide = () =>
        api.write(STAFF, 'booking.resolveAppeal', requestId, {
          bookingId: booking.ref,
          decision: 'clear',
          reason: '核实属实',
        })
      // k = 0: a clean run, counting its writes; then killed after each of them in turn.
      await api.cloud.setFaults(k === 0 ? {} : { killAfterWrite: k, function: 'api' })
      await decide().catch(() => null)
      if (k === 0) writes = (await api.cloud.faults()).writesBy.api ?? 0
      await api.cloud.clearFaults()
      let retry = await decide()
      if (codeOf(retry) === 'REQUEST_IN_PROGRESS') {
        await tick()
        retry = await decide()
      }
      api.ok(retry)
      const credit = await creditOf(s.who.memberId)
      const lifted = await kinds(s.who.openid, 'ban.lifted')
      expect({ k, noShows: credit?.noShows.length, banned: Boolean(credit?.bannedUntil) }).toEqual({
        k,
        noShows: 0,
        banned: false,
      })
      expect({ k, lifted: lifted.length }).toEqual({ k, lifted: 1 })
    }
    expect(writes).toBeGreaterThanOrEqual(3)
    expect(next).toBeLessThanOrEqual(ABSENT.length)
  }, 240_000)
})

import { isDeepStrictEqual } from 'node:util'
import { demoData } from '../../cloud/seed'
import { idNumberOf } from '../../cloud/seed/registry'
import { actions, ERRORS, type ActionName } from '../../cloudfunctions/contract'
import { STALE_MS } from '../../cloudfunctions/store/requests'
import { drawLostMessage, messageFrom } from '../../cloudfunctions/domain/message'
import { openActivity } from '../helpers/activities'
import { bookingFaultCases } from '../helpers/booking-faults'
import { schedulerReports } from '../helpers/cloud'
import {
  ADMIN,
  CHECKER,
  MEMBER,
  STAFF,
  UNVERIFIED,
  rid,
  startApiCloud,
  type ApiCloud,
} from './api-cloud'

/**
 * Issue 7, part 3: every write that exists today, with each of its database writes failing in
 * turn, and with the invocation killed right after each of its writes in turn. Each time the
 * action completes or answers a clear error; the database then holds the whole change or none of
 * it, or a state the scheduler repairs (proven by running it); a retry with the same request id
 * then completes it exactly once. A case's `effect` summarises what the change did to its own
 * fresh target, in counts, so "exactly once" is part of the comparison.
 */
let api: ApiCloud
let clockOffset = 0
let serial = 0

const seed = demoData(new Date())
const li = seed.identities.find((i) => i.openid === UNVERIFIED)
const liMemberId = String(seed.collections.members[1]._id)

interface FaultCase {
  action: ActionName
  /** A second path of one action, named in the test's title. */
  variant?: string
  actor: string
  /** A fresh target for one run, made through the API with no fault on; returns the payload. */
  prepare(n: number): Promise<Record<string, unknown>>
  /** What the database says about this run's target. */
  effect(payload: Record<string, unknown>): Promise<unknown>
  /**
   * An outcome the retry may honestly end in, and why. WeChat's phone code works once: if the
   * write that records its exchange fails, no retry can use that code again.
   */
  retryMayAnswer?: {
    code: keyof typeof ERRORS
    then: (n: number) => Promise<Record<string, unknown>>
  }
  /**
   * Who finishes a run that died half-way: the scheduler (from the payload its claim kept), or,
   * for a payload with personal data that is never stored, only the member's retry.
   */
  repairedBy?: 'retry'
}

const db = () => api.cloud.app().database()

async function count(collection: string, where: object): Promise<number> {
  const res = (await db().collection(collection).where(where).count()) as { total: number }
  return res.total
}

/** consent.record's runs: the member's offer consents when each run's target was made. */
const consentBaselines = new WeakMap<object, number>()

async function offerConsents(): Promise<number> {
  const record = await doc('consents', String(seed.collections.members[0]._id))
  return ((record?.counts ?? {}) as Record<string, number>).offer ?? 0
}

async function doc(collection: string, id: string): Promise<Record<string, unknown> | null> {
  const res = (await db().collection(collection).doc(id).get()) as {
    data: Record<string, unknown>[]
  }
  return res.data[0] ?? null
}

const audits = (action: string, target: string) => count('audit', { action, targets: target })

async function createNotice(title: string): Promise<string> {
  const made = api.ok(
    await api.write(STAFF, 'notice.create', rid(), { title, body: '故障测试正文' }),
  )
  return made.id
}

async function publishedNotice(title: string): Promise<string> {
  const id = await createNotice(title)
  api.ok(await api.write(STAFF, 'notice.publish', rid(), { id }))
  return id
}

/** fileId → the card numbers its rows carry. */
const importRuns = new Map<string, string[]>()

/** Members of one import file, made up per run so that each import creates them anew. */
function importRows(n: number): string[] {
  return [0, 1, 2].map((k) => idNumberOf('330106', '19900101', 100 + n * 3 + k))
}

/** 李秀英 unbound again, with a fresh phone code: the state 会员认证 starts from. */
async function unverifiedLi(): Promise<Record<string, unknown>> {
  api.ok(
    await api.write(STAFF, 'binding.move', rid(), {
      memberId: liMemberId,
      toOpenid: null,
      reason: '故障测试',
    }),
  )
  return { name: li?.name, idNumber: li?.idNumber, phoneCode: await api.phoneCode(UNVERIFIED) }
}

const noticeEffect = (action: string) => async (p: Record<string, unknown>) => {
  const notice = await doc('notices', String(p.id))
  return {
    title: action === 'notice.update' ? notice?.title : undefined,
    status: notice?.status,
    pinned: notice?.pinned,
    version: notice?.version,
    audits: await audits(action, String(p.id)),
  }
}

/** A fresh published activity whose window is open; answers its id. */
/**
 * No ban from no-shows: the clock jumps past sessions the dev member holds tickets for, and the
 * no-shows that makes must not stop the cases that sign the same member up afterwards.
 */
const NO_BAN = { confirmHours: 24, offerHours: 12, noShowBan: null }

async function openActivityId(over: Parameters<typeof openActivity>[1] = {}): Promise<string> {
  const settings = openActivity(Date.now() + clockOffset, { ticketPolicy: NO_BAN, ...over })
  const made = api.ok(await api.write(STAFF, 'activity.create', rid(), settings))
  api.ok(await api.write(STAFF, 'activity.publish', rid(), { id: made.id }))
  return made.id
}

const lottery = () => {
  const at = Date.now() + clockOffset
  const session = (days: number) => ({
    startAt: new Date(at + days * 86_400_000).toISOString(),
    endAt: new Date(at + days * 86_400_000 + 3_600_000).toISOString(),
    seats: 5,
  })
  return { allocation: 'lottery' as const, sessions: [session(3), session(4)] }
}

/** An open activity the dev member has signed up for. */
async function enteredActivity(over: Parameters<typeof openActivity>[1] = {}) {
  const activityId = await openActivityId(over)
  api.ok(
    await api.write(MEMBER, 'entry.submit', rid(), { activityId, sessionId: 's1', companions: [] }),
  )
  return activityId
}

/** Entries of the activity and its first session's seats, as the database holds them. */
const entryEffect = (action: string) => async (p: Record<string, unknown>) => {
  const activityId = String(p.activityId ?? p.id)
  const res = (await db().collection('entries').where({ activityId }).get()) as {
    data: Array<{ status: string; sessionId: string; partySize: number }>
  }
  const seat = await doc('seats', `${activityId}_s1`)
  return {
    entries: res.data.map((e) => [e.status, e.sessionId, e.partySize]),
    taken: Number(seat?.taken ?? 0),
    holders: Object.keys((seat?.holders as object | undefined) ?? {}).length,
    audits: await audits(action, activityId),
  }
}

const activityEffect = (action: string) => async (p: Record<string, unknown>) => {
  const activity = await doc('activities', String(p.id))
  return {
    title: activity?.title === p.title,
    status: activity?.status,
    version: activity?.version,
    audits: await audits(action, String(p.id)),
    ...(action === 'activity.cancel' ? { entries: (await entryEffect(action)(p)).entries } : {}),
  }
}

/** No cooldown: the same members win run after run, so every run of a case can be compared. */
const EVERY_RUN_ALIKE = { base: 1, lossBonus: null, cooldownDays: null, excludeBanned: true }

/** ticket code → the activity its entry belongs to. */
const ticketRuns = new Map<string, string>()

/**
 * A day on, so that lotteries opened now have closed, and one scheduler tick run to its end.
 * The shift also fires the timer: its run is let finish too, so that it cannot write while
 * the case counts or kills the next run's writes.
 */
async function closeWindows(): Promise<void> {
  clockOffset += 86_400_000 + 60_000
  const mark = api.cloud.output().length
  await api.shiftClock(clockOffset)
  expect((await api.cloud.post('/dev/trigger/scheduler')).status).toBe(200)
  // The timer's run and the triggered one.
  await schedulerReports(api.cloud, mark, 2)
}

/** A lottery the dev member alone entered, closed and drawn by staff: the member won it. */
async function wonLottery(): Promise<string> {
  const at = Date.now() + clockOffset
  const activityId = await openActivityId({
    ...lottery(),
    signupClosesAt: new Date(at + 86_400_000).toISOString(),
    drawAt: new Date(at + 2.5 * 86_400_000).toISOString(),
    weightPolicy: EVERY_RUN_ALIKE,
  })
  api.ok(
    await api.write(MEMBER, 'entry.submit', rid(), { activityId, sessionId: 's1', companions: [] }),
  )
  await closeWindows()
  api.ok(await api.write(STAFF, 'draw.run', rid(), { activityId }))
  return activityId
}

/** The dev member's entry of an activity, straight from the database. */
async function memberEntry(activityId: string): Promise<Record<string, unknown> | undefined> {
  const res = (await db().collection('entries').where({ activityId }).get()) as {
    data: Record<string, unknown>[]
  }
  return res.data[0]
}

/** Two fresh unread messages of the dev member, as a job would post them; answers their ids. */
async function unreadMessages(n: number): Promise<string[]> {
  const memberId = String(seed.collections.members[0]._id)
  const records = [1, 2].map((k) =>
    messageFrom(
      {
        memberId,
        ...drawLostMessage({
          entryId: `e_fault_${n}_${k}`,
          activityId: `a_fault_${n}`,
          activityTitle: '故障测试活动',
          sessionStartAt: new Date(Date.now() + clockOffset + 86_400_000),
        }),
      },
      new Date(Date.now() + clockOffset),
    ),
  )
  await db().collection('messages').add(records)
  return records.map((r) => r._id)
}

const CASES: FaultCase[] = [
  {
    action: 'notice.create',
    actor: STAFF,
    prepare: async (n) => ({ title: `故障测试新建 ${n}`, body: '正文' }),
    async effect(p) {
      const made = (await db().collection('notices').where({ title: p.title }).get()) as {
        data: Array<{ _id: string; status: string }>
      }
      let audited = 0
      for (const notice of made.data) audited += await audits('notice.create', notice._id)
      return { notices: made.data.length, status: made.data.map((n) => n.status), audited }
    },
  },
  {
    action: 'notice.update',
    actor: STAFF,
    prepare: async (n) => ({
      id: await createNotice(`故障测试编辑 ${n}`),
      version: 1,
      title: `故障测试编辑后 ${n}`,
    }),
    async effect(p) {
      const { title, version, audits: n } = await noticeEffect('notice.update')(p)
      return { edited: title === p.title, version, audits: n }
    },
  },
  {
    action: 'notice.publish',
    actor: STAFF,
    prepare: async (n) => ({ id: await createNotice(`故障测试发布 ${n}`) }),
    effect: noticeEffect('notice.publish'),
  },
  {
    action: 'notice.unpublish',
    actor: STAFF,
    prepare: async (n) => ({ id: await publishedNotice(`故障测试撤下 ${n}`) }),
    effect: noticeEffect('notice.unpublish'),
  },
  {
    action: 'notice.pin',
    actor: STAFF,
    prepare: async (n) => ({ id: await publishedNotice(`故障测试置顶 ${n}`), pinned: true }),
    effect: noticeEffect('notice.pin'),
  },
  {
    action: 'member.verify',
    actor: UNVERIFIED,
    prepare: () => unverifiedLi(),
    async effect() {
      const binding = await doc('bindings', UNVERIFIED)
      const attempts = await doc('verifications', UNVERIFIED)
      return { bound: binding?.memberId ?? null, attemptsLeftOpen: Number(attempts?.attempts ?? 0) }
    },
    repairedBy: 'retry',
    retryMayAnswer: {
      code: 'PHONE_CODE_INVALID',
      then: async () => ({
        name: li?.name,
        idNumber: li?.idNumber,
        phoneCode: await api.phoneCode(UNVERIFIED),
      }),
    },
  },
  {
    action: 'registry.import',
    actor: ADMIN,
    async prepare(n) {
      const rows = importRows(n).map(
        (id, k) =>
          `故障${n}号${k},${id},1390000${String(n * 3 + k).padStart(4, '0')},故障工会,F${n}-${k}`,
      )
      const csv = ['姓名,身份证号,手机号,基层工会,会员卡号', ...rows, ''].join('\r\n')
      const fileId = await api.upload(`faults-${n}.csv`, csv)
      importRuns.set(
        fileId,
        [0, 1, 2].map((k) => `F${n}-${k}`),
      )
      return { fileId }
    },
    async effect(p) {
      const cards = importRuns.get(String(p.fileId)) ?? []
      return {
        members: await count('members', { cardNo: db().command.in(cards) }),
        audits: await audits('registry.import', String(p.fileId)),
      }
    },
  },
  {
    action: 'grant.set',
    actor: ADMIN,
    prepare: async (n) => ({ openid: `o-fault-grant-${n}`, roles: ['checker'] }),
    async effect(p) {
      const grant = await doc('grants', String(p.openid))
      return { roles: grant?.roles ?? null, audits: await audits('grant.set', String(p.openid)) }
    },
  },
  {
    action: 'binding.move',
    actor: STAFF,
    async prepare(n) {
      api.ok(
        await api.write(STAFF, 'binding.move', rid(), {
          memberId: liMemberId,
          toOpenid: `o-fault-from-${n}`,
          reason: '故障测试准备',
        }),
      )
      return { memberId: liMemberId, toOpenid: `o-fault-to-${n}`, reason: '故障测试' }
    },
    async effect(p) {
      const held = (await db().collection('bindings').where({ memberId: liMemberId }).get()) as {
        data: Array<{ _id: string }>
      }
      return {
        heldBy: held.data.map((b) => b._id.replace(/\d+$/, '')),
        audits: await audits('binding.move', String(p.toOpenid)),
      }
    },
  },
  {
    action: 'activity.create',
    actor: STAFF,
    prepare: async (n) => openActivity(Date.now() + clockOffset, { title: `故障测试活动 ${n}` }),
    async effect(p) {
      const made = (await db().collection('activities').where({ title: p.title }).get()) as {
        data: Array<{ _id: string; status: string }>
      }
      let audited = 0
      for (const a of made.data) audited += await audits('activity.create', a._id)
      return { activities: made.data.length, status: made.data.map((a) => a.status), audited }
    },
  },
  {
    action: 'activity.update',
    actor: STAFF,
    async prepare(n) {
      const made = api.ok(
        await api.write(STAFF, 'activity.create', rid(), openActivity(Date.now() + clockOffset)),
      )
      const { sessions } = openActivity(Date.now() + clockOffset)
      return {
        ...openActivity(Date.now() + clockOffset, { title: `故障测试活动编辑 ${n}` }),
        sessions: sessions.map((s) => ({ ...s, id: 's1' })),
        id: made.id,
        version: 1,
      }
    },
    effect: activityEffect('activity.update'),
  },
  {
    action: 'activity.publish',
    actor: STAFF,
    async prepare() {
      const made = api.ok(
        await api.write(STAFF, 'activity.create', rid(), openActivity(Date.now() + clockOffset)),
      )
      return { id: made.id }
    },
    effect: activityEffect('activity.publish'),
  },
  {
    action: 'activity.cancel',
    actor: STAFF,
    prepare: async () => ({ id: await enteredActivity(), reason: '故障测试取消' }),
    effect: activityEffect('activity.cancel'),
  },
  {
    action: 'entry.submit',
    actor: MEMBER,
    prepare: async () => ({
      activityId: await openActivityId(),
      sessionId: 's1',
      companions: [{ name: '李四' }],
    }),
    effect: entryEffect('entry.submit'),
  },
  {
    action: 'entry.edit',
    actor: MEMBER,
    prepare: async () => ({
      activityId: await enteredActivity(lottery()),
      sessionId: 's2',
      companions: [{ name: '王五' }],
    }),
    effect: entryEffect('entry.edit'),
  },
  {
    action: 'entry.cancel',
    actor: MEMBER,
    prepare: async () => ({ activityId: await enteredActivity() }),
    effect: entryEffect('entry.cancel'),
  },
  {
    action: 'entry.submitFor',
    actor: STAFF,
    prepare: async () => ({
      memberId: liMemberId,
      activityId: await openActivityId(),
      sessionId: 's1',
      companions: [],
    }),
    effect: entryEffect('entry.submitFor'),
  },
  {
    action: 'entry.editFor',
    actor: STAFF,
    async prepare() {
      const activityId = await openActivityId(lottery())
      const signup = { memberId: liMemberId, activityId, sessionId: 's1', companions: [] }
      api.ok(await api.write(STAFF, 'entry.submitFor', rid(), signup))
      return { ...signup, sessionId: 's2' }
    },
    effect: entryEffect('entry.editFor'),
  },
  {
    action: 'entry.cancelFor',
    actor: STAFF,
    async prepare() {
      const activityId = await openActivityId()
      const signup = { memberId: liMemberId, activityId, sessionId: 's1', companions: [] }
      api.ok(await api.write(STAFF, 'entry.submitFor', rid(), signup))
      return { memberId: liMemberId, activityId, reason: '会员来电取消' }
    },
    effect: entryEffect('entry.cancelFor'),
  },
  {
    action: 'draw.run',
    actor: STAFF,
    async prepare() {
      const at = Date.now() + clockOffset
      const activityId = await openActivityId({
        ...lottery(),
        signupClosesAt: new Date(at + 86_400_000).toISOString(),
        // Far off: only 立即抽签 draws it within the test.
        drawAt: new Date(at + 2.5 * 86_400_000).toISOString(),
        weightPolicy: EVERY_RUN_ALIKE,
      })
      for (const openid of [MEMBER]) {
        api.ok(
          await api.write(openid, 'entry.submit', rid(), {
            activityId,
            sessionId: 's1',
            companions: [],
          }),
        )
      }
      api.ok(
        await api.write(STAFF, 'entry.submitFor', rid(), {
          memberId: liMemberId,
          activityId,
          sessionId: 's1',
          companions: [],
        }),
      )
      // The window closes; the scheduler's tick freezes the entrant list.
      await closeWindows()
      return { activityId }
    },
    async effect(p) {
      const activityId = String(p.activityId)
      const record = await doc('draws', `${activityId}_s1`)
      const res = (await db().collection('entries').where({ activityId }).get()) as {
        data: Array<{ status: string }>
      }
      return {
        drawn: record ? record.seed !== null : null,
        statuses: res.data.map((e) => e.status).sort(),
        audits: await audits('draw.run', activityId),
      }
    },
  },
  {
    action: 'entry.cancel',
    variant: '我去不了了: a won ticket given back, its seat freed',
    actor: MEMBER,
    async prepare() {
      const activityId = await wonLottery()
      api.ok(await api.write(MEMBER, 'entry.confirm', rid(), { activityId }))
      return { activityId }
    },
    async effect(p) {
      const activityId = String(p.activityId)
      const [entry, seat] = await Promise.all([
        memberEntry(activityId),
        doc('seats', `${activityId}_s1`),
      ])
      const holders = (seat?.holders ?? {}) as Record<string, unknown>
      return { status: entry?.status, taken: seat?.taken, holders: Object.keys(holders).length }
    },
  },
  {
    action: 'entry.confirm',
    actor: MEMBER,
    prepare: async () => ({ activityId: await wonLottery() }),
    async effect(p) {
      const entry = await memberEntry(String(p.activityId))
      return { status: entry?.status, confirmed: Boolean(entry?.confirmedAt) }
    },
  },
  {
    action: 'ticket.checkIn',
    actor: CHECKER,
    async prepare() {
      const at = Date.now() + clockOffset
      // The door is open: the session starts within the hour.
      const activityId = await openActivityId({
        signupClosesAt: new Date(at + 30 * 60_000).toISOString(),
        sessions: [
          {
            startAt: new Date(at + 60 * 60_000).toISOString(),
            endAt: new Date(at + 3 * 60 * 60_000).toISOString(),
            seats: 5,
          },
        ],
        cancelCutoffHours: 0,
      })
      const entry = api.ok(
        await api.write(MEMBER, 'entry.submit', rid(), {
          activityId,
          sessionId: 's1',
          companions: [],
        }),
      )
      const mine = api.ok(await api.call(MEMBER, 'entry.mine', { limit: 50 }))
      const code = String(mine.items.find((e) => e.id === entry.id)?.ticketCode)
      ticketRuns.set(code, activityId)
      return { code }
    },
    async effect(p) {
      const entry = await memberEntry(String(ticketRuns.get(String(p.code))))
      return { status: entry?.status, by: entry?.checkedInBy ?? null }
    },
  },
  {
    action: 'ticket.exportRoster',
    actor: STAFF,
    async prepare() {
      // A session with one ticket: the member's first-come seat.
      return { activityId: await enteredActivity(), sessionId: 's1' }
    },
    // The export's audit record names the file it made (its fileId); the file must exist, and
    // one export is one record and one file however often it was run.
    async effect(p) {
      const res = (await db()
        .collection('audit')
        .where({ action: 'ticket.exportRoster', targets: String(p.activityId) })
        .get()) as { data: Array<{ targets: string[] }> }
      const files = res.data.flatMap((a) => a.targets.filter((t) => t.startsWith('cloud://')))
      const urls = files.length
        ? await api.cloud.app().getTempFileURL({ fileList: files })
        : { fileList: [] }
      const stored = (urls.fileList ?? []).filter((f) => f.code === 'SUCCESS').length
      return { audits: res.data.length, files: files.length, stored }
    },
  },
  ...bookingFaultCases({
    api: () => api,
    offset: () => clockOffset,
    member: {
      openid: MEMBER,
      memberId: String(seed.collections.members[0]._id),
      unit: String(seed.collections.members[0].unit),
    },
    other: { memberId: liMemberId, unit: String(seed.collections.members[1].unit) },
    staff: STAFF,
    checker: CHECKER,
  }),
  {
    action: 'consent.record',
    actor: MEMBER,
    async prepare() {
      // The member's counters only grow: each run is measured from where it started.
      const payload = { granted: ['offer', 'reminder'], refused: ['drawResult'] }
      consentBaselines.set(payload, await offerConsents())
      return payload
    },
    async effect(p) {
      return { added: (await offerConsents()) - (consentBaselines.get(p) ?? 0) }
    },
  },
  {
    action: 'message.read',
    actor: MEMBER,
    prepare: async (n) => ({ ids: await unreadMessages(n) }),
    async effect(p) {
      const ids = (p.ids as string[] | undefined) ?? []
      return { unread: await count('messages', { _id: db().command.in(ids), readAt: null }) }
    },
  },
]

interface Raw {
  status: number
  body: unknown
}

async function send(
  actor: string,
  action: ActionName,
  requestId: string,
  payload: object,
): Promise<Raw> {
  return api.cloud.post(
    '/dev/fn/api',
    { action, payload: { ...payload, requestId } },
    { 'x-dev-openid': actor },
  )
}

/** The error code of a reply, or null when it is ok. */
function codeOf(reply: Raw): string | null {
  const body = reply.body as { ok?: boolean; error?: { code: string }; code?: string }
  return body.ok ? null : (body.error?.code ?? body.code ?? 'NO_REPLY')
}

/** A reply a member can act on: the action's data, or a table error in Chinese. */
function expectClear(reply: Raw, what: string): void {
  expect({ what, status: reply.status }).toEqual({ what, status: 200 })
  const body = reply.body as { ok: boolean; error?: { code: string; message: string } }
  if (!body.ok) {
    expect(Object.keys(ERRORS)).toContain(body.error?.code)
    expect(body.error?.message).toMatch(/[\u4e00-\u9fff]/)
  }
}

/** Past the stale cut-off, then one scheduler tick: what "repaired by the scheduler" means. */
async function runScheduler(): Promise<void> {
  clockOffset += STALE_MS + 60_000
  await api.shiftClock(clockOffset)
  const fired = await api.cloud.post('/dev/trigger/scheduler')
  expect(fired.status).toBe(200)
}

/** The state a check expects, waited for briefly: the scheduler's own timer may be mid-run. */
async function settledEffect(c: FaultCase, p: Record<string, unknown>, want: unknown[]) {
  let state = await c.effect(p)
  for (let i = 0; i < 20 && !want.some((w) => isDeepStrictEqual(w, state)); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    state = await c.effect(p)
  }
  return state
}

beforeAll(async () => {
  api = await startApiCloud()
  // The demo seed (cloud/seed/venues.ts) gives the dev member a booking today or tomorrow; the
  // clock moving past it would make it a no-show, and with this suite's own no-shows a ban.
  const seeded = api.ok(await api.call(MEMBER, 'booking.mine', {})).items
  for (const b of seeded)
    api.ok(await api.write(MEMBER, 'booking.cancel', rid(), { bookingId: b.ref }))
})
afterEach(() => api.cloud.clearFaults())
afterAll(async () => {
  await api?.stop()
})

it('has a case for every write action of the contract, so a new one cannot be forgotten', () => {
  const writes = (Object.keys(actions) as ActionName[]).filter((name) => actions[name].write)
  expect([...new Set(CASES.map((c) => c.action))].sort()).toEqual(writes.sort())
})

/**
 * One case's loop runs the action once per write, each on a fresh target with its own clock
 * jump and scheduler tick: a draw's or a booking's loop takes minutes on a loaded machine.
 */
const LOOP_TIMEOUT_MS = 240_000

const titled = CASES.map((c) => [c.variant ? `${c.action} (${c.variant})` : c.action, c] as const)

describe.each(titled)('%s', (_title, c) => {
  let writes = 0
  let whole: unknown

  beforeAll(async () => {
    serial += 1
    const payload = await c.prepare(serial)
    await api.cloud.setFaults({})
    const reply = await send(c.actor, c.action, rid(), payload)
    writes = (await api.cloud.faults()).writesBy.api ?? 0
    await api.cloud.clearFaults()
    expect((reply.body as { ok: boolean }).ok).toBe(true)
    whole = await c.effect(payload)
  })

  it('makes at least two writes when nothing fails (the claim and the change)', () => {
    expect(writes).toBeGreaterThanOrEqual(2)
  })

  for (const mode of ['fail', 'kill'] as const) {
    it(
      `${mode === 'fail' ? 'with each write failing' : 'killed after each write'} in turn: whole or none, then exactly once`,
      async () => {
        for (let i = 1; i <= writes; i += 1) {
          serial += 1
          const n = serial
          const what = `${c.action} ${mode} at write ${i} of ${writes}`
          const payload = await c.prepare(n)
          const none = await c.effect(payload)
          const requestId = rid('fault')
          await api.cloud.setFaults(
            mode === 'fail' ? { failWrite: i } : { killAfterWrite: i, function: 'api' },
          )
          const reply = await send(c.actor, c.action, requestId, payload)
          await api.cloud.clearFaults()
          if (mode === 'fail') expectClear(reply, what)
          else
            expect({ what, body: reply.body }).toMatchObject({
              body: { code: 'FUNCTIONS_EXECUTE_FAIL' },
            })

          const after = await c.effect(payload)
          const isEnd = (state: unknown) => [none, whole].some((s) => isDeepStrictEqual(s, state))
          if (!isEnd(after) && c.repairedBy !== 'retry') {
            await runScheduler()
            expect({ what, repaired: await settledEffect(c, payload, [whole]) }).toEqual({
              what,
              repaired: whole,
            })
          }

          let retry = await send(c.actor, c.action, requestId, payload)
          if (codeOf(retry) === 'REQUEST_IN_PROGRESS') {
            // The first run's claim is still live: the member is asked to wait until the scheduler
            // has finished that run; the retry then gets its result.
            await runScheduler()
            retry = await send(c.actor, c.action, requestId, payload)
          }
          expectClear(retry, `${what}, retry`)
          const allowed = c.retryMayAnswer
          if (allowed && codeOf(retry) === allowed.code) {
            expect({ what, state: await c.effect(payload) }).toEqual({ what, state: none })
            const again = await send(c.actor, c.action, rid(), await allowed.then(n))
            expect({ what, error: codeOf(again) }).toEqual({ what, error: null })
          } else {
            expect({ what, error: codeOf(retry) }).toEqual({ what, error: null })
          }
          expect({ what, state: await c.effect(payload) }).toEqual({ what, state: whole })
          // Once more: the first result again, nothing more written.
          const replay = await send(c.actor, c.action, requestId, payload)
          expectClear(replay, `${what}, replay`)
          expect({ what, state: await c.effect(payload) }).toEqual({ what, state: whole })
        }
      },
      LOOP_TIMEOUT_MS,
    )
  }
})

it('keeps no ID number in any claim: a verification is finished by the member’s retry', async () => {
  const claims = await api.documents('requests')
  expect(claims.some((c) => c.action === 'member.verify')).toBe(true)
  expect(JSON.stringify(claims)).not.toContain(String(li?.idNumber))
})

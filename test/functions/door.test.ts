import type { ManagedActivity, MyEntry } from '../../cloudfunctions/contract'
import { ROSTER_HEADER } from '../../cloudfunctions/domain/roster'
import { openActivity, seedVerifiedMembers, type SeededMember } from '../helpers/activities'
import { readSheetXml } from '../helpers/xlsx-read'
import { CHECKER, MEMBER, STAFF, UNVERIFIED, rid, startApiCloud, type ApiCloud } from './api-cloud'

/**
 * The door (issue 9, item 6), through the local cloud and the built api function: a session's
 * roster for checkers with masked names and the right counts, the XLSX export through cloud
 * storage (the SDK's real uploadFile inside the bundle), and the check-in reply the checker's
 * screen shows.
 */
const MIN = 60_000
const iso = (ms: number) => new Date(ms).toISOString()
let api: ApiCloud
let members: SeededMember[]
let activity: ManagedActivity
const entries = new Map<string, MyEntry>()

/** Full names the roster must never carry, and the parties they bring. */
const PEOPLE = [
  { name: '张伟三', companions: ['张小一', '张小二'] },
  { name: '李四', companions: [] },
  { name: '欧阳娜娜', companions: ['欧阳小'] },
  { name: '王五', companions: [] },
  { name: '赵六', companions: [] },
]

beforeAll(async () => {
  api = await startApiCloud()
  members = await seedVerifiedMembers(api.cloud.app(), PEOPLE.length, 'door')
  const db = api.cloud.app().database()
  for (const [i, m] of members.entries()) {
    await db.collection('members').doc(m.memberId).update({ name: PEOPLE[i].name })
  }
  // First-come, the window open for half an hour, the session in an hour: the door is open.
  const now = Date.now()
  const draft = api.ok(
    await api.write(
      STAFF,
      'activity.create',
      rid('door'),
      openActivity(now, {
        title: '检票测试·茶会',
        signupClosesAt: iso(now + 30 * MIN),
        sessions: [
          { startAt: iso(now + 60 * MIN), endAt: iso(now + 180 * MIN), seats: 20 },
          {
            startAt: iso(now + 3 * 86_400_000),
            endAt: iso(now + 3 * 86_400_000 + 60 * MIN),
            seats: 5,
          },
        ],
        cancelCutoffHours: 0,
      }),
    ),
  )
  activity = api.ok(await api.write(STAFF, 'activity.publish', rid('pub'), { id: draft.id }))
  for (const [i, m] of members.entries()) {
    const entry = api.ok(
      await api.write(m.openid, 'entry.submit', rid('in'), {
        activityId: activity.id,
        sessionId: 's1',
        companions: PEOPLE[i].companions.map((name) => ({ name })),
      }),
    )
    // The ticket code is shown to its member only, in 我的报名.
    const mine = api.ok(await api.call(m.openid, 'entry.mine', {}))
    entries.set(PEOPLE[i].name, mine.items.find((e) => e.id === entry.id) ?? entry)
  }
  // 赵六 withdraws: a cancelled entry holds no ticket.
  api.ok(
    await api.write(members[4].openid, 'entry.cancel', rid('out'), { activityId: activity.id }),
  )
})
afterAll(async () => {
  await api?.stop()
})

const roster = (openid: string, sessionId = 's1') =>
  api.call(openid, 'ticket.roster', { activityId: activity.id, sessionId })

function expectNothingPersonal(reply: unknown): void {
  const text = JSON.stringify(reply)
  for (const person of PEOPLE) {
    expect(text).not.toContain(person.name)
    for (const c of person.companions) expect(text).not.toContain(c)
  }
  for (const m of members) {
    expect(text).not.toContain(m.memberId)
    expect(text).not.toContain(m.openid)
  }
}

describe('check-in at the door', () => {
  it('answers the masked name, party size and session, never a name or member id', async () => {
    const code = String(entries.get('张伟三')?.ticketCode)
    expect(code).toMatch(/^T/)
    const reply = await api.write(CHECKER, 'ticket.checkIn', rid('scan'), { code })
    expect(reply).toMatchObject({
      ok: true,
      data: {
        activityId: activity.id,
        sessionId: 's1',
        activityTitle: '检票测试·茶会',
        maskedName: '张*三',
        partySize: 3,
      },
    })
    expectNothingPersonal(reply)
    const again = await api.write(STAFF, 'ticket.checkIn', rid('scan'), { code })
    expect(again).toMatchObject({ ok: false, error: { code: 'TICKET_USED' } })
  })
})

describe('the session’s roster', () => {
  it('lists every ticket masked, sorted by masked name, with its status in words and the counts', async () => {
    const data = api.ok(await roster(CHECKER))
    expectNothingPersonal(data)
    expect(data).toMatchObject({
      activityId: activity.id,
      activityTitle: '检票测试·茶会',
      sessionId: 's1',
      seats: 20,
      counts: { tickets: 4, people: 7, checkedIn: 1, checkedInPeople: 3, noShow: 0 },
    })
    const rows = data.tickets.map((t) => [t.maskedName, t.partySize, t.companions, t.statusText])
    expect(rows).toEqual(
      expect.arrayContaining([
        ['张*三', 3, 2, '已检票'],
        ['李*', 1, 0, '未检票'],
        ['欧**娜', 2, 1, '未检票'],
        ['王*', 1, 0, '未检票'],
      ]),
    )
    expect(rows).toHaveLength(4)
    const names = data.tickets.map((t) => t.maskedName)
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare))
    expect(data.tickets.map((t) => t.entryId).sort()).toEqual(
      ['张伟三', '李四', '欧阳娜娜', '王五'].map((n) => entries.get(n)?.id).sort(),
    )
    const checked = data.tickets.find((t) => t.maskedName === '张*三')
    expect(Date.parse(String(checked?.checkedInAt))).not.toBeNaN()
    expect(data.tickets.filter((t) => t.checkedInAt)).toHaveLength(1)
  })

  it('is empty for a session nobody entered; an unknown session or activity is NOT_FOUND', async () => {
    expect(api.ok(await roster(STAFF, 's2'))).toMatchObject({
      tickets: [],
      counts: { tickets: 0, people: 0, checkedIn: 0 },
    })
    expect(await roster(STAFF, 's9')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(
      await api.call(STAFF, 'ticket.roster', { activityId: 'no-such-activity', sessionId: 's1' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('is refused to members and unverified callers; the export to checkers too', async () => {
    for (const openid of [MEMBER, UNVERIFIED, members[0].openid]) {
      expect(await roster(openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    for (const openid of [MEMBER, UNVERIFIED, CHECKER]) {
      const reply = await api.write(openid, 'ticket.exportRoster', rid('x'), {
        activityId: activity.id,
        sessionId: 's1',
      })
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})

describe('导出 Excel', () => {
  it('stores a real XLSX in cloud storage whose rows are the roster’s, once per request', async () => {
    const shown = api.ok(await roster(STAFF))
    const requestId = rid('export')
    const payload = { activityId: activity.id, sessionId: 's1' }
    const first = api.ok(await api.write(STAFF, 'ticket.exportRoster', requestId, payload))
    expect(first.fileId).toMatch(
      new RegExp(`^cloud://.+/rosters/${activity.id}_s1_[0-9a-f]+\\.xlsx$`),
    )
    expect(first).toMatchObject({ tickets: 4, fileName: expect.stringMatching(/^名单_.+\.xlsx$/) })

    const res = await fetch(first.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(Buffer.from(bytes.slice(0, 2)).toString()).toBe('PK')
    const sheet = readSheetXml(bytes, '名单')
    expect(sheet[0]).toEqual(ROSTER_HEADER)
    expect(sheet.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[6]])).toEqual(
      shown.tickets.map((t, i) => [
        i + 1,
        t.maskedName,
        t.partySize,
        t.companions,
        t.statusText,
        t.entryId,
      ]),
    )
    expect(sheet.find((r) => r[1] === '张*三')?.[5]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    const summary = readSheetXml(bytes, '汇总')
    expect(summary).toEqual(
      expect.arrayContaining([
        ['活动', '检票测试·茶会'],
        ['票数', 4],
        ['总人数', 7],
        ['已检票（张）', 1],
      ]),
    )
    const text = Buffer.from(bytes).toString('latin1')
    for (const m of members) expect(text).not.toContain(m.memberId)

    // The same request again: the first reply, the same file. A new request: a new file.
    const retry = api.ok(await api.write(STAFF, 'ticket.exportRoster', requestId, payload))
    expect(retry.fileId).toBe(first.fileId)
    const next = api.ok(await api.write(STAFF, 'ticket.exportRoster', rid('export'), payload))
    expect(next.fileId).not.toBe(first.fileId)
    const audits = (await api.documents('audit')).filter((a) => a.action === 'ticket.exportRoster')
    expect(audits).toHaveLength(2)
    expect(audits.flatMap((a) => a.targets as string[])).toEqual(
      expect.arrayContaining([activity.id, first.fileId, next.fileId]),
    )
  })
})

import { ApiError } from '../../cloudfunctions/contract/errors'
import {
  cancelDeadline,
  editActivity,
  impossibleSettings,
  nextTime,
  phaseOf,
  type ActivityRecord,
  type ActivitySettings,
  type SessionUse,
} from '../../cloudfunctions/domain/activity'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const NOW = new Date('2026-06-10T02:00:00Z')
const at = (ms: number) => new Date(NOW.getTime() + ms)

/** A lottery whose window is open now: opened an hour ago, closes in a day, draw an hour later. */
function settings(over: Partial<ActivitySettings> = {}): ActivitySettings {
  return {
    title: '杂技剧《山水相依》',
    category: 'show',
    posterFileId: null,
    description: '杂技剧演出',
    place: { name: '杭州运河大剧院', address: '杭州市拱墅区' },
    sessions: [{ startAt: at(3 * DAY), endAt: at(3 * DAY + 2 * HOUR), seats: 100 }],
    allocation: 'lottery',
    signupOpensAt: at(-HOUR),
    signupClosesAt: at(DAY),
    drawAt: at(DAY + HOUR),
    party: { maxSize: 2, family: null },
    eligibility: { winsPerMonth: null },
    cancelCutoffHours: 24,
    ...over,
  }
}

/** A published activity with sessions s1 (in 3 days) and s2 (in 4 days), version 3. */
function activity(over: Partial<ActivityRecord> = {}): ActivityRecord {
  const s1 = { id: 's1', startAt: at(3 * DAY), endAt: at(3 * DAY + 2 * HOUR), seats: 100 }
  const s2 = { id: 's2', startAt: at(4 * DAY), endAt: at(4 * DAY + 2 * HOUR), seats: 50 }
  const base = settings()
  return {
    _id: 'a1',
    ...base,
    sessions: [s1, s2],
    status: 'published',
    cancelReason: null,
    firstSessionAt: s1.startAt,
    lastSessionEndAt: s2.endAt,
    version: 3,
    createdAt: at(-2 * DAY),
    updatedAt: at(-2 * DAY),
    createdBy: 'staff',
    updatedBy: 'staff',
    ...over,
  }
}

/** The settings of `a` as the edit form sends them back, with `over` applied. */
function settingsOf(a: ActivityRecord, over: Partial<ActivitySettings> = {}): ActivitySettings {
  return settings({
    sessions: a.sessions.map((s) => ({ ...s })),
    signupOpensAt: a.signupOpensAt,
    signupClosesAt: a.signupClosesAt,
    drawAt: a.drawAt,
    allocation: a.allocation,
    ...over,
  })
}

function refusal(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

const NO_USE: SessionUse = new Map()

describe('impossibleSettings', () => {
  it('accepts a sensible lottery and a sensible first-come activity', () => {
    expect(impossibleSettings(settings(), NOW)).toEqual({})
    expect(impossibleSettings(settings({ allocation: 'first-come', drawAt: null }), NOW)).toEqual(
      {},
    )
  })

  it('refuses a window that ends before (or when) it opens', () => {
    for (const closes of [at(-2 * HOUR), at(-HOUR)]) {
      expect(impossibleSettings(settings({ signupClosesAt: closes }), NOW)).toMatchObject({
        signupClosesAt: '报名截止时间须晚于报名开始时间',
      })
    }
  })

  it('refuses a new activity whose window has already closed', () => {
    const fields = impossibleSettings(
      settings({ signupOpensAt: at(-2 * DAY), signupClosesAt: at(-DAY), drawAt: at(-DAY) }),
      NOW,
    )
    expect(fields.signupClosesAt).toBe('报名截止时间已过')
  })

  it('lets an existing activity keep a window that has closed', () => {
    const fields = impossibleSettings(
      settings({
        signupOpensAt: at(-2 * DAY),
        signupClosesAt: at(-DAY),
        drawAt: at(-DAY + HOUR),
        sessions: [{ id: 's1', startAt: at(DAY), endAt: at(DAY + HOUR), seats: 10 }],
      }),
      NOW,
      new Set(['s1']),
    )
    expect(fields).toEqual({})
  })

  it('refuses a new session in the past, but keeps an existing one that has begun', () => {
    const past = { startAt: at(-HOUR), endAt: at(HOUR), seats: 10 }
    const fresh = settings({
      signupOpensAt: at(-3 * DAY),
      signupClosesAt: at(-2 * DAY),
      drawAt: at(-2 * DAY + HOUR),
      sessions: [past],
    })
    expect(impossibleSettings(fresh, NOW)['sessions.0.startAt']).toBe('场次开始时间已过')
    const kept = { ...fresh, sessions: [{ id: 's1', ...past }] }
    expect(impossibleSettings(kept, NOW, new Set(['s1']))).toEqual({})
  })

  it('refuses a session ending before or when it starts', () => {
    const start = at(3 * DAY)
    for (const endAt of [new Date(start.getTime() - HOUR), start]) {
      const fields = impossibleSettings(
        settings({ sessions: [{ startAt: start, endAt, seats: 10 }] }),
        NOW,
      )
      expect(fields['sessions.0.endAt']).toBe('结束时间须晚于开始时间')
    }
  })

  it('refuses a session that starts before the window closes, on that session', () => {
    const fields = impossibleSettings(
      settings({
        sessions: [
          { startAt: at(3 * DAY), endAt: at(3 * DAY + HOUR), seats: 10 },
          { startAt: at(DAY - HOUR), endAt: at(DAY + HOUR), seats: 10 },
        ],
        drawAt: at(DAY - 2 * HOUR),
      }),
      NOW,
    )
    expect(fields['sessions.1.startAt']).toBe('场次须在报名截止之后开始')
    expect(fields).not.toHaveProperty('sessions.0.startAt')
    // A session may start the moment the window closes.
    const onClose = settings({
      allocation: 'first-come',
      drawAt: null,
      sessions: [{ startAt: at(DAY), endAt: at(DAY + HOUR), seats: 10 }],
    })
    expect(impossibleSettings(onClose, NOW)).toEqual({})
  })

  it('refuses a draw before the window closes, at or after the first session, or missing', () => {
    expect(impossibleSettings(settings({ drawAt: at(DAY - 1) }), NOW).drawAt).toBe(
      '抽签时间须在报名截止之后',
    )
    expect(impossibleSettings(settings({ drawAt: at(3 * DAY) }), NOW).drawAt).toBe(
      '抽签时间须在第一场开始之前',
    )
    expect(impossibleSettings(settings({ drawAt: null }), NOW).drawAt).toBe(
      '抽签活动须设置抽签时间',
    )
    // The draw may happen the moment signup closes.
    expect(impossibleSettings(settings({ drawAt: at(DAY) }), NOW)).toEqual({})
  })

  it('judges the draw against the earliest session, whatever the order', () => {
    const fields = impossibleSettings(
      settings({
        sessions: [
          { startAt: at(5 * DAY), endAt: at(5 * DAY + HOUR), seats: 10 },
          { startAt: at(2 * DAY), endAt: at(2 * DAY + HOUR), seats: 10 },
        ],
        drawAt: at(3 * DAY),
      }),
      NOW,
    )
    expect(fields.drawAt).toBe('抽签时间须在第一场开始之前')
  })

  it('refuses a draw time on a first-come activity', () => {
    expect(impossibleSettings(settings({ allocation: 'first-come' }), NOW).drawAt).toBe(
      '先到先得的活动没有抽签时间',
    )
  })

  it('refuses a family age range upside down, and a family party with no room for a child', () => {
    const upsideDown = settings({
      party: { maxSize: 3, family: { childMinAge: 12, childMaxAge: 3 } },
    })
    expect(impossibleSettings(upsideDown, NOW)['party.family.childMaxAge']).toBe(
      '儿童最大年龄不能小于最小年龄',
    )
    const alone = settings({ party: { maxSize: 1, family: { childMinAge: 3, childMaxAge: 12 } } })
    expect(impossibleSettings(alone, NOW)['party.maxSize']).toBe(
      '亲子活动每份报名至少2人（含1名儿童）',
    )
    const oneAge = settings({ party: { maxSize: 2, family: { childMinAge: 6, childMaxAge: 6 } } })
    expect(impossibleSettings(oneAge, NOW)).toEqual({})
  })

  it('refuses a session id the activity does not have, and the same id twice', () => {
    const s = { startAt: at(3 * DAY), endAt: at(3 * DAY + HOUR), seats: 10 }
    const fields = impossibleSettings(
      settings({
        sessions: [
          { id: 's1', ...s },
          { id: 's1', ...s },
          { id: 's9', ...s },
        ],
      }),
      NOW,
      new Set(['s1']),
    )
    expect(fields['sessions.1.id']).toBe('场次重复')
    expect(fields['sessions.2.id']).toBe('场次不存在，请刷新后再试')
    expect(fields).not.toHaveProperty('sessions.0.id')
  })
})

describe('editActivity', () => {
  it('replaces the settings, bumps the version and keeps the timeline with the sessions', () => {
    const a = activity()
    const later = { id: 's2', startAt: at(6 * DAY), endAt: at(6 * DAY + 3 * HOUR), seats: 50 }
    const change = editActivity(
      a,
      settingsOf(a, { title: '新标题', sessions: [a.sessions[0], later] }),
      3,
      NO_USE,
      'staff2',
      NOW,
    )
    expect(change).toMatchObject({
      title: '新标题',
      version: 4,
      updatedAt: NOW,
      updatedBy: 'staff2',
      firstSessionAt: a.sessions[0].startAt,
      lastSessionEndAt: later.endAt,
    })
  })

  it('is a CONFLICT from a stale version', () => {
    const a = activity()
    expect(refusal(() => editActivity(a, settingsOf(a), 2, NO_USE, 's', NOW)).code).toBe('CONFLICT')
  })

  it('refuses to edit a cancelled activity', () => {
    const a = activity({ status: 'cancelled' })
    expect(refusal(() => editActivity(a, settingsOf(a), 3, NO_USE, 's', NOW)).code).toBe(
      'INVALID_STATE',
    )
  })

  it('locks the allocation once signup has opened, not before, and not for a draft', () => {
    const open = activity()
    const toFirstCome = (a: ActivityRecord) =>
      settingsOf(a, { allocation: 'first-come', drawAt: null })
    const error = refusal(() => editActivity(open, toFirstCome(open), 3, NO_USE, 's', NOW))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fields?.allocation).toBe('报名开始后不能更改分配方式')

    const upcoming = activity({ signupOpensAt: at(HOUR) })
    const next = { ...toFirstCome(upcoming), signupOpensAt: at(HOUR) }
    expect(editActivity(upcoming, next, 3, NO_USE, 's', NOW).allocation).toBe('first-come')

    const draft = activity({ status: 'draft' })
    expect(editActivity(draft, toFirstCome(draft), 3, NO_USE, 's', NOW).allocation).toBe(
      'first-come',
    )
  })

  it('refuses to remove a session that holds entries, allows removing an empty one', () => {
    const a = activity()
    const onlyS1 = settingsOf(a, { sessions: [a.sessions[0]] })
    const held: SessionUse = new Map([['s2', { seats: 0, entries: 1 }]])
    expect(refusal(() => editActivity(a, onlyS1, 3, held, 's', NOW)).fields?.sessions).toBe(
      '已有报名的场次不能删除',
    )
    const empty: SessionUse = new Map([['s2', { seats: 0, entries: 0 }]])
    expect(editActivity(a, onlyS1, 3, empty, 's', NOW).sessions?.map((s) => s.id)).toEqual(['s1'])
  })

  it('refuses seats below those already taken, allows exactly that many', () => {
    const a = activity({ allocation: 'first-come', drawAt: null })
    const use: SessionUse = new Map([['s1', { seats: 40, entries: 25 }]])
    const to = (seats: number) =>
      settingsOf(a, { sessions: [{ ...a.sessions[0], seats }, a.sessions[1]] })
    const error = refusal(() => editActivity(a, to(39), 3, use, 's', NOW))
    expect(error.fields?.['sessions.0.seats']).toBe('已有40个名额被占用，名额不能少于此数')
    expect(editActivity(a, to(40), 3, use, 's', NOW).sessions?.[0].seats).toBe(40)
  })

  it('keeps the ids of kept sessions and numbers new ones after the highest', () => {
    const a = activity({
      sessions: [
        { id: 's1', startAt: at(3 * DAY), endAt: at(3 * DAY + HOUR), seats: 10 },
        { id: 's3', startAt: at(4 * DAY), endAt: at(4 * DAY + HOUR), seats: 10 },
      ],
    })
    const fresh = (days: number) => ({
      startAt: at(days * DAY),
      endAt: at(days * DAY + HOUR),
      seats: 10,
    })
    const change = editActivity(
      a,
      settingsOf(a, { sessions: [fresh(5), a.sessions[1], fresh(6)] }),
      3,
      NO_USE,
      's',
      NOW,
    )
    // s1 went (no entries), s3 stays s3, the new ones follow the highest id there was.
    expect(change.sessions?.map((s) => s.id)).toEqual(['s4', 's3', 's5'])
  })

  it('refuses a new session in the past even on a running activity', () => {
    const a = activity()
    const past = { startAt: at(-HOUR), endAt: at(HOUR), seats: 10 }
    const error = refusal(() =>
      editActivity(a, settingsOf(a, { sessions: [...a.sessions, past] }), 3, NO_USE, 's', NOW),
    )
    expect(error.fields?.['sessions.2.startAt']).toBe('场次开始时间已过')
  })
})

describe('session ids', () => {
  it('never gives a removed session’s id to a new one', () => {
    const a = activity({ sessionsIssued: 2 })
    const withoutS2 = editActivity(
      a,
      settingsOf(a, { sessions: [{ ...a.sessions[0] }] }),
      a.version,
      NO_USE,
      'staff',
      NOW,
    )
    const after = { ...a, ...withoutS2 } as ActivityRecord
    const added = editActivity(
      after,
      settingsOf(after, {
        sessions: [
          ...after.sessions.map((s) => ({ ...s })),
          { startAt: at(5 * DAY), endAt: at(5 * DAY + HOUR), seats: 20 },
        ],
      }),
      after.version,
      NO_USE,
      'staff',
      NOW,
    )
    expect(added.sessions?.map((s) => s.id)).toEqual(['s1', 's3'])
    expect(added.sessionsIssued).toBe(3)
  })
})

describe('phaseOf and nextTime', () => {
  const opens = at(HOUR)
  const closes = at(DAY)
  const draw = at(DAY + HOUR)
  const s1 = { id: 's1', startAt: at(3 * DAY), endAt: at(3 * DAY + 2 * HOUR), seats: 10 }
  const s2 = { id: 's2', startAt: at(4 * DAY), endAt: at(4 * DAY + 2 * HOUR), seats: 10 }
  const a = activity({
    signupOpensAt: opens,
    signupClosesAt: closes,
    drawAt: draw,
    sessions: [s2, s1],
    firstSessionAt: s1.startAt,
    lastSessionEndAt: s2.endAt,
  })
  const just = (t: Date, ms: number) => new Date(t.getTime() + ms)
  const iso = (t: Date) => t.toISOString()

  it.each([
    ['before the window', just(opens, -1), 'upcoming', { kind: 'opens', at: iso(opens) }],
    ['the instant it opens', opens, 'open', { kind: 'closes', at: iso(closes) }],
    ['the last moment it is open', just(closes, -1), 'open', { kind: 'closes', at: iso(closes) }],
    ['the instant it closes', closes, 'closed', { kind: 'draw', at: iso(draw) }],
    ['the instant of the draw', draw, 'closed', { kind: 'starts', at: iso(s1.startAt) }],
    ['the instant s1 starts', s1.startAt, 'closed', { kind: 'starts', at: iso(s2.startAt) }],
    ['while s2, the last, runs', s2.startAt, 'closed', { kind: 'ongoing', at: iso(s2.endAt) }],
    ['the instant s2 ends', s2.endAt, 'finished', { kind: 'ended', at: null }],
  ] as const)('%s', (_label, now, phase, next) => {
    expect(phaseOf(a, now)).toBe(phase)
    expect(nextTime(a, now)).toEqual(next)
  })

  it('stays closed while the last session runs, and is finished the instant it ends', () => {
    expect(phaseOf(a, s2.startAt)).toBe('closed')
    expect(phaseOf(a, just(s2.endAt, -1))).toBe('closed')
    expect(phaseOf(a, s2.endAt)).toBe('finished')
  })

  it('a first-come activity goes from closed straight to its first session', () => {
    const firstCome = { ...a, allocation: 'first-come' as const, drawAt: null }
    expect(nextTime(firstCome, closes)).toEqual({ kind: 'starts', at: iso(s1.startAt) })
  })

  it('a draft is a draft and a cancelled activity cancelled, whatever the clock', () => {
    const draft = { ...a, status: 'draft' as const }
    expect(phaseOf(draft, at(2 * DAY))).toBe('draft')
    expect(nextTime(draft, at(2 * DAY))).toEqual({ kind: 'opens', at: iso(opens) })
    const cancelled = { ...a, status: 'cancelled' as const }
    for (const now of [NOW, at(2 * DAY), at(10 * DAY)]) {
      expect(phaseOf(cancelled, now)).toBe('cancelled')
      expect(nextTime(cancelled, now)).toEqual({ kind: 'cancelled', at: null })
    }
  })
})

describe('cancelDeadline', () => {
  it('is the cut-off hours before the session starts', () => {
    const a = activity({ cancelCutoffHours: 24 })
    expect(cancelDeadline(a, a.sessions[1])).toEqual(
      new Date(a.sessions[1].startAt.getTime() - DAY),
    )
  })

  it('is the start itself with no cut-off', () => {
    const a = activity({ cancelCutoffHours: 0 })
    expect(cancelDeadline(a, a.sessions[0])).toEqual(a.sessions[0].startAt)
  })
})

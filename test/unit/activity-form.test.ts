/**
 * The staff activity editor's form module (src/admin/activity-edit/form.ts), pure: the form
 * into the create/update request, a ManagedActivity back into the form, Beijing wall-clock
 * times into instants while the process runs in UTC, and where the server's messages go.
 */
import type { ManagedActivity } from '@contract'
import { DEFAULT_TICKET_POLICY } from '../../cloudfunctions/domain/ticket'
import {
  type ActivityForm,
  PLACED_PATHS,
  addSession,
  changeSession,
  editorActions,
  emptyForm,
  endsNextDay,
  errorsAfterEdit,
  formOf,
  isDirty,
  publishPrompt,
  removeSession,
  requestOf,
} from '@/admin/activity-edit/form'
import { messageAt, messagesUnder, unplacedMessages } from '@/admin/components/field-paths'

function filled(): ActivityForm {
  const form = emptyForm()
  return {
    ...form,
    title: ' 杂技剧《山水相依》 ',
    description: '省职工服务中心公益演出',
    placeName: '杭州运河大剧院',
    placeAddress: '杭州市拱墅区',
    sessions: [
      {
        ...form.sessions[0],
        date: '2025-06-16',
        startTime: '19:30',
        endTime: '21:30',
        seats: '300',
      },
    ],
    opens: { date: '2025-06-13', time: '09:00' },
    closes: { date: '2025-06-14', time: '18:00' },
    draw: { date: '2025-06-15', time: '10:00' },
    partyMaxSize: '2',
  }
}

function managed(fields: Partial<ManagedActivity> = {}): ManagedActivity {
  return {
    id: 'act-1',
    title: '杂技儿童剧《森林奇境》',
    category: 'show',
    allocation: 'lottery',
    phase: 'draft',
    placeName: '杭州运河大剧院',
    firstSessionAt: '2025-06-17T11:00:00.000Z',
    next: { kind: 'opens', at: '2025-06-12T16:00:00.000Z' },
    posterUrl: null,
    posterFileId: null,
    draw: null,
    description: '亲子场',
    place: { name: '杭州运河大剧院', address: '杭州市拱墅区' },
    sessions: [
      {
        id: 's1',
        startAt: '2025-06-17T11:00:00.000Z',
        endAt: '2025-06-17T12:30:00.000Z',
        seats: 200,
        seatsLeft: null,
        entries: 12,
      },
    ],
    signupOpensAt: '2025-06-12T16:00:00.000Z',
    signupClosesAt: '2025-06-14T10:00:00.000Z',
    drawAt: '2025-06-15T02:00:00.000Z',
    party: { maxSize: 3, family: { childMinAge: 3, childMaxAge: 12 } },
    eligibility: { winsPerMonth: 1 },
    cancelCutoffHours: 24,
    ticketPolicy: DEFAULT_TICKET_POLICY,
    cancelReason: null,
    myEntry: null,
    status: 'draft',
    version: 4,
    createdAt: '2025-06-01T00:00:00.000Z',
    updatedAt: '2025-06-02T00:00:00.000Z',
    ...fields,
  }
}

function built(form: ActivityForm) {
  const result = requestOf(form)
  if (!result.ok) throw new Error(`form did not build: ${JSON.stringify(result.errors)}`)
  return result.request
}

describe('the activity form while the process runs in UTC', () => {
  it('runs with TZ=UTC, so a slip to the machine clock would show', () => {
    expect(new Date('2025-06-13T00:00:00').toISOString()).toBe('2025-06-13T00:00:00.000Z')
  })

  it('sends Beijing wall-clock times as instants with +08:00', () => {
    const request = built(filled())
    expect(request.signupOpensAt).toBe('2025-06-13T09:00:00+08:00')
    expect(request.sessions[0]).toEqual({
      startAt: '2025-06-16T19:30:00+08:00',
      endAt: '2025-06-16T21:30:00+08:00',
      seats: 300,
    })
  })

  it('puts a Beijing time before 08:00 on the UTC day before, and back', () => {
    const form = filled()
    form.opens = { date: '2025-06-13', time: '00:00' }
    form.sessions = [
      { ...form.sessions[0], date: '2025-06-16', startTime: '07:30', endTime: '09:00' },
    ]
    const request = built(form)
    expect(new Date(request.signupOpensAt).toISOString()).toBe('2025-06-12T16:00:00.000Z')
    expect(new Date(request.sessions[0].startAt).toISOString()).toBe('2025-06-15T23:30:00.000Z')

    const back = formOf(
      managed({
        signupOpensAt: '2025-06-12T16:00:00.000Z',
        sessions: [
          {
            id: 's1',
            startAt: '2025-06-15T23:30:00.000Z',
            endAt: '2025-06-16T01:00:00.000Z',
            seats: 10,
            seatsLeft: null,
            entries: 0,
          },
        ],
      }),
    )
    expect(back.opens).toEqual({ date: '2025-06-13', time: '00:00' })
    expect(back.sessions[0]).toMatchObject({
      date: '2025-06-16',
      startTime: '07:30',
      endTime: '09:00',
    })
  })

  it('ends a session on the next day when its end time is before its start', () => {
    const form = changeSession(filled(), 0, { startTime: '22:30', endTime: '00:30' })
    expect(endsNextDay(form.sessions[0])).toBe(true)
    expect(built(form).sessions[0].endAt).toBe('2025-06-17T00:30:00+08:00')
    // …and reads back as the same row.
    const back = formOf(
      managed({
        sessions: [
          {
            id: 's1',
            startAt: '2025-06-16T14:30:00.000Z',
            endAt: '2025-06-16T16:30:00.000Z',
            seats: 10,
            seatsLeft: null,
            entries: 0,
          },
        ],
      }),
    )
    expect(back.sessions[0]).toMatchObject({
      date: '2025-06-16',
      startTime: '22:30',
      endTime: '00:30',
    })
    expect(built({ ...filled(), sessions: back.sessions }).sessions[0].endAt).toBe(
      '2025-06-17T00:30:00+08:00',
    )
  })
})

describe('building the request', () => {
  it('trims text and sends every field the contract asks for', () => {
    expect(built(filled())).toEqual({
      title: '杂技剧《山水相依》',
      category: 'show',
      posterFileId: null,
      description: '省职工服务中心公益演出',
      place: { name: '杭州运河大剧院', address: '杭州市拱墅区' },
      sessions: [
        { startAt: '2025-06-16T19:30:00+08:00', endAt: '2025-06-16T21:30:00+08:00', seats: 300 },
      ],
      allocation: 'lottery',
      signupOpensAt: '2025-06-13T09:00:00+08:00',
      signupClosesAt: '2025-06-14T18:00:00+08:00',
      drawAt: '2025-06-15T10:00:00+08:00',
      party: { maxSize: 2, family: null },
      eligibility: { winsPerMonth: null },
      cancelCutoffHours: 24,
    })
  })

  it('sends no draw time for first-come, and the ages only for a family show', () => {
    const firstCome = built({ ...filled(), allocation: 'first-come' })
    expect(firstCome.drawAt).toBeNull()
    const family = built({
      ...filled(),
      family: true,
      childMinAge: '4',
      childMaxAge: '10',
      winsPerMonth: '2',
    })
    expect(family.party).toEqual({ maxSize: 2, family: { childMinAge: 4, childMaxAge: 10 } })
    expect(family.eligibility).toEqual({ winsPerMonth: 2 })
  })

  it('keeps the id of a session read from the server and sends none for a new one', () => {
    const form = addSession(formOf(managed()))
    const withDate = changeSession(form, 1, { date: '2025-06-18', seats: '150' })
    const sessions = built(withDate).sessions
    expect(sessions[0]).toMatchObject({ id: 's1', seats: 200 })
    expect(sessions[1]).not.toHaveProperty('id')
    expect(sessions[1]).toMatchObject({ startAt: '2025-06-18T19:00:00+08:00', seats: 150 })
  })

  it('names what is missing under the paths the server uses', () => {
    const result = requestOf({ ...emptyForm(), partyMaxSize: 'x' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toMatchObject({
      title: '请填写标题',
      description: '请填写活动介绍',
      'place.name': '请填写地点名称',
      'place.address': '请填写地址',
      'sessions.0.startAt': '请选择场次日期和开始时间',
      'sessions.0.seats': '请填写名额',
      signupOpensAt: '请选择报名开始时间',
      signupClosesAt: '请选择报名截止时间',
      drawAt: '请选择抽签时间',
      'party.maxSize': '每份报名人数上限须为整数',
    })
    expect(result.errors).not.toHaveProperty('eligibility.winsPerMonth')
    const none = requestOf(removeSession(filled(), 0))
    expect(none.ok ? null : none.errors.sessions).toBe('请至少添加一个场次')
  })

  it('leaves the rules to the server: a window that closes before it opens still builds', () => {
    const form = { ...filled(), closes: { date: '2025-06-12', time: '09:00' } }
    expect(requestOf(form).ok).toBe(true)
  })
})

describe('a ManagedActivity back into the form', () => {
  it('reads every field, and builds the request the activity holds', () => {
    const a = managed()
    const form = formOf(a)
    expect(form).toMatchObject({
      title: a.title,
      allocation: 'lottery',
      opens: { date: '2025-06-13', time: '00:00' },
      closes: { date: '2025-06-14', time: '18:00' },
      draw: { date: '2025-06-15', time: '10:00' },
      partyMaxSize: '3',
      family: true,
      childMinAge: '3',
      childMaxAge: '12',
      winsPerMonth: '1',
      cancelCutoffHours: '24',
    })
    const request = built(form)
    expect(new Date(request.signupClosesAt).toISOString()).toBe(a.signupClosesAt)
    expect(new Date(request.sessions[0].startAt).toISOString()).toBe(a.sessions[0].startAt)
    expect(new Date(request.sessions[0].endAt).toISOString()).toBe(a.sessions[0].endAt)
    expect(new Date(request.drawAt ?? '').toISOString()).toBe(a.drawAt)
  })

  it('is clean as read and dirty once changed; an unsaved activity is always dirty', () => {
    const a = managed()
    expect(isDirty(formOf(a), a)).toBe(false)
    expect(isDirty({ ...formOf(a), title: '新标题' }, a)).toBe(true)
    expect(isDirty(changeSession(formOf(a), 0, { seats: '201' }), a)).toBe(true)
    expect(isDirty(formOf(a), undefined)).toBe(true)
  })
})

describe('the server’s messages', () => {
  const errors = {
    signupClosesAt: '报名截止时间须晚于报名开始时间',
    'sessions.1.startAt': '场次开始时间已过',
    'party.family.childMaxAge': '儿童最大年龄不能小于最小年龄',
    sessions: '已有报名的场次不能删除',
    version: '版本号无效',
  }

  it('go next to the field they name, rows by index, lists by their own key', () => {
    expect(messagesUnder(errors, 'signupClosesAt')).toEqual(['报名截止时间须晚于报名开始时间'])
    expect(messagesUnder(errors, 'sessions.1')).toEqual(['场次开始时间已过'])
    expect(messagesUnder(errors, 'sessions.0')).toEqual([])
    expect(messageAt(errors, 'sessions')).toEqual(['已有报名的场次不能删除'])
    expect(messagesUnder(errors, 'party.family')).toEqual(['儿童最大年龄不能小于最小年龄'])
  })

  it('with no field to go to are shown above the form', () => {
    expect(unplacedMessages(errors, PLACED_PATHS)).toEqual(['版本号无效'])
  })

  it('are dropped once the field they were about is edited', () => {
    expect(errorsAfterEdit(errors, 'closes')).not.toHaveProperty('signupClosesAt')
    expect(errorsAfterEdit(errors, 'childMaxAge')).not.toHaveProperty('party.family.childMaxAge')
    expect(errorsAfterEdit(errors, 'title')).toEqual(errors)
  })
})

describe('what staff may do and are told', () => {
  it('publishes drafts, cancels published activities, keeps cancelled and finished ones as they are', () => {
    expect(editorActions(undefined)).toEqual({ save: true, publish: true, cancel: false })
    expect(editorActions(managed())).toEqual({ save: true, publish: true, cancel: false })
    expect(editorActions(managed({ status: 'published', phase: 'open' }))).toEqual({
      save: true,
      publish: false,
      cancel: true,
    })
    expect(editorActions(managed({ status: 'published', phase: 'finished' }))).toEqual({
      save: false,
      publish: false,
      cancel: false,
    })
    expect(editorActions(managed({ status: 'cancelled', phase: 'cancelled' })).save).toBe(false)
  })

  it('says when signup opens, in Beijing time', () => {
    const now = new Date('2025-06-10T00:00:00Z')
    expect(publishPrompt('2025-06-12T16:00:00.000Z', '2025-06-14T10:00:00.000Z', now)).toContain(
      '将于2025年6月13日 00:00开放报名',
    )
    expect(publishPrompt('2025-06-01T00:00:00.000Z', '2025-06-14T10:00:00.000Z', now)).toContain(
      '立即开放报名，2025年6月14日 18:00截止',
    )
  })
})

describe('the ticket policy (中签与爽约)', () => {
  const own = {
    confirmHours: 48,
    offerHours: 6,
    noShowBan: { noShows: 3, withinDays: 90, banDays: 14 },
  }

  it('is left to the server’s default for a new activity', () => {
    expect(built(filled())).not.toHaveProperty('ticketPolicy')
  })

  it('goes back whole with an edit, so saving never resets it', () => {
    const form = { ...formOf(managed({ ticketPolicy: own })), sessions: filled().sessions }
    expect(built(form).ticketPolicy).toEqual(own)
  })

  it('takes the numbers typed, no ban when switched off, and names a bad one', () => {
    const form = formOf(managed({ ticketPolicy: own }))
    const policy = form.ticketPolicy
    if (!policy) throw new Error('an edited activity has its policy in the form')
    const off = {
      ...form,
      sessions: filled().sessions,
      ticketPolicy: { ...policy, ban: false, offerHours: '3' },
    }
    expect(built(off).ticketPolicy).toEqual({ confirmHours: 48, offerHours: 3, noShowBan: null })
    const bad = requestOf({ ...off, ticketPolicy: { ...policy, confirmHours: '1.5' } })
    expect(bad.ok ? null : bad.errors['ticketPolicy.confirmHours']).toBe('中签确认时限须为整数')
  })
})

import type { Companion, EntryStatus } from '../../cloudfunctions/contract/entry'
import type { ActivityRecord, SessionRecord } from '../../cloudfunctions/domain/activity'
import { entryIdFor, type EntryRecord } from '../../cloudfunctions/domain/entry'
import { seatIdFor, type SeatHolder, type SeatRecord } from '../../cloudfunctions/domain/seats'
import {
  addDays,
  atLocal,
  chineseDate,
  dayOf,
  local,
  nextWeekday,
} from '../../cloudfunctions/domain/time'
import type { MemberRecord } from '../../cloudfunctions/store/records'

/**
 * The activities of the centre's notice, with windows relative to today (Beijing): the tea
 * (first-come) and 《山水相依》 (lottery) open now, 《森林奇境》 closed and waiting for its draw
 * with a few hundred entries, and a lecture that finished last week. Every seeded seat is held
 * by an entry standing on it, so the seats taken equal the seats entries hold.
 */
export const ACTIVITY_IDS = {
  tea: 'activity-tea',
  shanshui: 'activity-shanshui',
  forest: 'activity-forest',
  lecture: 'activity-lecture',
  opera: 'activity-opera',
} as const

const SEEDER = 'seed'
const MINUTE = 60_000
const THEATRE = { name: '杭州运河大剧院', address: '杭州市拱墅区运河新城' }
const TEA_HOUSE = { name: '杭州茗庐茶文化体验馆', address: '杭州市西湖区龙井路' }
const CENTRE_HALL = { name: '省职工服务中心五楼报告厅', address: '杭州市西湖区学院路107号' }

/** The Beijing days of the notice's events: Monday ≥ 8 days ahead, the Tuesday and Saturday after. */
export function eventDays(now: Date): { acrobatics: string; childrensShow: string; tea: string } {
  const acrobatics = nextWeekday(now, 1, 8)
  return { acrobatics, childrensShow: addDays(acrobatics, 1), tea: addDays(acrobatics, 5) }
}

/** "6月13日 09:00": how a notice writes an instant. */
export function whenText(at: Date): string {
  return `${chineseDate(dayOf(at))} ${local(at).format('HH:mm')}`
}

export interface DemoActivities {
  tea: ActivityRecord
  shanshui: ActivityRecord
  forest: ActivityRecord
  lecture: ActivityRecord
  /** Drawn two days ago, its show starting within the next two hours: the door is open. */
  opera: ActivityRecord
}

type Settings = Omit<
  ActivityRecord,
  | '_id'
  | 'sessions'
  | 'firstSessionAt'
  | 'lastSessionEndAt'
  | 'status'
  | 'cancelReason'
  | 'version'
  | 'updatedAt'
  | 'createdBy'
  | 'updatedBy'
  | 'lastRequest'
  | 'posterFileId'
>

function activity(
  id: string,
  session: { day: string; from: string; to: string; seats: number } | SessionRecord,
  settings: Settings,
): ActivityRecord {
  const s: SessionRecord =
    'startAt' in session
      ? session
      : {
          id: 's1',
          startAt: atLocal(session.day, session.from),
          endAt: atLocal(session.day, session.to),
          seats: session.seats,
        }
  return {
    _id: id,
    posterFileId: null,
    ...settings,
    sessions: [s],
    firstSessionAt: s.startAt,
    lastSessionEndAt: s.endAt,
    status: 'published',
    cancelReason: null,
    version: 1,
    updatedAt: settings.createdAt,
    createdBy: SEEDER,
    updatedBy: SEEDER,
    lastRequest: null,
  }
}

function entry(
  a: ActivityRecord,
  member: MemberRecord,
  status: EntryStatus,
  companions: Companion[],
  createdAt: Date,
  seatRequest: string | null = null,
  updatedAt = createdAt,
): EntryRecord {
  return {
    _id: entryIdFor(a._id, member._id),
    activityId: a._id,
    memberId: member._id,
    sessionId: a.sessions[0].id,
    allocation: a.allocation,
    status,
    companions,
    partySize: companions.length + 1,
    byStaff: false,
    actor: SEEDER,
    cancelReason: null,
    seatRequest,
    sessionStartAt: a.sessions[0].startAt,
    version: 1,
    createdAt,
    updatedAt,
    lastRequest: null,
    requests: [],
  }
}

const ADULTS = ['林晓燕', '周志强', '陈雅琴', '黄立新', '吴海峰', '徐丽华', '孙文杰', '朱春梅']
const CHILDREN = ['小朵', '小树', '乐乐', '果果', '悠悠', '豆豆', '一诺', '子墨', '可欣', '安安']
const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE)

export function demoActivities(now: Date): DemoActivities {
  const today = dayOf(now)
  const day = (offset: number) => addDays(today, offset)
  const days = eventDays(now)

  const tea = activity(
    ACTIVITY_IDS.tea,
    { day: days.tea, from: '14:15', to: '16:15', seats: 30 },
    {
      title: '"六月风荷"行香茶会',
      category: 'tea',
      description:
        '荷风送香，以茶会友。茶艺师现场演示宋式点茶与行香礼仪，带大家亲手焚香、点茶，品鉴西湖龙井、径山茶等浙江名茶。\n\n活动免费，名额有限，先到先得；每份报名最多2人（含本人）。开场前24小时之前可取消，请提前15分钟到场签到。',
      place: TEA_HOUSE,
      allocation: 'first-come',
      signupOpensAt: atLocal(day(-1), '09:00'),
      signupClosesAt: atLocal(day(2), '20:00'),
      drawAt: null,
      party: { maxSize: 2, family: null },
      eligibility: { winsPerMonth: null },
      cancelCutoffHours: 24,
      createdAt: atLocal(day(-3), '15:00'),
    },
  )
  const shanshui = activity(
    ACTIVITY_IDS.shanshui,
    { day: days.acrobatics, from: '19:30', to: '21:00', seats: 200 },
    {
      title: '杂技剧《山水相依》',
      category: 'show',
      description:
        '杂技剧《山水相依》以杂技语汇讲述江南山水与人的故事，高空绸吊、柔术、蹬技与舞美交织，由专业杂技院团演出。\n\n本场免费向我省工会会员开放：报名截止后统一抽签，中签结果通过消息通知；每份报名最多2人（含本人），每位会员每月限中签1次。',
      place: THEATRE,
      allocation: 'lottery',
      signupOpensAt: atLocal(day(-1), '10:00'),
      signupClosesAt: atLocal(day(3), '20:00'),
      drawAt: atLocal(day(4), '10:00'),
      party: { maxSize: 2, family: null },
      eligibility: { winsPerMonth: 1 },
      cancelCutoffHours: 24,
      createdAt: atLocal(day(-3), '15:30'),
    },
  )
  const forest = activity(
    ACTIVITY_IDS.forest,
    { day: days.childrensShow, from: '19:00', to: '20:30', seats: 120 },
    {
      title: '杂技儿童剧《森林奇境》',
      category: 'show',
      description:
        '杂技儿童剧《森林奇境》讲述一群小动物在森林里探险的故事，杂技、魔术与童话相结合，适合3至12岁儿童观看。\n\n亲子场次：每份报名由一名家长带1至2名儿童（共不超过3人），儿童年龄须在3至12岁之间；同行儿童与报名人一同中签或一同未中签。',
      place: THEATRE,
      allocation: 'lottery',
      signupOpensAt: atLocal(day(-2), '10:00'),
      signupClosesAt: atLocal(day(-1), '20:00'),
      drawAt: atLocal(day(1), '10:00'),
      party: { maxSize: 3, family: { childMinAge: 3, childMaxAge: 12 } },
      eligibility: { winsPerMonth: null },
      cancelCutoffHours: 24,
      createdAt: atLocal(day(-3), '16:00'),
    },
  )
  const lecture = activity(
    ACTIVITY_IDS.lecture,
    { day: day(-7), from: '14:00', to: '16:00', seats: 10 },
    {
      title: '职工健康大讲堂：颈椎与腰椎保健',
      category: 'lecture',
      description:
        '邀请康复科医师讲解久坐办公人群颈椎、腰椎问题的成因与日常保健方法，并现场带大家做一套工间操。\n\n小班授课，报名截止后抽签，每份报名限本人。',
      place: CENTRE_HALL,
      allocation: 'lottery',
      signupOpensAt: atLocal(day(-14), '09:00'),
      signupClosesAt: atLocal(day(-10), '17:00'),
      drawAt: atLocal(day(-9), '10:00'),
      party: { maxSize: 1, family: null },
      eligibility: { winsPerMonth: null },
      cancelCutoffHours: 24,
      createdAt: atLocal(day(-15), '10:00'),
    },
  )
  // Starts on the quarter hour 60–75 minutes from now, so the door (open 2 h before) is open.
  const QUARTER = 15 * MINUTE
  const operaStart = new Date(Math.ceil((now.getTime() + 60 * MINUTE) / QUARTER) * QUARTER)
  const opera = activity(
    ACTIVITY_IDS.opera,
    { id: 's1', startAt: operaStart, endAt: minutesAfter(operaStart, 120), seats: 20 },
    {
      title: '越剧折子戏专场《十八相送》',
      category: 'show',
      description:
        '浙江越剧名家与青年演员同台，演出《梁山伯与祝英台·十八相送》《红楼梦·葬花》《五女拜寿》等经典折子戏。\n\n报名截止后已抽签，中签会员凭电子票入场，请提前到场检票；有人退票时按候补顺序递补。',
      place: CENTRE_HALL,
      allocation: 'lottery',
      signupOpensAt: minutesAfter(now, -6 * 24 * 60),
      signupClosesAt: minutesAfter(now, -3 * 24 * 60),
      drawAt: minutesAfter(now, -2 * 24 * 60),
      party: { maxSize: 2, family: null },
      eligibility: { winsPerMonth: null },
      cancelCutoffHours: 2,
      createdAt: minutesAfter(now, -7 * 24 * 60),
    },
  )
  return { tea, shanshui, forest, lecture, opera }
}

/**
 * Who signed up already. `registry` are the made-up registry members, `dev` the dev member's own
 * record: it has no entry in the two open activities (the demo signs it up), a pending one in
 * 《森林奇境》 and a lost one in the lecture, neither of which counts against a monthly cap.
 * Members holding a seat this month (tea, lecture) are not among 《山水相依》's, whose cap is 1.
 */
export function demoSignups(
  { tea, shanshui, forest, lecture, opera }: DemoActivities,
  registry: MemberRecord[],
  dev: MemberRecord,
): { entries: EntryRecord[]; seats: SeatRecord[] } {
  // The tea: six registry members took 9 seats yesterday; each holder names its entry's request.
  const teaEntries: EntryRecord[] = []
  const holders: Record<string, SeatHolder> = {}
  registry.slice(0, 6).forEach((member, i) => {
    const companions = i % 2 === 0 ? [{ name: ADULTS[i] }] : []
    const at = minutesAfter(tea.signupOpensAt, 1 + i * 7)
    const request = `seed-tea-${i + 1}`
    const e = entry(tea, member, 'confirmed', companions, at, request)
    teaEntries.push(e)
    holders[member._id] = {
      entry: e._id,
      size: e.partySize,
      companions,
      request,
      byStaff: false,
      actor: SEEDER,
      at,
    }
  })
  const teaSeat: SeatRecord = {
    _id: seatIdFor(tea._id, 's1'),
    activityId: tea._id,
    sessionId: 's1',
    seats: tea.sessions[0].seats,
    taken: teaEntries.reduce((sum, e) => sum + e.partySize, 0),
    holders,
  }

  // 《山水相依》: forty entries so far, none of them holding a seat this month.
  const shanshuiEntries = registry
    .slice(10, 50)
    .map((member, i) =>
      entry(
        shanshui,
        member,
        'pending',
        i % 3 === 0 ? [{ name: ADULTS[i % ADULTS.length] }] : [],
        minutesAfter(shanshui.signupOpensAt, 5 + i * 13),
      ),
    )

  // 《森林奇境》: the dev member and 299 registry members, each with one or two children aged 3–12.
  const forestEntries = [dev, ...registry.slice(0, 299)].map((member, i) => {
    const surname = member.name.slice(0, 1)
    const children = Array.from({ length: i % 3 === 0 ? 2 : 1 }, (_, k) => ({
      name: `${surname}${CHILDREN[(i + k * 3) % CHILDREN.length]}`,
      age: 3 + ((i * 5 + k * 4) % 10),
    }))
    return entry(forest, member, 'pending', children, minutesAfter(forest.signupOpensAt, 2 + i * 6))
  })

  // The lecture: ten won and came; the other five lost, the dev member among them.
  const lectureEntries = [...registry.slice(50, 64), dev].map((member, i) => {
    const won = i < lecture.sessions[0].seats
    const created = minutesAfter(lecture.signupOpensAt, 10 + i * 30)
    const updated = won ? minutesAfter(lecture.firstSessionAt, -10 + i) : lecture.drawAt
    return entry(lecture, member, won ? 'checkedIn' : 'lost', [], created, null, updated ?? created)
  })

  // The opera: thirty registry members and the dev member entered; the draw decides (draws.ts).
  const operaEntries = [...registry.slice(64, 94), dev].map((member, i) =>
    entry(
      opera,
      member,
      'pending',
      i % 4 === 1 ? [{ name: ADULTS[i % ADULTS.length] }] : [],
      minutesAfter(opera.signupOpensAt, 20 + i * 37),
    ),
  )

  return {
    entries: [
      ...teaEntries,
      ...shanshuiEntries,
      ...forestEntries,
      ...lectureEntries,
      ...operaEntries,
    ],
    seats: [teaSeat],
  }
}

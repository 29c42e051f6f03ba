import type { ActivityRecord } from '../../cloudfunctions/domain/activity'
import type { NoticeRecord } from '../../cloudfunctions/domain/notice'
import {
  addDays,
  atLocal,
  chineseDate,
  chineseDateWithWeekday,
  dayOf,
} from '../../cloudfunctions/domain/time'
import type { BindingRecord, GrantRecord } from '../../cloudfunctions/store/records'
import { demoActivities, demoSignups, eventDays, whenText } from './activities'
import { demoDraws } from './draws'
import { demoVenues, pingPongDays } from './venues'
import { seededBookingReminders } from './reminders'
import { idNumberOf, memberRecord, registryPeople, type RegistryPerson } from './registry'

/**
 * Demo data for the local cloud: the centre's notice of its events (three shows and the
 * ping-pong booking) and their activities (cloud/seed/activities.ts) with every date relative to
 * `now` in Beijing time, and one dev identity per kind of user. Never part of a deployed function.
 */
export type DevRole = 'member' | 'unverified' | 'staff' | 'checker' | 'admin'

export interface DevIdentity {
  openid: string
  role: DevRole
  name: string
  phone: string
  /** The clear ID number of a dev identity that is in the registry, for trying 会员认证. */
  idNumber?: string
}

/** How many made-up members the demo registry holds besides the dev identities. */
export const REGISTRY_SIZE = 300

export interface DemoData {
  collections: Record<string, Record<string, unknown>[]>
  identities: DevIdentity[]
}

export const CENTRE = {
  name: '省职工服务中心',
  address: '杭州市西湖区学院路107号',
  phone: '0571-56000319',
}

const SEEDER = 'seed'

export function demoData(now: Date): DemoData {
  const today = dayOf(now)
  const { acrobatics, childrensShow, tea } = eventDays(now)
  const activities = demoActivities(now)
  const signupWindow = ({ signupOpensAt, signupClosesAt }: ActivityRecord) =>
    `报名时间：${whenText(signupOpensAt)}至${whenText(signupClosesAt)}`
  // The notice states the venue's own opening days (cloud/seed/venues.ts).
  const pingPong = pingPongDays(now)
  const contact = `${CENTRE.name}\n地址：${CENTRE.address}\n咨询电话：${CENTRE.phone}（工作日）`

  const notice = (
    id: string,
    fields: Pick<NoticeRecord, 'title' | 'body' | 'status' | 'publishAt'> & { pinned?: boolean },
    createdAt: Date,
  ): NoticeRecord => ({
    _id: id,
    posterFileId: null,
    pinned: false,
    version: 1,
    createdAt,
    updatedAt: createdAt,
    createdBy: SEEDER,
    updatedBy: SEEDER,
    ...fields,
  })

  const twoDaysAgo = atLocal(addDays(today, -2), '09:00')
  const yesterday = atLocal(addDays(today, -1), '10:00')
  const threeHoursAgo = new Date(now.getTime() - 3 * 3600_000)

  const notices: NoticeRecord[] = [
    notice(
      'notice-events',
      {
        title: `${CENTRE.name}近期公益活动报名通知`,
        status: 'published',
        publishAt: twoDaysAgo,
        pinned: true,
        body: [
          `为丰富职工文化生活，${CENTRE.name}近期推出以下免费公益活动：`,
          `一、杂技剧《山水相依》\n时间：${chineseDateWithWeekday(acrobatics)} 19:30\n地点：杭州运河大剧院\n${signupWindow(activities.shanshui)}，截止后统一抽签。`,
          `二、杂技儿童剧《森林奇境》\n时间：${chineseDateWithWeekday(childrensShow)} 19:00\n地点：杭州运河大剧院\n儿童须由一名家长陪同，同行人与报名人一同抽签。\n${signupWindow(activities.forest)}。`,
          `三、"六月风荷"行香茶会\n时间：${chineseDateWithWeekday(tea)} 14:15\n地点：杭州茗庐茶文化体验馆\n名额有限，先到先得。\n${signupWindow(activities.tea)}。`,
          `四、乒乓球场地预约\n时间：${chineseDate(pingPong.from)}至${chineseDate(pingPong.to)}，每天12:00–20:30\n地点：${CENTRE.name}三楼展厅\n按时段预约。`,
          '报名对象：我省工会会员\n报名方式：在本小程序“活动”页报名，或致电中心由工作人员代为报名。',
          contact,
        ].join('\n\n'),
      },
      twoDaysAgo,
    ),
    notice(
      'notice-acrobatics',
      {
        title: '杂技剧《山水相依》',
        status: 'published',
        publishAt: yesterday,
        body: [
          `演出时间：${chineseDateWithWeekday(acrobatics)} 19:30\n演出地点：杭州运河大剧院`,
          `${signupWindow(activities.shanshui)}\n报名对象：我省工会会员\n报名截止后统一抽签，中签结果将通过消息通知。`,
          contact,
        ].join('\n\n'),
      },
      yesterday,
    ),
    notice(
      'notice-ping-pong',
      {
        title: '乒乓球场地预约',
        status: 'published',
        publishAt: threeHoursAgo,
        body: [
          `开放时间：${chineseDate(pingPong.from)}至${chineseDate(pingPong.to)}，每天12:00–20:30\n地点：${CENTRE.name}三楼展厅`,
          '预约对象：我省工会会员，免费。\n按时段预约，预约后请按时到场签到；如不能到场请提前取消。',
          contact,
        ].join('\n\n'),
      },
      threeHoursAgo,
    ),
    notice(
      'notice-tea',
      {
        title: '"六月风荷"行香茶会',
        status: 'published',
        publishAt: atLocal(addDays(today, 2), '09:00'),
        body: [
          `活动时间：${chineseDateWithWeekday(tea)} 14:15\n活动地点：杭州茗庐茶文化体验馆`,
          `报名对象：我省工会会员\n名额有限，先到先得。\n${signupWindow(activities.tea)}。`,
          contact,
        ].join('\n\n'),
      },
      yesterday,
    ),
    notice(
      'notice-forest',
      {
        title: '杂技儿童剧《森林奇境》',
        status: 'draft',
        publishAt: null,
        body: [
          `演出时间：${chineseDateWithWeekday(childrensShow)} 19:00\n演出地点：杭州运河大剧院`,
          '报名对象：我省工会会员及其子女。儿童须由一名家长陪同，同行人与报名人一同中签或一同未中签。',
          contact,
        ].join('\n\n'),
      },
      threeHoursAgo,
    ),
  ]

  const identities: DevIdentity[] = [
    {
      openid: 'dev-member-1',
      role: 'member',
      name: '王建国',
      phone: '13800000001',
      idNumber: idNumberOf('330106', '19780512', 31),
    },
    {
      openid: 'dev-member-2',
      role: 'unverified',
      name: '李秀英',
      phone: '13800000002',
      idNumber: idNumberOf('330102', '19850923', 42),
    },
    { openid: 'dev-staff-1', role: 'staff', name: '陈立', phone: '13800000003' },
    { openid: 'dev-checker-1', role: 'checker', name: '赵敏', phone: '13800000004' },
    { openid: 'dev-admin-1', role: 'admin', name: '刘洋', phone: '13800000005' },
  ]

  const registered = (id: DevIdentity, unit: string, cardNo: string): RegistryPerson => ({
    name: id.name,
    idNumber: id.idNumber ?? '',
    phone: id.phone,
    unit,
    cardNo,
  })
  const [member1, member2] = [
    memberRecord(registered(identities[0], '浙江省总工会机关工会', 'ZJ0000000001'), twoDaysAgo),
    memberRecord(registered(identities[1], '杭州市西湖区总工会', 'ZJ0000000002'), twoDaysAgo),
  ]
  const registry = registryPeople(REGISTRY_SIZE).map((person) => memberRecord(person, twoDaysAgo))
  const members = [member1, member2, ...registry]
  const signups = demoSignups(activities, registry, member1)
  const draws = demoDraws(activities, signups.entries, members, member1._id, now)
  const venues = demoVenues(now, {
    registry,
    devMember: member1,
    devOpenid: identities[0].openid,
    phone: CENTRE.phone,
  })

  // The unverified member is in the registry but not yet bound, so verification can be tried.
  const bindings: BindingRecord[] = [
    { _id: 'dev-member-1', memberId: member1._id, boundAt: yesterday },
  ]

  const grants: GrantRecord[] = [
    { _id: 'dev-staff-1', roles: ['staff'], grantedBy: SEEDER, grantedAt: twoDaysAgo },
    { _id: 'dev-checker-1', roles: ['checker'], grantedBy: SEEDER, grantedAt: twoDaysAgo },
    { _id: 'dev-admin-1', roles: ['admin'], grantedBy: SEEDER, grantedAt: twoDaysAgo },
  ]

  return {
    collections: {
      notices: loose(notices),
      members: loose(members),
      bindings: loose(bindings),
      grants: loose(grants),
      activities: loose(
        Object.values(activities).map((a) => ({ ...a, ...draws.marks.get(a._id) })),
      ),
      entries: loose(draws.entries),
      seats: loose([...signups.seats, ...draws.seats]),
      messages: loose([
        ...draws.messages,
        ...seededBookingReminders(venues.venues, venues.bookings, now),
      ]),
      drawSecrets: loose(draws.secrets),
      draws: loose(draws.draws),
      venues: loose(venues.venues),
      bookings: loose(venues.bookings),
      bookingCounters: loose(venues.bookingCounters),
      credit: loose(venues.credit),
      requests: [],
      verifications: [],
      audit: [],
    },
    identities,
  }
}

/** Typed records widened to the loose documents the local cloud's seeder takes. */
function loose<T extends object>(records: T[]): Record<string, unknown>[] {
  return records.map((record) => Object.fromEntries(Object.entries(record)))
}

import type { ActivityFields } from '../../cloudfunctions/contract'
import type { CloudApp } from './cloud'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Settings of an activity whose signup window is open now (opened an hour ago, closes in a
 * day), sessions a few days ahead: what tests change is passed as `over`.
 */
export function openActivity(
  now: number,
  over: Partial<ActivityFields> = {},
): ActivityFields & Record<string, unknown> {
  const iso = (ms: number) => new Date(ms).toISOString()
  const allocation = over.allocation ?? 'first-come'
  return {
    title: '"六月风荷"行香茶会',
    category: 'tea',
    description: '茶会体验，名额有限。',
    place: { name: '杭州茗庐茶文化体验馆', address: '杭州市西湖区' },
    sessions: [{ startAt: iso(now + 3 * DAY), endAt: iso(now + 3 * DAY + 2 * HOUR), seats: 10 }],
    allocation,
    signupOpensAt: iso(now - HOUR),
    signupClosesAt: iso(now + DAY),
    drawAt: allocation === 'lottery' ? iso(now + DAY + HOUR) : null,
    party: { maxSize: 3, family: null },
    eligibility: { winsPerMonth: null },
    cancelCutoffHours: 24,
    ...over,
  }
}

export interface SeededMember {
  memberId: string
  openid: string
}

/**
 * Verified members straight into the database (registry row + binding), as an import plus
 * 会员认证 would leave them: rush tests need thousands, which the API would take minutes to make.
 */
export async function seedVerifiedMembers(
  app: CloudApp,
  count: number,
  prefix = 'rush',
): Promise<SeededMember[]> {
  const db = app.database()
  const now = new Date()
  const members: SeededMember[] = []
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(5, '0')
    members.push({ memberId: `m_${prefix}${n}`, openid: `${prefix}-openid-${n}` })
  }
  const CHUNK = 50
  for (let i = 0; i < members.length; i += CHUNK) {
    await Promise.all(
      members.slice(i, i + CHUNK).flatMap(({ memberId, openid }, j) => [
        db.collection('members').add({
          _id: memberId,
          name: `会员${i + j}`,
          idHash: `hash-${memberId}`,
          idLast4: '0000',
          phone: '13800000000',
          unit: '测试基层工会',
          cardNo: `C${memberId}`,
          createdAt: now,
          updatedAt: now,
        }),
        db.collection('bindings').add({ _id: openid, memberId, boundAt: now, request: null }),
      ]),
    )
  }
  return members
}

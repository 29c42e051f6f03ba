import type { DrawRecord, MyEntry } from '@contract'

/** How many rows of a list the activity page shows before 查看全部. */
export const DRAW_ROWS_SHOWN = 20

/** The full lists of one session's draw (activity subpackage, so the main package stays as it is). */
export function drawListUrl(activityId: string, sessionId: string): string {
  return `/activity/draw/index?activityId=${encodeURIComponent(activityId)}&sessionId=${encodeURIComponent(sessionId)}`
}

/** 909afe8a…9145c8c3: enough to compare by eye; the whole hash is one tap away. */
export function shortHash(hash: string): string {
  return hash.length > 20 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash
}

/**
 * 您的抽签权重：3（连续 2 次未中签）, from the server's reason 连续 2 次未中签 → 权重 3 (the arrow's
 * right side repeats the number, so it is dropped).
 */
export function weightText(weight: NonNullable<MyEntry['weight']>): string {
  const why = weight.reason.split('→')[0].trim()
  return why ? `您的抽签权重：${weight.value}（${why}）` : `您的抽签权重：${weight.value}`
}

/** A kept-out entry's reason as its member reads it (the server starts it with 未参加抽签). */
export function lostReasonText(reason: string): string {
  return reason.startsWith('未参加抽签') ? reason : `未中签原因：${reason}`
}

export interface DrawRow {
  id: string
  /** 1-based place in its list (入选 in draw order, 候补第 N 位). */
  place: number
  label: string
  size: number
  weight: number
}

/** The record's winners and waitlist as rows, each with its masked name, party and weight. */
export function drawRows(record: DrawRecord): { winners: DrawRow[]; waitlist: DrawRow[] } {
  const byId = new Map(record.entries.map((e) => [e.id, e]))
  const rows = (ids: string[]) =>
    ids.map((id, i) => {
      const e = byId.get(id)
      return {
        id,
        place: i + 1,
        label: e?.label ?? '—',
        size: e?.size ?? 0,
        weight: e?.weight ?? 0,
      }
    })
  return { winners: rows(record.winners), waitlist: rows(record.waitlist) }
}

/** The people a list's parties add up to (seats are counted in people). */
export function peopleOf(record: DrawRecord): number {
  return record.entries.reduce((sum, e) => sum + e.size, 0)
}

/**
 * Where the member's own entry stands in a drawn record, in words: 入选名单第 2 位 /
 * 候补第 3 位; before the draw 已列入抽签名单; null when it is not in this session's list.
 */
export function myPlaceText(record: DrawRecord, myId: string | null): string | null {
  if (!myId) return null
  const won = record.winners.indexOf(myId)
  if (won >= 0) return `您的报名已中签（入选名单第 ${won + 1} 位）`
  const waiting = record.waitlist.indexOf(myId)
  if (waiting >= 0) return `您的报名未中签，候补第 ${waiting + 1} 位`
  if (record.entries.some((e) => e.id === myId)) {
    return record.seed === null ? '您的报名已列入本场抽签名单' : null
  }
  return null
}

import type { PolicyView, VenueDay } from '@contract'

/** The cells a member has picked: one table, slots one after another, in the day's order. */
export interface Selection {
  resourceId: string
  starts: string[]
}

/**
 * The most slots one booking may hold: the smallest cap of the policy. The server checks it
 * again; this only keeps a member from picking what can never pass.
 */
export function maxSlots(policy: PolicyView): number {
  const caps = [policy.perMemberDay, policy.perMemberWeek, policy.activeAtOnce]
  if (policy.perUnitDay !== null) caps.push(policy.perUnitDay)
  return Math.min(...caps)
}

export interface Picked {
  selection: Selection | null
  /** Why the selection is not simply the tap's cell added: said in a toast. */
  note?: string
}

/**
 * A tap on a free cell. Next to the picked run on the same table it extends the run (up to
 * `max`); on a picked end it drops that slot; anywhere else it starts again from this cell,
 * saying why when the member may have meant to add it.
 */
export function pick(
  day: Pick<VenueDay, 'rows'>,
  current: Selection | null,
  resourceId: string,
  start: string,
  max: number,
): Picked {
  const only = { selection: { resourceId, starts: [start] } }
  if (!current || max <= 1) return only
  if (current.resourceId !== resourceId)
    return { ...only, note: '一次预约的多个时段须在同一场地，已改选这个场地' }
  const order = day.rows.map((r) => r.start)
  const at = order.indexOf(start)
  const first = order.indexOf(current.starts[0])
  const last = order.indexOf(current.starts[current.starts.length - 1])
  if (current.starts.includes(start)) {
    if (at !== first && at !== last) return only
    const starts = current.starts.filter((s) => s !== start)
    return { selection: starts.length ? { resourceId, starts } : null }
  }
  if (at === first - 1 || at === last + 1) {
    if (current.starts.length >= max)
      return { selection: current, note: `一次最多预约${max}个相连的时段` }
    const starts = [...current.starts, start].sort((a, b) => order.indexOf(a) - order.indexOf(b))
    return { selection: { resourceId, starts } }
  }
  return { ...only, note: '多个时段须前后相连，已改选这个时段' }
}

/** The picked run as one span, e.g. 19:00–20:30, from the day's rows. */
export function spanOf(day: Pick<VenueDay, 'rows'>, selection: Selection): string {
  const rows = day.rows.filter((r) => selection.starts.includes(r.start))
  if (rows.length === 0) return ''
  return `${rows[0].start}–${rows[rows.length - 1].end}`
}

import type { ManagedActivity } from '@contract'
import { phaseBadge, type BadgeView } from '@/utils/activity-labels'

/** What staff read as an activity's state: 草稿 and 已取消 are theirs, the rest is the clock's. */
export function managedStatus(activity: ManagedActivity): BadgeView {
  if (activity.status === 'draft') return { text: '草稿', tone: 'grey' }
  if (activity.status === 'cancelled') return { text: '已取消', tone: 'grey' }
  return phaseBadge(activity.phase, activity.allocation)
}

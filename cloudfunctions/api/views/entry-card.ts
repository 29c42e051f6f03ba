import type { EntryStatus, EntryStatusCard } from '../../contract/entry'
import type { ActivityRecord } from '../../domain/activity'
import type { EntryRecord } from '../../domain/entry'
import { entryBasics } from './entry'

/** The status in the words the app and the messages use. */
export const ENTRY_STATUS_TEXT: Record<EntryStatus, string> = {
  confirmed: '报名成功',
  pending: '待抽签',
  won: '已中签',
  lost: '未中签',
  waitlisted: '候补中',
  offered: '递补待确认',
  cancelled: '已取消',
  checkedIn: '已签到',
  noShow: '爽约',
}

/**
 * What anyone but the entry's member sees: built field by field from the activity and the
 * entry's status, so nothing personal (name, member id, companions, ticket) can slip in.
 */
export function toEntryStatusCard(entry: EntryRecord, activity: ActivityRecord): EntryStatusCard {
  return {
    ...entryBasics(entry, activity),
    placeAddress: activity.place.address,
    status: entry.status,
    statusText: ENTRY_STATUS_TEXT[entry.status],
    partySize: entry.partySize,
    mine: false,
  }
}

import type { EntryStatus, EntryStatusCard, MyEntryView } from '@contract'
import type { ShareCard } from '@/api/share'
import { entryUrl } from '@/utils/routes'

/**
 * What the card says in the chat, in the owner's voice (they are the one sharing it): the
 * activity and where the entry stands. Never a name, a companion or the ticket code: the card
 * and the page it opens are for whoever is in the chat.
 */
const OWNER_TITLES: Record<EntryStatus, (title: string) => string> = {
  confirmed: (t) => `我已报名《${t}》`,
  pending: (t) => `我已报名《${t}》，等待抽签`,
  won: (t) => `我已中签《${t}》`,
  lost: (t) => `《${t}》抽签结果：未中签`,
  waitlisted: (t) => `我在《${t}》候补中`,
  offered: (t) => `我获得了《${t}》的递补名额`,
  cancelled: (t) => `《${t}》报名已取消`,
  checkedIn: (t) => `我已到场《${t}》`,
  noShow: (t) => `《${t}》报名状态`,
}

export function entryShareCard(
  view: MyEntryView | EntryStatusCard | undefined,
  id: string,
): ShareCard {
  if (!view) return { title: '浙工服务 · 报名状态', path: entryUrl(id) }
  // Someone else forwarding it speaks of the entry, not as its owner.
  const title = view.mine
    ? OWNER_TITLES[view.status](view.activityTitle)
    : `《${view.activityTitle}》报名状态：${view.statusText}`
  return { title, path: entryUrl(view.id) }
}

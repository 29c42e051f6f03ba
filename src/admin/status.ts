import type { ManagedNotice } from '@contract'
import type { BadgeTone } from '@/components'
import { isFuture } from '@/utils/time'

export interface StatusView {
  text: string
  tone: BadgeTone
}

/** What staff read as a notice's state; 定时发布 is published with a publish time still ahead. */
export function noticeStatus(notice: ManagedNotice, now: Date = new Date()): StatusView {
  switch (notice.status) {
    case 'draft':
      return { text: '草稿', tone: 'grey' }
    case 'unpublished':
      return { text: '已下线', tone: 'grey' }
    case 'published':
      return notice.publishAt && isFuture(notice.publishAt, now)
        ? { text: '定时发布', tone: 'amber' }
        : { text: '已发布', tone: 'green' }
  }
}

import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import type { NoticeSummary } from '@contract'
import { Card } from '../card'
import { StatusBadge } from '../status-badge'
import { formatShanghai } from '@/utils/time'
import './index.scss'

interface Props {
  notice: NoticeSummary
  onTap: () => void
  /** Extra badges (staff see the life-cycle status). */
  badges?: ReactNode
}

export function NoticeCard({ notice, onTap, badges }: Props) {
  return (
    <Card
      title={notice.title}
      extra={
        notice.pinned || badges ? (
          <>
            {notice.pinned ? <StatusBadge text="置顶" tone="red" /> : null}
            {badges}
          </>
        ) : undefined
      }
      footer={notice.publishAt ? <Text>{formatShanghai(notice.publishAt)}</Text> : null}
      onTap={onTap}
    >
      {notice.excerpt ? <Text className="zg-notice-card__excerpt">{notice.excerpt}</Text> : null}
    </Card>
  )
}

import { Image, Text, View } from '@tarojs/components'
import type { ActivitySummary } from '@contract'
import { ALLOCATION_LABELS, CATEGORY_LABELS, phaseBadge } from '@/utils/activity-labels'
import { nextTimeText, sessionTime } from '@/activity/when'
import { Card } from '../card'
import { StatusBadge } from '../status-badge'
import './index.scss'

interface Props {
  activity: ActivitySummary
  onTap: () => void
}

/** One activity in a list: what, where, when, its phase in words, and the next time that matters. */
export function ActivityCard({ activity, onTap }: Props) {
  const phase = phaseBadge(activity.phase, activity.allocation)
  const next = nextTimeText(activity.next)
  return (
    <Card
      title={activity.title}
      extra={<StatusBadge text={phase.text} tone={phase.tone} />}
      footer={next ? <Text className="zg-activity-card__next">{next}</Text> : undefined}
      onTap={onTap}
    >
      <View className="zg-activity-card">
        {activity.posterUrl ? (
          <Image className="zg-activity-card__poster" src={activity.posterUrl} mode="aspectFill" />
        ) : null}
        <View className="zg-activity-card__lines">
          <Text className="zg-activity-card__kind">
            {CATEGORY_LABELS[activity.category]} · {ALLOCATION_LABELS[activity.allocation]}
          </Text>
          <Text className="zg-activity-card__line">{activity.placeName}</Text>
          <Text className="zg-activity-card__line">{sessionTime(activity.firstSessionAt)}</Text>
        </View>
      </View>
    </Card>
  )
}

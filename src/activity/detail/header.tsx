import { Image, Text, View } from '@tarojs/components'
import type { Activity } from '@contract'
import { StatusBadge } from '@/components'
import { ALLOCATION_LABELS, CATEGORY_LABELS, phaseBadge } from '@/utils/activity-labels'
import { nextTimeText } from '../when'

/** Poster, title, what kind of activity it is and where it stands, and its description. */
export function ActivityHeader({ activity }: { activity: Activity }) {
  const phase = phaseBadge(activity.phase, activity.allocation)
  const next = nextTimeText(activity.next)
  return (
    <View className="zg-activity__head">
      {activity.posterUrl ? (
        <Image className="zg-activity__poster" src={activity.posterUrl} mode="widthFix" />
      ) : null}
      <Text className="zg-activity__title">{activity.title}</Text>
      <View className="zg-activity__badges">
        <StatusBadge text={phase.text} tone={phase.tone} />
        <StatusBadge text={CATEGORY_LABELS[activity.category]} tone="grey" />
        <StatusBadge text={ALLOCATION_LABELS[activity.allocation]} tone="grey" />
      </View>
      {next ? <Text className="zg-activity__next">{next}</Text> : null}
      <Text className="zg-activity__desc" userSelect>
        {activity.description}
      </Text>
    </View>
  )
}

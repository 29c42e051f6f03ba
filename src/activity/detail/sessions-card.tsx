import { Text, View } from '@tarojs/components'
import type { Activity } from '@contract'
import { Card } from '@/components'
import { sessionSpan } from '../when'
import { seatsText } from './seats'

/** 场次: each session's time, its seats, and how many are left or how many have entered. */
export function SessionsCard({ activity }: { activity: Activity }) {
  return (
    <Card title="场次">
      <View className="zg-activity__sessions">
        {activity.sessions.map((s) => (
          <View key={s.id} className="zg-activity__session">
            <Text className="zg-activity__session-time">{sessionSpan(s.startAt, s.endAt)}</Text>
            <Text className="zg-activity__session-seats">
              共 {s.seats} 席 · {seatsText(s, activity.allocation)}
            </Text>
          </View>
        ))}
      </View>
    </Card>
  )
}

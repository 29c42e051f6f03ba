import { Text, View } from '@tarojs/components'
import type { Activity } from '@contract'
import { sessionSpan } from '../when'
import { isFull, seatsText } from './seats'

interface Props {
  activity: Activity
  value: string | null
  onChange: (sessionId: string) => void
}

/**
 * 场次 as a radio list with whole-row targets. The chosen row says 已选 in words, not only in
 * colour; a full first-come session cannot be chosen and says so.
 */
export function SessionPicker({ activity, value, onChange }: Props) {
  return (
    <View className="zg-signup__sessions">
      {activity.sessions.map((s) => {
        const full = isFull(s, activity.allocation)
        const on = s.id === value
        const cls = `zg-signup__session ${on ? 'zg-signup__session--on' : ''} ${full ? 'zg-signup__session--full' : ''}`
        return (
          <View key={s.id} className={cls} onClick={() => (full ? undefined : onChange(s.id))}>
            <Text className="zg-signup__radio">{on ? '●' : '○'}</Text>
            <View className="zg-signup__session-body">
              <Text className="zg-signup__session-time">{sessionSpan(s.startAt, s.endAt)}</Text>
              <Text className="zg-signup__session-seats">{seatsText(s, activity.allocation)}</Text>
            </View>
            {on ? <Text className="zg-signup__chosen">已选</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

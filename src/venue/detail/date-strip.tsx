import { ScrollView, Text, View } from '@tarojs/components'
import type { BookableDayView } from '@contract'
import { dayWord } from '@/utils/venue-labels'
import { opensWord } from '../words'

interface Props {
  days: readonly BookableDayView[]
  chosen: string
  onChoose: (date: string) => void
}

/** The bookable days; a day not open yet says when its slots open. The chosen one is ticked. */
export function DateStrip({ days, chosen, onChoose }: Props) {
  return (
    <ScrollView className="zg-days" scrollX enhanced showScrollbar={false}>
      <View className="zg-days__row">
        {days.map((d) => {
          const on = d.date === chosen
          const [, m, day] = d.date.split('-').map(Number)
          return (
            <View
              key={d.date}
              className={`zg-days__day ${on ? 'zg-days__day--on' : ''}`}
              onClick={() => onChoose(d.date)}
            >
              <Text className="zg-days__word">
                {on ? '✓ ' : ''}
                {dayWord(d.date)}
              </Text>
              <Text className="zg-days__date">
                {m}月{day}日
              </Text>
              <Text className="zg-days__state">{d.opened ? '可预约' : opensWord(d.opensAt)}</Text>
            </View>
          )
        })}
      </View>
    </ScrollView>
  )
}

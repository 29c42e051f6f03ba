import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '@/components'
import { countdown, countdownText, shortTime } from '../when'

interface Props {
  opensAt: string
  /** Called once when the countdown reaches zero: the page reloads and the form appears. */
  onOpen: () => void
}

/** 距开放报名还有 2天03小时04分05秒, ticking each second until signup opens. */
export function OpeningCountdown({ opensAt, onOpen }: Props) {
  const target = new Date(opensAt).getTime()
  const [now, setNow] = useState(() => Date.now())
  const onOpenRef = useRef(onOpen)
  onOpenRef.current = onOpen

  useEffect(() => {
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (t >= target) {
        clearInterval(timer)
        onOpenRef.current()
      }
    }, 1000)
    return () => clearInterval(timer)
  }, [target])

  const left = countdown(target, now)
  return (
    <Card title="即将开放报名">
      <View className="zg-activity__countdown">
        <Text className="zg-activity__countdown-label">距开放报名还有</Text>
        <Text className="zg-activity__countdown-time">{countdownText(left)}</Text>
        <Text className="zg-activity__countdown-at">{shortTime(opensAt)} 开放报名</Text>
      </View>
    </Card>
  )
}

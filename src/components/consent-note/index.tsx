import { Text, View } from '@tarojs/components'
import type { ConsentOutcome } from '@/api/consent'
import { TOPIC_WORDS, type SubscribeTopic } from '@/config/templates'
import './index.scss'

const words = (topics: SubscribeTopic[]) => topics.map((t) => TOPIC_WORDS[t]).join('、')

/** 已订阅：抽签结果、递补通知；未订阅：活动提醒 */
export function consentLine({ granted, refused }: ConsentOutcome): string {
  const parts: string[] = []
  if (granted.length > 0) parts.push(`已订阅：${words(granted)}`)
  if (refused.length > 0) parts.push(`未订阅：${words(refused)}`)
  return parts.join('；')
}

/**
 * Under a signup's or booking's answer: which WeChat notifications (服务通知) will come, so a
 * member who refused one knows to look in 消息 instead of waiting for it.
 */
export function ConsentNote({ outcome }: { outcome: ConsentOutcome | null }) {
  if (!outcome) return null
  const line = consentLine(outcome)
  if (!line) return null
  return (
    <View className="zg-consent">
      <Text className="zg-consent__line">微信通知 · {line}</Text>
      {outcome.refused.length > 0 ? (
        <Text className="zg-consent__hint">
          未订阅的通知不会推送到微信，仍可在“我的 → 消息”中查看。
        </Text>
      ) : null}
      {outcome.simulated ? (
        <Text className="zg-consent__hint">本地演示：浏览器里没有微信授权弹窗，视为全部同意。</Text>
      ) : null}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { Button, Loading } from '../nutui'
import './index.scss'

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="zg-state">
      <Loading type="circular">{text}</Loading>
    </View>
  )
}

interface EmptyProps {
  title: string
  hint?: string
}

export function EmptyState({ title, hint }: EmptyProps) {
  return (
    <View className="zg-state">
      <Text className="zg-state__title">{title}</Text>
      {hint ? <Text className="zg-state__hint">{hint}</Text> : null}
    </View>
  )
}

interface ErrorProps {
  message: string
  onRetry: () => void
}

export function ErrorState({ message, onRetry }: ErrorProps) {
  return (
    <View className="zg-state">
      <Text className="zg-state__title">加载失败</Text>
      <Text className="zg-state__hint">{message}</Text>
      <Button className="zg-state__retry" type="primary" fill="outline" onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}

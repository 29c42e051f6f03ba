import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  hint?: string
}

export function Field({ label, hint, children }: PropsWithChildren<Props>) {
  return (
    <View className="zg-field">
      <Text className="zg-field__label">{label}</Text>
      {children}
      {hint ? <Text className="zg-field__hint">{hint}</Text> : null}
    </View>
  )
}

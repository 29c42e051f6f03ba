import { Text, View } from '@tarojs/components'
import './field-error.scss'

/**
 * What is wrong with one field, right under it. Marked with words (and a sign), not colour
 * alone, so it reads the same to someone who cannot tell red.
 */
export function FieldError({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null
  return (
    <View className="zg-field-error">
      {messages.map((m) => (
        <Text key={m} className="zg-field-error__text">
          ！{m}
        </Text>
      ))}
    </View>
  )
}

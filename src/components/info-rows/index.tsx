import { Text, View } from '@tarojs/components'
import './index.scss'

export interface InfoRow {
  label: string
  value: string
}

/** Label–value lines inside a card: a member's masked data, a report's counts. */
export function InfoRows({ rows }: { rows: readonly InfoRow[] }) {
  return (
    <View className="zg-rows">
      {rows.map((row) => (
        <View key={row.label} className="zg-rows__row">
          <Text className="zg-rows__label">{row.label}</Text>
          <Text className="zg-rows__value">{row.value}</Text>
        </View>
      ))}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import './filter-chips.scss'

export interface Chip<V> {
  value: V
  label: string
}

interface Props<V> {
  /** Read aloud before the chips: 类别, 状态. */
  label: string
  chips: readonly Chip<V>[]
  value: V
  onChange: (value: V) => void
}

/** One row of filter chips; the chosen one carries a ✓ as well as its colour. */
export function FilterChips<V>({ label, chips, value, onChange }: Props<V>) {
  return (
    <View className="zg-chips">
      <Text className="zg-chips__label">{label}</Text>
      <View className="zg-chips__row">
        {chips.map((chip) => {
          const on = chip.value === value
          return (
            <View
              key={chip.label}
              className={`zg-chips__chip ${on ? 'zg-chips__chip--on' : ''}`}
              onClick={() => onChange(chip.value)}
            >
              <Text>{on ? `✓ ${chip.label}` : chip.label}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}

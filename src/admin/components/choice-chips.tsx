import { Text, View } from '@tarojs/components'
import './choice-chips.scss'

interface Props<T extends string> {
  options: readonly T[]
  labelOf: (option: T) => string
  value: T
  onChange: (option: T) => void
  disabled?: boolean
}

/** One of a few choices, each a tap target with its word; the chosen one says so with a ✓. */
export function ChoiceChips<T extends string>({
  options,
  labelOf,
  value,
  onChange,
  disabled,
}: Props<T>) {
  return (
    <View className="zg-chips">
      {options.map((option) => {
        const on = option === value
        return (
          <Text
            key={option}
            className={`zg-chips__chip ${on ? 'zg-chips__chip--on' : ''} ${disabled ? 'zg-chips__chip--off' : ''}`}
            onClick={() => !disabled && !on && onChange(option)}
          >
            {on ? '✓ ' : ''}
            {labelOf(option)}
          </Text>
        )
      })}
    </View>
  )
}

interface ToggleProps<T> {
  options: readonly T[]
  labelOf: (option: T) => string
  values: readonly T[]
  onChange: (values: T[]) => void
}

/** Any number of a few choices (开放的星期): each chip toggles, a chosen one says so with ✓. */
export function ToggleChips<T extends string | number>({
  options,
  labelOf,
  values,
  onChange,
}: ToggleProps<T>) {
  return (
    <View className="zg-chips">
      {options.map((option) => {
        const on = values.includes(option)
        return (
          <Text
            key={String(option)}
            className={`zg-chips__chip ${on ? 'zg-chips__chip--on' : ''}`}
            onClick={() => onChange(on ? values.filter((v) => v !== option) : [...values, option])}
          >
            {on ? '✓ ' : ''}
            {labelOf(option)}
          </Text>
        )
      })}
    </View>
  )
}

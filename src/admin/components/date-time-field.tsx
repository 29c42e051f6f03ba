import { Picker, Text, View } from '@tarojs/components'
import { Field } from '@/components'
import { FieldError } from './field-error'
import './date-time-field.scss'

export interface WallTimeValue {
  date: string
  time: string
}

interface Props {
  label: string
  hint?: string
  value: WallTimeValue
  onChange: (value: WallTimeValue) => void
  messages?: readonly string[]
  disabled?: boolean
}

/** A date and a time on Beijing's clock (北京时间), each its own picker; the form keeps the pair. */
export function DateTimeField({ label, hint, value, onChange, messages = [], disabled }: Props) {
  return (
    <Field label={label} hint={hint}>
      <DateTimePickers value={value} onChange={onChange} disabled={disabled} />
      <FieldError messages={messages} />
    </Field>
  )
}

interface PickersProps extends Pick<Props, 'value' | 'onChange' | 'disabled'> {
  /** Only the time (a session's end, on the start's day). */
  timeOnly?: boolean
}

export function DateTimePickers({ value, onChange, disabled, timeOnly }: PickersProps) {
  return (
    <View className="zg-when">
      {timeOnly ? null : (
        <Picker
          className="zg-when__date"
          mode="date"
          value={value.date}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, date: e.detail.value })}
        >
          <Text className={`zg-when__pick ${value.date ? '' : 'zg-when__pick--empty'}`}>
            {value.date ? dateText(value.date) : '选择日期'}
          </Text>
        </Picker>
      )}
      <Picker
        className="zg-when__time"
        mode="time"
        value={value.time}
        disabled={disabled}
        onChange={(e) => onChange({ ...value, time: e.detail.value })}
      >
        <Text className={`zg-when__pick ${value.time ? '' : 'zg-when__pick--empty'}`}>
          {value.time || '选择时间'}
        </Text>
      </Picker>
    </View>
  )
}

/** 2025-06-13 → 2025年6月13日: the date as written in the centre's notices. */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

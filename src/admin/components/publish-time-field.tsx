import { Picker, Text, View } from '@tarojs/components'
import { formatShanghai, shanghaiInstant, shanghaiParts } from '@/utils/time'
import { Field } from '@/components'

interface Props {
  value: string | null
  onChange: (iso: string | null) => void
}

const DEFAULT_TIME = '09:00'

/** Date and time on Shanghai's clock; none means visible as soon as it is published. */
export function PublishTimeField({ value, onChange }: Props) {
  const parts = value ? shanghaiParts(value) : null
  return (
    <Field label="发布时间" hint="不设定则发布后立即可见；设定为将来时间即为定时发布">
      <View className="zg-field__row">
        <Text className="zg-field__value">{value ? formatShanghai(value) : '不设定'}</Text>
      </View>
      <View className="zg-field__row">
        <Picker
          mode="date"
          value={parts?.date ?? ''}
          onChange={(e) => onChange(shanghaiInstant(e.detail.value, parts?.time ?? DEFAULT_TIME))}
        >
          <Text className="zg-field__link">选日期</Text>
        </Picker>
        <Picker
          mode="time"
          value={parts?.time ?? DEFAULT_TIME}
          disabled={!parts}
          onChange={(e) => parts && onChange(shanghaiInstant(parts.date, e.detail.value))}
        >
          <Text className="zg-field__link">{parts ? '选时间' : ''}</Text>
        </Picker>
        {value ? (
          <Text className="zg-field__link" onClick={() => onChange(null)}>
            清除
          </Text>
        ) : null}
      </View>
    </Field>
  )
}

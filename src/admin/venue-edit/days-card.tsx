import { useState } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import { Button, Card, Field } from '@/components'
import { toast } from '@/utils/confirm'
import { ToggleChips } from '../components/choice-chips'
import { FieldError } from '../components/field-error'
import { messagesUnder } from '../components/field-paths'
import { WEEKDAYS } from './form'
import type { CardProps } from './parts'

const LABELS = new Map(WEEKDAYS.map((w) => [w.day, w.label]))

/** 开放日与闭馆日: the weekdays open, and whole days closed with the reason members are told. */
export function DaysCard({ form, change, errors, today }: CardProps & { today: string }) {
  const [date, setDate] = useState(today)
  const [reason, setReason] = useState('')

  const add = () => {
    if (!reason.trim()) {
      toast('请填写闭馆原因，会员会看到')
      return
    }
    if (form.closures.some((c) => c.date === date)) {
      toast('这一天已是闭馆日')
      return
    }
    const closures = [...form.closures, { date, reason: reason.trim() }]
    change(
      'closures',
      closures.sort((a, b) => a.date.localeCompare(b.date)),
    )
    setReason('')
  }

  return (
    <Card title="开放日与闭馆日">
      <Field label="每周开放">
        <ToggleChips
          options={WEEKDAYS.map((w) => w.day)}
          labelOf={(day) => LABELS.get(day) ?? String(day)}
          values={form.weekdays}
          onChange={(days) => change('weekdays', days)}
        />
        <FieldError messages={messagesUnder(errors, 'calendar.weekdays')} />
      </Field>
      <Field label="闭馆日" hint="保存后，闭馆日已有的预约会被取消，并通知预约的会员">
        {form.closures.length === 0 ? (
          <Text className="zg-venue-edit__note">没有闭馆日</Text>
        ) : (
          form.closures.map((c) => (
            <View key={c.date} className="zg-venue-edit__row">
              <Text className="zg-venue-edit__row-text">
                {c.date} 闭馆：{c.reason}
              </Text>
              <Button
                onClick={() =>
                  change(
                    'closures',
                    form.closures.filter((x) => x.date !== c.date),
                  )
                }
              >
                删除
              </Button>
            </View>
          ))
        )}
        <FieldError messages={messagesUnder(errors, 'calendar.exceptions')} />
        <View className="zg-venue-edit__pair">
          <Picker mode="date" value={date} onChange={(e) => setDate(e.detail.value)}>
            <Text className="zg-venue-edit__pick">{date}</Text>
          </Picker>
          <Input
            className="zg-field__input zg-venue-edit__grow"
            placeholder="闭馆原因，如：展厅布展"
            value={reason}
            maxlength={100}
            onInput={(e) => setReason(e.detail.value)}
          />
        </View>
        <Button block onClick={add}>
          添加闭馆日
        </Button>
      </Field>
    </Card>
  )
}

import { useState } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import type { ManagedVenue, SlotBlockView } from '@contract'
import { Button, Card, Field } from '@/components'
import { toast } from '@/utils/confirm'
import { ChoiceChips } from '../components/choice-chips'
import { FieldError } from '../components/field-error'
import { messagesUnder } from '../components/field-paths'
import { BLOCK_KINDS, type BlockForm } from './form'
import type { CardProps } from './parts'

const ALL = 'all'
const KINDS = Object.keys(BLOCK_KINDS) as SlotBlockView['kind'][]

/** 停用时段: hours a table (or all) is kept for maintenance or a union event, with the reason. */
export function BlocksCard({
  form,
  change,
  errors,
  today,
  tables,
}: CardProps & { today: string; tables: ManagedVenue['resourceList'] }) {
  const [draft, setDraft] = useState<BlockForm>({
    date: today,
    from: form.open,
    to: form.close,
    resourceIds: null,
    kind: 'maintenance',
    reason: '',
  })
  const active = tables.filter((t) => t.active)
  const nameOf = new Map(tables.map((t) => [t.id, t.name]))
  const where = (b: BlockForm) =>
    b.resourceIds === null
      ? '全部场地'
      : b.resourceIds.map((id) => nameOf.get(id) ?? '已停用场地').join('、')
  const set = <K extends keyof BlockForm>(key: K, value: BlockForm[K]) =>
    setDraft((d) => ({ ...d, [key]: value }))

  const add = () => {
    if (draft.from >= draft.to) {
      toast('结束时间须晚于开始时间')
      return
    }
    if (!draft.reason.trim()) {
      toast('请填写停用原因，会员会看到')
      return
    }
    change('blocks', [...form.blocks, { ...draft, reason: draft.reason.trim() }])
    set('reason', '')
  }

  return (
    <Card title="停用时段">
      {form.blocks.length === 0 ? <Text className="zg-venue-edit__note">没有停用时段</Text> : null}
      {form.blocks.map((b, i) => (
        <View key={b.id ?? `new-${i}`} className="zg-venue-edit__row">
          <Text className="zg-venue-edit__row-text">
            {b.date} {b.from}–{b.to} {where(b)} · {BLOCK_KINDS[b.kind]}：{b.reason}
          </Text>
          <Button
            onClick={() =>
              change(
                'blocks',
                form.blocks.filter((_x, k) => k !== i),
              )
            }
          >
            删除
          </Button>
        </View>
      ))}
      <FieldError messages={messagesUnder(errors, 'calendar.blocks')} />
      <Field label="新增停用" hint="保存后，停用时段内已有的预约会被取消，并通知预约的会员">
        <View className="zg-venue-edit__pair">
          <Picker mode="date" value={draft.date} onChange={(e) => set('date', e.detail.value)}>
            <Text className="zg-venue-edit__pick">{draft.date}</Text>
          </Picker>
          <Picker mode="time" value={draft.from} onChange={(e) => set('from', e.detail.value)}>
            <Text className="zg-venue-edit__pick">{draft.from}</Text>
          </Picker>
          <Text>至</Text>
          <Picker mode="time" value={draft.to} onChange={(e) => set('to', e.detail.value)}>
            <Text className="zg-venue-edit__pick">{draft.to}</Text>
          </Picker>
        </View>
        <ChoiceChips
          options={[ALL, ...active.map((t) => t.id)]}
          labelOf={(id) => (id === ALL ? '全部场地' : (nameOf.get(id) ?? id))}
          value={draft.resourceIds?.[0] ?? ALL}
          onChange={(id) => set('resourceIds', id === ALL ? null : [id])}
        />
        <ChoiceChips
          options={KINDS}
          labelOf={(k) => BLOCK_KINDS[k]}
          value={draft.kind}
          onChange={(k) => set('kind', k)}
        />
        <Input
          className="zg-field__input"
          placeholder="停用原因，如：更换球网"
          value={draft.reason}
          maxlength={100}
          onInput={(e) => set('reason', e.detail.value)}
        />
        <Button block onClick={add}>
          添加停用时段
        </Button>
      </Field>
    </Card>
  )
}

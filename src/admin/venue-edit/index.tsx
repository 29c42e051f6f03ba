import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import type { ManagedVenue } from '@contract'
import { Button, Card, ErrorState, Field, LoadingState, PageContainer } from '@/components'
import { useQuery } from '@/api/use-query'
import { useSubmitOutcome } from '@/api/use-submit'
import { showError } from '@/api/show-error'
import { confirm, toast } from '@/utils/confirm'
import { beijingToday } from '@/utils/venue-labels'
import { ChoiceChips } from '../components/choice-chips'
import { FieldError } from '../components/field-error'
import { messagesUnder, unplacedMessages, type FieldErrors } from '../components/field-paths'
import { BlocksCard } from './blocks-card'
import { DaysCard } from './days-card'
import { formOf, paramsOf, STATUS_LABELS, STATUSES, type VenueForm } from './form'
import { PolicyCard } from './policy-card'
import './index.scss'

/** Calendar fields whose messages show next to their own input. */
const SHOWN_IN_CARDS = [
  'calendar.from',
  'calendar.to',
  'calendar.hours',
  'calendar.slotMinutes',
  'calendar.weekdays',
  'calendar.exceptions',
  'calendar.blocks',
]

/** Where each input's messages go; the rest show above the save button. */
const PLACED = ['name', 'address', 'phone', 'notes', 'resources', 'calendar', 'policy', 'status']

/** 编辑场馆: load the venue (or start a new one), then the form. */
export default function VenueEdit() {
  const { params } = useRouter()
  const id = params.id ?? ''
  // The contract has no single managed venue read; staff have few venues, one page holds them.
  const list = useQuery('venue.manageList', id ? { limit: 50 } : null)
  if (!id) return <Editor venue={null} />
  const venue = list.data?.items.find((v) => v.id === id)
  if (venue) return <Editor key={`${venue.id}-${venue.version}`} venue={venue} />
  return (
    <PageContainer>
      {list.error || list.data ? (
        <ErrorState
          message={list.error?.message ?? '场馆不存在'}
          onRetry={() => void list.reload()}
        />
      ) : (
        <LoadingState />
      )}
    </PageContainer>
  )
}

function Editor({ venue }: { venue: ManagedVenue | null }) {
  const [form, setForm] = useState<VenueForm>(() => formOf(venue, beijingToday()))
  const [errors, setErrors] = useState<FieldErrors>({})
  const create = useSubmitOutcome('venue.create', { toast: false })
  const update = useSubmitOutcome('venue.update', { toast: false })
  const saving = create.submitting || update.submitting
  const change = <K extends keyof VenueForm>(key: K, value: VenueForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }))

  const save = async () => {
    const closing =
      form.closures.some((c) => !venue?.calendar.exceptions.some((e) => e.date === c.date)) ||
      form.blocks.some((b) => b.id === undefined)
    if (
      closing &&
      venue &&
      !(await confirm(
        '保存场馆',
        '新增的闭馆日和停用时段内已有的预约将被取消，并通知预约的会员。确定保存？',
        '保存',
      ))
    )
      return
    const params = paramsOf(form, venue)
    const outcome = venue
      ? await update.submit({ ...params, id: venue.id, version: venue.version })
      : await create.submit(params)
    if (!outcome.ok) {
      setErrors(outcome.error.fields ?? {})
      showError(outcome.error)
      return
    }
    setErrors({})
    const cancelled = outcome.data.cancelledBookings
    toast(cancelled ? `已保存，${cancelled}个预约因闭馆或停用已取消` : '已保存')
    void Taro.navigateBack()
  }

  const text = (key: 'name' | 'address' | 'phone', label: string, max: number) => (
    <Field label={label}>
      <Input
        className="zg-field__input"
        value={form[key]}
        maxlength={max}
        onInput={(e) => change(key, e.detail.value)}
      />
      <FieldError messages={messagesUnder(errors, key)} />
    </Field>
  )
  const picker = (key: 'from' | 'to' | 'open' | 'close', mode: 'date' | 'time') => (
    <Picker mode={mode} value={form[key]} onChange={(e) => change(key, e.detail.value)}>
      <Text className="zg-venue-edit__pick">{form[key]}</Text>
    </Picker>
  )
  const unplaced = unplacedMessages(errors, PLACED)

  return (
    <PageContainer className="zg-venue-edit">
      <Card title={venue ? '编辑场馆' : '新建场馆'}>
        {text('name', '场馆名称', 60)}
        {text('address', '地址', 120)}
        {text('phone', '联系电话', 30)}
        <Field label="场馆须知" hint="会员在场馆页看到，如入场要求、签到方式">
          <Textarea
            className="zg-field__textarea"
            value={form.notes}
            maxlength={2000}
            autoHeight
            onInput={(e) => change('notes', e.detail.value)}
          />
          <FieldError messages={messagesUnder(errors, 'notes')} />
        </Field>
        <Field label="场地数量" hint="按 1号台、2号台…编号；减少时多出的场地停用，已有预约不受影响">
          <Input
            className="zg-field__input"
            type="number"
            value={form.tables}
            onInput={(e) => change('tables', e.detail.value)}
          />
          <FieldError messages={messagesUnder(errors, 'resources')} />
        </Field>
        <Field label="开放日期（北京时间）">
          <View className="zg-venue-edit__pair">
            {picker('from', 'date')}
            <Text>至</Text>
            {picker('to', 'date')}
          </View>
          <FieldError
            messages={[
              ...messagesUnder(errors, 'calendar.from'),
              ...messagesUnder(errors, 'calendar.to'),
            ]}
          />
        </Field>
        <Field label="每天开放时间">
          <View className="zg-venue-edit__pair">
            {picker('open', 'time')}
            <Text>至</Text>
            {picker('close', 'time')}
          </View>
          <FieldError messages={messagesUnder(errors, 'calendar.hours')} />
        </Field>
        <Field
          label="每个时段（分钟）"
          hint="不足一个时段的剩余时间按原设置处理（默认留作较短的最后一段）"
        >
          <Input
            className="zg-field__input"
            type="number"
            value={form.slotMinutes}
            onInput={(e) => change('slotMinutes', e.detail.value)}
          />
          <FieldError messages={messagesUnder(errors, 'calendar.slotMinutes')} />
        </Field>
        <FieldError
          messages={Object.keys(errors)
            .filter(
              (p) =>
                p.startsWith('calendar.') && !SHOWN_IN_CARDS.some((known) => p.startsWith(known)),
            )
            .map((p) => errors[p])}
        />
        <Field label="状态" hint="发布后会员可在“场馆”中看到并预约">
          <ChoiceChips
            options={STATUSES}
            labelOf={(s) => STATUS_LABELS[s]}
            value={form.status}
            onChange={(s) => change('status', s)}
          />
        </Field>
        {venue ? null : (
          <Text className="zg-venue-edit__note">
            新场馆使用默认预约规则；停用时段和预约规则可在场馆建好后修改。
          </Text>
        )}
      </Card>
      <DaysCard form={form} change={change} errors={errors} today={beijingToday()} />
      {venue ? (
        <BlocksCard
          form={form}
          change={change}
          errors={errors}
          today={beijingToday()}
          tables={venue.resourceList}
        />
      ) : null}
      {form.policy ? <PolicyCard change={change} errors={errors} policy={form.policy} /> : null}
      <View className="zg-venue-edit__foot">
        <FieldError messages={unplaced} />
        <Button type="primary" block loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </PageContainer>
  )
}

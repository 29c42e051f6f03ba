import { Input, Picker, Text, View } from '@tarojs/components'
import type { PolicyView } from '@contract'
import { Card, Field } from '@/components'
import { ChoiceChips } from '../components/choice-chips'
import { FieldError } from '../components/field-error'
import { messagesUnder } from '../components/field-paths'
import type { PolicyForm } from './form'
import type { CardProps } from './parts'

type NumberKey = Exclude<keyof PolicyForm, 'opensAt' | 'lateCancel' | 'ban'>

const LATE: Record<PolicyView['lateCancel'], string> = {
  refuse: '不可取消',
  noShow: '可取消，记一次爽约',
}
const BAN = ['yes', 'no'] as const

/** 预约规则: every number of the venue's booking policy, each next to what the server says of it. */
export function PolicyCard({
  change,
  errors,
  policy,
}: Omit<CardProps, 'form'> & { policy: PolicyForm }) {
  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) =>
    change('policy', { ...policy, [key]: value })
  const number = (key: NumberKey, unit: string, placeholder?: string) => (
    <>
      <Input
        className="zg-field__input zg-venue-edit__number"
        type="number"
        value={policy[key]}
        placeholder={placeholder}
        onInput={(e) => set(key, e.detail.value)}
      />
      <Text>{unit}</Text>
    </>
  )
  const error = (...paths: string[]) => (
    <FieldError messages={paths.flatMap((path) => messagesUnder(errors, path))} />
  )
  const line = (label: string, key: NumberKey, path: string, unit: string, empty?: string) => (
    <Field label={label} hint={empty ? `留空为${empty}` : undefined}>
      <View className="zg-venue-edit__pair">{number(key, unit, empty)}</View>
      {error(path)}
    </Field>
  )

  return (
    <Card title="预约规则">
      <Field label="开放预约" hint="例如提前 1 天、12:00 开放：明天的时段今天 12:00 起可约">
        <View className="zg-venue-edit__pair">
          <Text>提前</Text>
          {number('daysAhead', '天')}
          <Picker
            mode="time"
            value={policy.opensAt}
            onChange={(e) => set('opensAt', e.detail.value)}
          >
            <Text className="zg-venue-edit__pick">{policy.opensAt}</Text>
          </Picker>
          <Text>开放</Text>
        </View>
        {error('policy.opens')}
      </Field>
      {line('每人每天最多', 'perMemberDay', 'policy.perMemberDay', '个时段')}
      {line('每人每周最多', 'perMemberWeek', 'policy.perMemberWeek', '个时段')}
      {line('每人同时保留', 'activeAtOnce', 'policy.activeAtOnce', '个预约')}
      {line('每个基层工会每天最多', 'perUnitDay', 'policy.perUnitDay', '个时段', '不限')}
      {line('取消须提前', 'cancelNoticeMinutes', 'policy.cancelNoticeMinutes', '分钟')}
      <Field label="过了取消时间">
        <ChoiceChips
          options={Object.keys(LATE) as PolicyView['lateCancel'][]}
          labelOf={(k) => LATE[k]}
          value={policy.lateCancel}
          onChange={(k) => set('lateCancel', k)}
        />
      </Field>
      <Field label="签到时间" hint="从开始前若干分钟到开始后若干分钟可签到；过后未签到记爽约">
        <View className="zg-venue-edit__pair">
          <Text>开始前</Text>
          {number('checkInBefore', '分钟')}
        </View>
        <View className="zg-venue-edit__pair">
          <Text>开始后</Text>
          {number('checkInAfter', '分钟')}
        </View>
        {error('policy.checkIn')}
      </Field>
      <Field label="爽约暂停预约与报名">
        <ChoiceChips
          options={BAN}
          labelOf={(k) => (k === 'yes' ? '暂停' : '不暂停')}
          value={policy.ban ? 'yes' : 'no'}
          onChange={(k) => set('ban', k === 'yes')}
        />
        {policy.ban ? (
          <View className="zg-venue-edit__pair">
            {number('banWithinDays', '天内爽约')}
            {number('banNoShows', '次，暂停')}
            {number('banDays', '天')}
          </View>
        ) : null}
        {error('policy.noShowBan')}
      </Field>
    </Card>
  )
}

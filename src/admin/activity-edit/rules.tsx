import { Input, View, Text } from '@tarojs/components'
import { Field } from '@/components'
import { ALLOCATION_LABELS, ALLOCATION_ORDER } from '@/utils/activity-labels'
import { ChoiceChips } from '../components/choice-chips'
import { DateTimeField } from '../components/date-time-field'
import { FieldError } from '../components/field-error'
import { messageAt, messagesUnder } from '../components/field-paths'
import type { FieldErrors, TicketPolicyForm } from './form'
import type { ActivityEditor } from './use-activity-editor'

const FAMILY = ['no', 'yes'] as const
const FAMILY_LABELS: Record<(typeof FAMILY)[number], string> = { no: '否', yes: '是（亲子场）' }

function NumberInput({
  value,
  placeholder,
  locked,
  onInput,
}: {
  value: string
  placeholder: string
  locked: boolean
  onInput: (value: string) => void
}) {
  return (
    <Input
      className="zg-field__input"
      type="number"
      value={value}
      disabled={locked}
      placeholder={placeholder}
      onInput={(e) => onInput(e.detail.value)}
    />
  )
}

/** How seats are given and to whom: allocation, window, draw, party, caps, cut-off. */
export function Rules({ editor, locked }: { editor: ActivityEditor; locked: boolean }) {
  const { form, errors, change } = editor
  const lottery = form.allocation === 'lottery'
  return (
    <>
      <Field
        label="分配方式"
        hint={
          lottery
            ? '报名期内登记，截止后按时抽签决定名额'
            : '报名即占名额，额满为止；开场前截止时间内取消会退回名额'
        }
      >
        <ChoiceChips
          options={ALLOCATION_ORDER}
          labelOf={(a) => ALLOCATION_LABELS[a]}
          value={form.allocation}
          disabled={locked}
          onChange={(a) => change('allocation', a)}
        />
        <FieldError messages={messagesUnder(errors, 'allocation')} />
      </Field>
      <DateTimeField
        label="报名开始时间（北京时间）"
        value={form.opens}
        disabled={locked}
        onChange={(v) => change('opens', v)}
        messages={messagesUnder(errors, 'signupOpensAt')}
      />
      <DateTimeField
        label="报名截止时间（北京时间）"
        value={form.closes}
        disabled={locked}
        onChange={(v) => change('closes', v)}
        messages={messagesUnder(errors, 'signupClosesAt')}
      />
      {lottery ? (
        <DateTimeField
          label="抽签时间（北京时间）"
          hint="报名截止之后、第一场开始之前"
          value={form.draw}
          disabled={locked}
          onChange={(v) => change('draw', v)}
          messages={messagesUnder(errors, 'drawAt')}
        />
      ) : (
        <FieldError messages={messagesUnder(errors, 'drawAt')} />
      )}
      <Field label="每份报名人数上限" hint="含报名的会员本人；1 表示不能带同行人">
        <NumberInput
          value={form.partyMaxSize}
          placeholder="1–10"
          locked={locked}
          onInput={(v) => change('partyMaxSize', v)}
        />
        <FieldError
          messages={[...messagesUnder(errors, 'party.maxSize'), ...messageAt(errors, 'party')]}
        />
      </Field>
      <Field label="亲子场次" hint="是：同行人均为儿童，须由报名的会员陪同，年龄在下方范围内">
        <ChoiceChips
          options={FAMILY}
          labelOf={(f) => FAMILY_LABELS[f]}
          value={form.family ? 'yes' : 'no'}
          disabled={locked}
          onChange={(f) => change('family', f === 'yes')}
        />
        {form.family ? (
          <View className="zg-act-ages">
            <Text className="zg-act-ages__label">儿童年龄</Text>
            <NumberInput
              value={form.childMinAge}
              placeholder="最小"
              locked={locked}
              onInput={(v) => change('childMinAge', v)}
            />
            <Text className="zg-act-ages__label">至</Text>
            <NumberInput
              value={form.childMaxAge}
              placeholder="最大"
              locked={locked}
              onInput={(v) => change('childMaxAge', v)}
            />
            <Text className="zg-act-ages__label">周岁</Text>
          </View>
        ) : null}
        <FieldError messages={messagesUnder(errors, 'party.family')} />
      </Field>
      <Field label="每人每月中签或占座上限（可不填）" hint="按北京时间的自然月计；不填则不限">
        <NumberInput
          value={form.winsPerMonth}
          placeholder="不限"
          locked={locked}
          onInput={(v) => change('winsPerMonth', v)}
        />
        <FieldError messages={messagesUnder(errors, 'eligibility')} />
      </Field>
      <Field label="取消截止（开场前小时数）" hint="会员最晚可在开场前这么多小时取消报名">
        <NumberInput
          value={form.cancelCutoffHours}
          placeholder="如：24"
          locked={locked}
          onInput={(v) => change('cancelCutoffHours', v)}
        />
        <FieldError messages={messagesUnder(errors, 'cancelCutoffHours')} />
      </Field>
      {form.ticketPolicy ? (
        <TicketPolicyFields
          policy={form.ticketPolicy}
          locked={locked}
          errors={errors}
          onChange={(policy) => change('ticketPolicy', policy)}
        />
      ) : (
        <Text className="zg-field__hint">
          新活动先用默认的中签确认时限与爽约规则，保存后可在这里修改。
        </Text>
      )}
    </>
  )
}

const BAN = ['yes', 'no'] as const

/** 中签与爽约: the deadlines a winner and an offer have, and the no-show ban. */
function TicketPolicyFields({
  policy,
  locked,
  errors,
  onChange,
}: {
  policy: TicketPolicyForm
  locked: boolean
  errors: FieldErrors
  onChange: (policy: TicketPolicyForm) => void
}) {
  const set = <K extends keyof TicketPolicyForm>(key: K, value: TicketPolicyForm[K]) =>
    onChange({ ...policy, [key]: value })
  const hours = (key: 'confirmHours' | 'offerHours', label: string, hint: string) => (
    <Field label={label} hint={hint}>
      <NumberInput
        value={policy[key]}
        placeholder="小时"
        locked={locked}
        onInput={(v) => set(key, v)}
      />
      <FieldError messages={messagesUnder(errors, `ticketPolicy.${key}`)} />
    </Field>
  )
  return (
    <>
      {hours(
        'confirmHours',
        '中签确认时限（小时）',
        '中签后这么多小时内未确认参加，名额递补给候补',
      )}
      {hours(
        'offerHours',
        '递补确认时限（小时）',
        '收到递补名额后这么多小时内未接受，再递补下一位',
      )}
      <Field label="爽约暂停报名" hint="未检票即爽约；暂停期间不能报名活动和预约场地">
        <ChoiceChips
          options={BAN}
          labelOf={(k) => (k === 'yes' ? '暂停' : '不暂停')}
          value={policy.ban ? 'yes' : 'no'}
          disabled={locked}
          onChange={(k) => set('ban', k === 'yes')}
        />
        {policy.ban ? (
          <View className="zg-act-edit__ban">
            <NumberInput
              value={policy.banWithinDays}
              placeholder="天数"
              locked={locked}
              onInput={(v) => set('banWithinDays', v)}
            />
            <Text>天内爽约</Text>
            <NumberInput
              value={policy.banNoShows}
              placeholder="次数"
              locked={locked}
              onInput={(v) => set('banNoShows', v)}
            />
            <Text>次，暂停</Text>
            <NumberInput
              value={policy.banDays}
              placeholder="天数"
              locked={locked}
              onInput={(v) => set('banDays', v)}
            />
            <Text>天</Text>
          </View>
        ) : null}
        <FieldError messages={messagesUnder(errors, 'ticketPolicy.noShowBan')} />
      </Field>
    </>
  )
}

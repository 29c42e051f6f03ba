import { Input, View, Text } from '@tarojs/components'
import { Field } from '@/components'
import { ALLOCATION_LABELS, ALLOCATION_ORDER } from '@/utils/activity-labels'
import { ChoiceChips } from '../components/choice-chips'
import { DateTimeField } from '../components/date-time-field'
import { FieldError } from '../components/field-error'
import { messageAt, messagesUnder } from '../components/field-paths'
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
    </>
  )
}

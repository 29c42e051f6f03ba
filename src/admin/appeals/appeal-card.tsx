import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { OpenAppeal } from '@contract'
import { Button, Card } from '@/components'
import { useSubmit } from '@/api/use-submit'
import { confirm, toast } from '@/utils/confirm'
import { formatShanghai } from '@/utils/time'
import { slotText } from '@/utils/venue-labels'

type Decision = 'clear' | 'keep'

const DECISIONS: Record<Decision, { label: string; ask: string; done: string }> = {
  clear: {
    label: '撤销爽约',
    ask: '撤销后这次爽约不再计入信用记录，如因此解除暂停预约将立即生效。',
    done: '已撤销爽约',
  },
  keep: { label: '维持爽约', ask: '维持后会员会看到处理意见。', done: '已维持爽约' },
}

/** One open appeal: the booking, the member's note (name masked), and the decision with a reason. */
export function AppealCard({ appeal, onDone }: { appeal: OpenAppeal; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const resolve = useSubmit('booking.resolveAppeal')

  const decide = async (decision: Decision) => {
    const words = DECISIONS[decision]
    if (!reason.trim()) {
      toast('请填写处理意见')
      return
    }
    if (!(await confirm(words.label, words.ask, words.label))) return
    const done = await resolve.submit({ bookingId: appeal.ref, decision, reason: reason.trim() })
    if (done) {
      toast(words.done)
      onDone()
    }
  }

  return (
    <Card title={`${appeal.maskedName} · ${appeal.resourceName}`}>
      <View className="zg-appeal-card">
        <Text className="zg-appeal-card__line">
          {appeal.venueName} · {slotText(appeal)}
        </Text>
        <Text className="zg-appeal-card__line">
          申诉于 {formatShanghai(appeal.at, 'M月D日 HH:mm')}
        </Text>
        <Text className="zg-appeal-card__note">申诉说明：{appeal.note}</Text>
        <Text className="zg-appeal-card__label">处理意见（会员可见，记入操作日志）</Text>
        <Input
          className="zg-appeal-card__input"
          value={reason}
          maxlength={200}
          placeholder="如：已核实前台排队，撤销爽约"
          onInput={(e) => setReason(e.detail.value)}
        />
        <View className="zg-appeal-card__actions">
          {(['keep', 'clear'] as const).map((d) => (
            <Button
              key={d}
              className="zg-appeal-card__action"
              type={d === 'clear' ? 'primary' : 'default'}
              disabled={resolve.submitting}
              onClick={() => void decide(d)}
            >
              {DECISIONS[d].label}
            </Button>
          ))}
        </View>
      </View>
    </Card>
  )
}

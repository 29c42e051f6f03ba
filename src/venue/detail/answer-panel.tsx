import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { BookingResult } from '@contract'
import type { ConsentOutcome } from '@/api/consent'
import type { ClientError } from '@/api/errors'
import { Button } from '@/components'
import { ConsentNote } from '@/components/consent-note'
import { formatShanghai } from '@/utils/time'
import { bookingUrl, MEMBER_VERIFY_URL } from '@/utils/routes'
import { slotText } from '@/utils/venue-labels'

export type BookAnswer = { ok: true; result: BookingResult } | { ok: false; error: ClientError }

interface Props {
  answer: BookAnswer
  /** What the member allowed WeChat to tell them of this booking (shown under a success). */
  consent?: ConsentOutcome | null
  onClose: () => void
}

/** The answer to 确认预约, where the finger is: what is now the member's, or why not. */
export function AnswerPanel({ answer, consent = null, onClose }: Props) {
  if (!answer.ok) {
    return (
      <View className="zg-sheet zg-answer zg-answer--refused">
        <Text className="zg-sheet__title">预约未成功</Text>
        <Text className="zg-answer__message">{answer.error.message}</Text>
        <View className="zg-sheet__actions">
          {answer.error.code === 'FORBIDDEN' ? (
            <Button
              className="zg-sheet__action"
              type="primary"
              onClick={() => void Taro.navigateTo({ url: MEMBER_VERIFY_URL })}
            >
              去认证
            </Button>
          ) : null}
          <Button className="zg-sheet__action" onClick={onClose}>
            知道了
          </Button>
        </View>
      </View>
    )
  }
  const { bookings, cancelRule } = answer.result
  const first = bookings[0]
  const last = bookings[bookings.length - 1]
  return (
    <View className="zg-sheet zg-answer zg-answer--done">
      <Text className="zg-sheet__title">✓ 预约成功</Text>
      {first ? (
        <>
          <Text className="zg-sheet__line">
            {first.resourceName} · {slotText({ ...first, end: last.end })}
          </Text>
          <Text className="zg-sheet__line">
            请于 {formatShanghai(first.checkInFrom, 'HH:mm')}–
            {formatShanghai(first.checkInUntil, 'HH:mm')} 到前台出示预约码签到
          </Text>
        </>
      ) : null}
      <Text className="zg-sheet__rule">取消规则：{cancelRule}</Text>
      <ConsentNote outcome={consent} />
      <View className="zg-sheet__actions">
        <Button className="zg-sheet__action" onClick={onClose}>
          继续选择
        </Button>
        {first ? (
          <Button
            className="zg-sheet__action"
            type="primary"
            onClick={() => void Taro.navigateTo({ url: bookingUrl(first.ref) })}
          >
            查看预约
          </Button>
        ) : null}
      </View>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { formatShanghai } from '@/utils/time'
import type { DoorAnswer } from './use-check-in'

/**
 * The answer, readable at arm's length: the verdict in words first (✓ 检票成功 / ✗ 检票未通过,
 * never colour alone), then on success the masked name and party size very large, on refusal
 * why (已于… 检票, 票无效, 尚未开始检票).
 */
export function DoorAnswerView({ answer }: { answer: DoorAnswer }) {
  if (answer.kind === 'booked') {
    const { booking } = answer
    return (
      <View className="zg-door-answer zg-door-answer--ok">
        <Text className="zg-door-answer__verdict">✓ 签到成功</Text>
        <Text className="zg-door-answer__name">{booking.maskedName || '（无姓名）'}</Text>
        <Text className="zg-door-answer__party">{booking.resourceName}</Text>
        <Text className="zg-door-answer__meta">{booking.venueName}</Text>
        <Text className="zg-door-answer__meta">
          {`${booking.date} ${booking.start}–${booking.end}，签到于 ${formatShanghai(booking.checkedInAt, 'HH:mm:ss')}`}
        </Text>
      </View>
    )
  }
  if (answer.kind === 'admitted') {
    const { ticket } = answer
    return (
      <View className="zg-door-answer zg-door-answer--ok">
        <Text className="zg-door-answer__verdict">✓ 检票成功</Text>
        <Text className="zg-door-answer__name">{ticket.maskedName || '（无姓名）'}</Text>
        <Text className="zg-door-answer__party">共 {ticket.partySize} 人</Text>
        <Text className="zg-door-answer__meta">{ticket.activityTitle}</Text>
        <Text className="zg-door-answer__meta">
          {`场次：${formatShanghai(ticket.sessionStartAt, 'M月D日 HH:mm')}，检票于 ${formatShanghai(ticket.checkedInAt, 'HH:mm:ss')}`}
        </Text>
      </View>
    )
  }
  return (
    <View className="zg-door-answer zg-door-answer--refused">
      <Text className="zg-door-answer__verdict">✗ 检票未通过</Text>
      <Text className="zg-door-answer__title">{answer.title}</Text>
      <Text className="zg-door-answer__message">{answer.message}</Text>
    </View>
  )
}

import { Text } from '@tarojs/components'
import type { BookingAppealView, MyBooking } from '@contract'
import { formatShanghai } from '@/utils/time'

const hm = (iso: string) => formatShanghai(iso, 'HH:mm')

/** What only the owner reads: who made it, why it was cancelled, when to check in. */
export function OwnerNotes({ booking: b }: { booking: MyBooking }) {
  return (
    <>
      {b.byStaff ? <Text className="zg-booking__note">由工作人员代为办理</Text> : null}
      {b.status === 'booked' ? (
        <Text className="zg-booking__note">
          签到时间：{hm(b.checkInFrom)}–{hm(b.checkInUntil)}，请到前台出示预约码；未签到记爽约一次
        </Text>
      ) : null}
      {b.status === 'checkedIn' && b.checkedInAt ? (
        <Text className="zg-booking__note">已于 {hm(b.checkedInAt)} 签到</Text>
      ) : null}
      {b.status === 'cancelled' && b.cancelReason ? (
        <Text className="zg-booking__note">取消原因：{b.cancelReason}</Text>
      ) : null}
      {b.status === 'cancelled' && b.lateCancel ? (
        <Text className="zg-booking__note">开始前临时取消，已记爽约一次</Text>
      ) : null}
      {b.status === 'noShow' && !b.appeal ? (
        <Text className="zg-booking__note">
          未在签到时间内签到，记爽约一次。如有特殊情况可申诉。
        </Text>
      ) : null}
    </>
  )
}

const APPEAL_WORDS: Record<BookingAppealView['status'], string> = {
  open: '申诉已提交，等待工作人员处理',
  cleared: '申诉已通过，已撤销这次爽约',
  kept: '申诉未通过，维持爽约',
}

export function AppealNote({ appeal }: { appeal: BookingAppealView }) {
  return (
    <>
      <Text className="zg-booking__appeal">{APPEAL_WORDS[appeal.status]}</Text>
      <Text className="zg-booking__note">申诉说明：{appeal.note}</Text>
      {appeal.reason ? <Text className="zg-booking__note">处理意见：{appeal.reason}</Text> : null}
    </>
  )
}

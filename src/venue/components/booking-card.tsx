import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { BookingActionName, BookingCard as BookingCardData, MyBooking } from '@contract'
import { Button, Card, StatusBadge } from '@/components'
import { TicketQr } from '@/components/ticket-qr'
import { formatShanghai } from '@/utils/time'
import { BOOKING_TONES, slotText } from '@/utils/venue-labels'
import { AppealForm } from './appeal-form'
import { AppealNote, OwnerNotes } from './owner-notes'
import './booking-card.scss'

/** The owner's booking carries what only they may see; anyone else gets the bare card. */
export function isMyBooking(b: BookingCardData | MyBooking): b is MyBooking {
  return b.mine && 'code' in b
}

interface Props {
  booking: BookingCardData | MyBooking
  /** 我的预约 names the venue; the status page says 预约状态. */
  title: string
  busy?: boolean
  onCancel?: (b: MyBooking) => void
  onAppeal?: (b: MyBooking, note: string) => Promise<boolean>
  footer?: ReactNode
}

/**
 * One booking: where, when, which table and its state in words. Only the owner's booking has
 * more (its check-in window and code, a cancel's reason, the appeal) and the actions the server
 * says it allows now: 取消预约 before the notice, 申诉 for a no-show.
 */
export function BookingCard({ booking, title, busy, onCancel, onAppeal, footer }: Props) {
  const mine = isMyBooking(booking) ? booking : null
  const can = (a: BookingActionName) => mine !== null && booking.actions.includes(a)
  return (
    <Card
      title={title}
      extra={<StatusBadge text={booking.statusText} tone={BOOKING_TONES[booking.status]} />}
      footer={footer}
    >
      <View className="zg-booking">
        <Text className="zg-booking__line">时间：{slotText(booking)}</Text>
        <Text className="zg-booking__line">场地：{booking.resourceName}</Text>
        <Text className="zg-booking__line">
          场馆：{booking.venueName}（{booking.venueAddress}）
        </Text>
        {mine ? <OwnerNotes booking={mine} /> : null}
        {mine?.code && can('checkIn') ? <TicketQr code={mine.code} /> : null}
        {mine?.appeal ? <AppealNote appeal={mine.appeal} /> : null}
        {mine?.cancelUntil && can('cancel') ? (
          <Text className="zg-booking__hint">
            {formatShanghai(mine.cancelUntil, 'M月D日 HH:mm')} 前可取消
          </Text>
        ) : null}
        {mine && can('cancel') && onCancel ? (
          <View className="zg-booking__actions">
            <Button className="zg-booking__action" disabled={busy} onClick={() => onCancel(mine)}>
              取消预约
            </Button>
          </View>
        ) : null}
        {mine && can('appeal') && onAppeal ? (
          <AppealForm busy={busy} onSubmit={(note) => onAppeal(mine, note)} />
        ) : null}
      </View>
    </Card>
  )
}

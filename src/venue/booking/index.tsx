import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { BookingCard as BookingCardData } from '@contract'
import { Button, ErrorState, LoadingState, PageContainer } from '@/components'
import { useQuery } from '@/api/use-query'
import type { ShareCard } from '@/api/share'
import { ShareButton } from '@/components/share-button'
import { bookingUrl, venueDetailUrl } from '@/utils/routes'
import { slotText } from '@/utils/venue-labels'
import { BookingCard, isMyBooking } from '../components/booking-card'
import { useBookingActions } from '../use-booking-actions'
import './index.scss'

/** What a share card says: the slot and table, never who booked it. */
function shareCard(b: BookingCardData | undefined, id: string): ShareCard {
  if (!b) return { title: '场地预约', path: bookingUrl(id) }
  return {
    title: `${b.venueName} · ${b.resourceName} ${slotText(b)}（${b.statusText}）`,
    path: bookingUrl(b.ref),
  }
}

/**
 * 预约状态: what a shared card opens. Anyone sees the venue, time, table and status (the server
 * sends no personal data to others); only the owner gets the actions and the share button.
 */
export default function BookingStatus() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const booking = useQuery('booking.get', id ? { id } : null)
  const actions = useBookingActions(() => void booking.reload())
  const b = booking.data

  useShareAppMessage(() => shareCard(b, id))

  if (!id) {
    return (
      <PageContainer>
        <ErrorState message="预约链接不完整" onRetry={() => void Taro.navigateBack()} />
      </PageContainer>
    )
  }
  if (!b) {
    return (
      <PageContainer>
        {booking.error ? (
          <ErrorState message={booking.error.message} onRetry={() => void booking.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageContainer>
    )
  }

  const mine = isMyBooking(b)
  return (
    <PageContainer>
      <BookingCard
        booking={b}
        title={mine ? '我的预约' : '预约状态'}
        busy={actions.busy}
        onCancel={(x) => void actions.cancel(x)}
        onAppeal={actions.appeal}
      />
      {mine ? (
        <ShareButton
          card={() => shareCard(b, id)}
          label="分享给球友"
          hint="分享给一起打球的朋友，对方只能看到场地、时间和状态。"
        />
      ) : null}
      <View className="zg-booking-page">
        {mine ? null : (
          <Text className="zg-booking-page__hint">这是会员分享的场地预约，状态随时更新。</Text>
        )}
        <Button
          className="zg-booking-page__button"
          block
          onClick={() => void Taro.navigateTo({ url: venueDetailUrl(b.venueId, b.date) })}
        >
          {mine ? '查看当天场地' : '我也去预约场地'}
        </Button>
      </View>
    </PageContainer>
  )
}

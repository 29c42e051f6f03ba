import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { PageContainer, PagedList, useListGestures } from '@/components'
import { usePages } from '@/api/use-pages'
import { bookingUrl } from '@/utils/routes'
import { BookingCard } from '../components/booking-card'
import { useBookingActions } from '../use-booking-actions'

/** 我的预约: every booking of the member, newest first, with only what each allows now. */
export default function MyBookings() {
  const bookings = usePages('booking.mine', 10)
  const actions = useBookingActions(() => void bookings.refresh())
  const shown = useRef(false)

  // Back from a venue (a new booking) or a booking's page (a cancel there).
  useDidShow(() => {
    if (shown.current) void bookings.refresh()
    shown.current = true
  })
  useListGestures(bookings)

  return (
    <PageContainer>
      <PagedList
        pages={bookings}
        keyOf={(b) => b.ref}
        render={(b) => (
          <BookingCard
            booking={b}
            title={b.venueName}
            busy={actions.busy}
            onCancel={(x) => void actions.cancel(x)}
            onAppeal={actions.appeal}
            footer={
              <Text
                className="zg-booking__link"
                onClick={() => void Taro.navigateTo({ url: bookingUrl(b.ref) })}
              >
                查看详情或分享给球友 ›
              </Text>
            }
          />
        )}
        empty={{ title: '还没有预约', hint: '在“场馆”里选择场地和时段，预约后会显示在这里' }}
        endText="没有更多预约了"
      />
    </PageContainer>
  )
}

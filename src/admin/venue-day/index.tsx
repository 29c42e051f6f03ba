import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { DayOverview, OverviewBooking } from '@contract'
import {
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageContainer,
  StatusBadge,
} from '@/components'
import { useQuery } from '@/api/use-query'
import { addDays, formatShanghai } from '@/utils/time'
import { BOOKING_TONES, beijingToday, dateText, dayWord } from '@/utils/venue-labels'
import { ChoiceChips } from '../components/choice-chips'
import './index.scss'

/** The desk looks back a day (who came yesterday) and ahead a few (phone bookings). */
const DAYS_BACK = 1
const DAYS_AHEAD = 5

function BookingRow({ b }: { b: OverviewBooking }) {
  return (
    <View
      className={`zg-venue-day__row ${b.status === 'cancelled' ? 'zg-venue-day__row--off' : ''}`}
    >
      <View className="zg-venue-day__main">
        <Text className="zg-venue-day__table">{b.resourceName}</Text>
        <Text className="zg-venue-day__name">{b.maskedName || '（无姓名）'}</Text>
        {b.checkedInAt ? (
          <Text className="zg-venue-day__note">
            签到于 {formatShanghai(b.checkedInAt, 'HH:mm')}
          </Text>
        ) : null}
        {b.byStaff ? <Text className="zg-venue-day__note">工作人员代约</Text> : null}
      </View>
      <StatusBadge text={b.statusText} tone={BOOKING_TONES[b.status]} />
    </View>
  )
}

/** The day's bookings by slot, each slot's tables in order (the server sorts them so). */
function Slots({ overview }: { overview: DayOverview }) {
  const slots = [...new Set(overview.bookings.map((b) => `${b.start}–${b.end}`))]
  const { counts } = overview
  return (
    <>
      <Text className="zg-venue-day__counts">
        {`已预约 ${counts.booked} · 已签到 ${counts.checkedIn} · 爽约 ${counts.noShow} · 已取消 ${counts.cancelled}`}
      </Text>
      {slots.map((slot) => (
        <Card key={slot} title={slot}>
          {overview.bookings
            .filter((b) => `${b.start}–${b.end}` === slot)
            .map((b) => (
              <BookingRow key={b.bookingId} b={b} />
            ))}
        </Card>
      ))}
    </>
  )
}

/** 当日预约: for the desk, who booked which table and slot (names masked), checked in or not. */
export default function VenueDay() {
  const venues = useQuery('venue.list', { limit: 50 })
  const today = beijingToday()
  const dates = Array.from({ length: DAYS_BACK + DAYS_AHEAD + 1 }, (_v, i) =>
    addDays(today, i - DAYS_BACK),
  )
  const [date, setDate] = useState(today)
  const [picked, setPicked] = useState<string | null>(null)
  const list = venues.data?.items ?? []
  const venueId = picked ?? list[0]?.id ?? null
  const overview = useQuery('booking.dayOverview', venueId ? { venueId, date } : null)

  if (!venues.data) {
    return (
      <PageContainer>
        {venues.error ? (
          <ErrorState message={venues.error.message} onRetry={() => void venues.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageContainer>
    )
  }
  if (!venueId) {
    return (
      <PageContainer>
        <EmptyState title="还没有开放预约的场馆" hint="场馆发布后，这里显示每天的预约" />
      </PageContainer>
    )
  }
  const o = overview.data
  return (
    <PageContainer className="zg-venue-day">
      {list.length > 1 ? (
        <Card title="场馆">
          <ChoiceChips
            options={list.map((v) => v.id)}
            labelOf={(id) => list.find((v) => v.id === id)?.name ?? id}
            value={venueId}
            onChange={setPicked}
          />
        </Card>
      ) : null}
      <Card title="日期">
        <ChoiceChips
          options={dates}
          labelOf={(d) => `${dayWord(d, today)} ${d.slice(5).replace('-', '/')}`}
          value={date}
          onChange={setDate}
        />
      </Card>
      <Text className="zg-venue-day__title">
        {list.find((v) => v.id === venueId)?.name} · {dateText(date)}
      </Text>
      {o && o.date === date && o.venueId === venueId ? (
        o.bookings.length > 0 ? (
          <Slots overview={o} />
        ) : (
          <EmptyState title="当天没有预约" />
        )
      ) : overview.error ? (
        <ErrorState message={overview.error.message} onRetry={() => void overview.reload()} />
      ) : (
        <LoadingState />
      )}
    </PageContainer>
  )
}

import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { VenueDay } from '@contract'
import { Card, EmptyState, ErrorState, LoadingState, PageContainer } from '@/components'
import { useQuery } from '@/api/use-query'
import { dateText } from '@/utils/venue-labels'
import { formatShanghai } from '@/utils/time'
import { venueDetailUrl } from '@/utils/routes'
import { AnswerPanel } from './answer-panel'
import { ConfirmPanel } from './confirm-panel'
import { DateStrip } from './date-strip'
import { VenueHeader } from './header'
import { spanOf } from './selection'
import { SlotGrid } from './slot-grid'
import { useBooking } from './use-booking'
import './index.scss'

/** 场馆: the venue, its bookable days, the chosen day's grid, and booking on the same screen. */
export default function VenueDetail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [date, setDate] = useState<string | undefined>(params.date)
  const venue = useQuery('venue.get', id ? { id } : null)
  // Without a date the server answers the first bookable day.
  const day = useQuery('venue.day', id ? (date ? { id, date } : { id }) : null)
  const booking = useBooking(id, day.data, venue.data?.policy, day.reload)
  const shown = useRef(false)

  // Back from a booking's page (a cancel there frees its cell) or from 会员认证.
  useDidShow(() => {
    if (shown.current) void day.reload()
    shown.current = true
  })

  useShareAppMessage(() => ({
    title: venue.data ? `${venue.data.name} · 场地预约` : '浙工服务场地预约',
    path: venueDetailUrl(id),
    imageUrl: venue.data?.photoUrl ?? undefined,
  }))

  if (!id) {
    return (
      <PageContainer>
        <ErrorState message="场馆链接不完整" onRetry={() => void Taro.navigateBack()} />
      </PageContainer>
    )
  }
  const v = venue.data
  if (!v) {
    return (
      <PageContainer>
        {venue.error ? (
          <ErrorState message={venue.error.message} onRetry={() => void venue.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageContainer>
    )
  }

  // The day asked for; while another day loads, the old grid is not shown under the new date.
  const d = day.data && (!date || day.data.date === date) ? day.data : undefined
  const choose = (next: string) => {
    if (next === d?.date) return
    booking.clear()
    setDate(next)
  }
  const { selection, answer } = booking
  const tableName = d?.resources.find((r) => r.id === selection?.resourceId)?.name ?? ''
  const sheet = answer ? (
    <AnswerPanel answer={answer} consent={booking.consent} onClose={booking.clear} />
  ) : selection && d ? (
    <ConfirmPanel
      date={d.date}
      tableName={tableName}
      span={spanOf(d, selection)}
      slots={selection.starts.length}
      cancelRule={d.cancelRule}
      submitting={booking.submitting}
      onConfirm={() => void booking.confirm()}
      onClear={booking.clear}
    />
  ) : null

  return (
    <PageContainer className={`zg-venue ${sheet ? 'zg-venue--sheet' : ''}`}>
      <VenueHeader venue={v} />
      <Card title="选择日期">
        {(d?.days ?? v.days).length > 0 ? (
          <DateStrip days={d?.days ?? v.days} chosen={date ?? d?.date ?? ''} onChoose={choose} />
        ) : (
          <EmptyState title="近期没有可预约的日期" hint="开放日期以场馆公告为准" />
        )}
      </Card>
      <Card
        title={d ? `${dateText(d.date)} 时段` : date ? `${dateText(date)} 时段` : '时段'}
        footer={
          <Text className="zg-venue__hint">点空闲的格子选择时段；同一场地可连选相邻时段</Text>
        }
      >
        {d ? (
          <DayBody day={d} booking={booking} />
        ) : day.error ? (
          <ErrorState message={day.error.message} onRetry={() => void day.reload()} />
        ) : (
          <LoadingState />
        )}
      </Card>
      {sheet}
    </PageContainer>
  )
}

function DayBody({ day, booking }: { day: VenueDay; booking: ReturnType<typeof useBooking> }) {
  const opensLater = day.open && new Date(day.opensAt).getTime() > Date.now()
  return (
    <View className="zg-venue__day">
      {!day.open ? <Text className="zg-venue__closed">当天不开放：{day.reason ?? ''}</Text> : null}
      {opensLater ? (
        <Text className="zg-venue__opens">
          本日时段将于 {formatShanghai(day.opensAt, 'M月D日 HH:mm')} 开放预约
        </Text>
      ) : null}
      <SlotGrid day={day} selection={booking.selection} onCell={booking.tap} />
    </View>
  )
}

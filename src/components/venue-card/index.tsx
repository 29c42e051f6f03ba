import { Image, Text, View } from '@tarojs/components'
import type { VenueSummary } from '@contract'
import { Card } from '../card'
import './index.scss'

interface Props {
  venue: VenueSummary
  onTap: () => void
}

/** One venue in the 场馆 tab: what and where, its usual hours and how many tables. */
export function VenueCard({ venue, onTap }: Props) {
  return (
    <Card
      title={venue.name}
      footer={<Text className="zg-venue-card__go">查看时段并预约 ›</Text>}
      onTap={onTap}
    >
      <View className="zg-venue-card">
        {venue.photoUrl ? (
          <Image className="zg-venue-card__photo" src={venue.photoUrl} mode="aspectFill" />
        ) : null}
        <View className="zg-venue-card__lines">
          <Text className="zg-venue-card__line">{venue.address}</Text>
          <Text className="zg-venue-card__line">
            每天 {venue.hours.open}–{venue.hours.close} · 每时段 {venue.slotMinutes} 分钟
          </Text>
          <Text className="zg-venue-card__line">共 {venue.resources} 个场地</Text>
        </View>
      </View>
    </Card>
  )
}

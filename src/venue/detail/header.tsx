import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { Venue } from '@contract'

/** Photo, name, where, whom to call, and the venue's notes in the staff's own words. */
export function VenueHeader({ venue }: { venue: Venue }) {
  const call = () => void Taro.makePhoneCall({ phoneNumber: venue.phone }).catch(() => undefined)
  return (
    <View className="zg-venue__head">
      {venue.photoUrl ? (
        <Image className="zg-venue__photo" src={venue.photoUrl} mode="aspectFill" />
      ) : null}
      <Text className="zg-venue__name">{venue.name}</Text>
      <Text className="zg-venue__line">地址：{venue.address}</Text>
      <Text className="zg-venue__line">
        开放：每天 {venue.hours.open}–{venue.hours.close}，共 {venue.resources} 个场地
      </Text>
      <View className="zg-venue__phone" onClick={call}>
        <Text>咨询电话：{venue.phone}（点此拨打）</Text>
      </View>
      {venue.notes ? <Text className="zg-venue__notes">{venue.notes}</Text> : null}
    </View>
  )
}

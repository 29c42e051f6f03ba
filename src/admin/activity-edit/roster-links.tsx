import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ManagedActivity } from '@contract'
import { ADMIN_CHECK_IN_URL, adminRosterUrl } from '@/utils/routes'
import { formatShanghai } from '@/utils/time'
import './roster-links.scss'

/**
 * 名单 / 检票 per session, once the activity is out of draft: from here staff open a session's
 * roster (and export it) or go to the door.
 */
export function RosterLinks({ activity }: { activity: ManagedActivity }) {
  if (activity.status === 'draft' || activity.sessions.length === 0) return null
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className="zg-act-roster">
      <Text className="zg-act-roster__title">名单与检票</Text>
      {activity.sessions.map((s, i) => (
        <View
          key={s.id}
          className="zg-act-roster__row"
          onClick={() => go(adminRosterUrl(activity.id, s.id))}
        >
          <Text className="zg-act-roster__session">
            第{i + 1}场（{formatShanghai(s.startAt, 'M月D日 HH:mm')}）
          </Text>
          <Text className="zg-act-roster__link">名单 ›</Text>
        </View>
      ))}
      <View className="zg-act-roster__row" onClick={() => go(ADMIN_CHECK_IN_URL)}>
        <Text className="zg-act-roster__session">扫码或输入票码</Text>
        <Text className="zg-act-roster__link">检票 ›</Text>
      </View>
    </View>
  )
}

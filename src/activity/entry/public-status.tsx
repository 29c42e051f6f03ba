import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { EntryStatus, EntryStatusCard } from '@contract'
import { Button, Card, StatusBadge } from '@/components'
import { entryBadge } from '@/utils/activity-labels'
import { activityDetailUrl } from '@/utils/routes'
import { sessionTime } from '../when'

/** The status in a sentence for someone who is not the entry's member (a friend in the chat). */
const SAID: Record<EntryStatus, string> = {
  confirmed: '已报名成功，名额已保留。',
  pending: '已登记，等待抽签。',
  won: '已中签。',
  lost: '本次抽签未中签。',
  waitlisted: '候补中：有人放弃名额时，按候补顺序依次递补。',
  offered: '有名额空出，已递补给这份报名，正等待确认。',
  cancelled: '这份报名已取消。',
  checkedIn: '已到场签到。',
  noShow: '未按时到场签到。',
}

/**
 * A shared entry as anyone but its member sees it: the activity, the session, the place and
 * the status, as the server sends them (no name, companions, ticket code or actions).
 */
export function PublicStatus({ card }: { card: EntryStatusCard }) {
  const badge = entryBadge(card.status)
  return (
    <>
      <Card title="报名状态" extra={<StatusBadge text={badge.text} tone={badge.tone} />}>
        <View className="zg-entry-page__rows">
          <Text className="zg-entry-page__said">{SAID[card.status]}</Text>
          <Text className="zg-entry-page__line">场次：{sessionTime(card.sessionStartAt)}</Text>
          <Text className="zg-entry-page__line">地点：{card.placeName}</Text>
          <Text className="zg-entry-page__line">地址：{card.placeAddress}</Text>
          <Text className="zg-entry-page__line">人数：{card.partySize} 人</Text>
        </View>
      </Card>
      <View className="zg-entry-foot">
        <Text className="zg-entry-foot__hint">
          这是会员分享的报名状态，随报名进展实时更新；只有报名的会员本人可以操作。
        </Text>
        <Button
          className="zg-entry-foot__button"
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: activityDetailUrl(card.activityId) })}
        >
          查看活动
        </Button>
      </View>
    </>
  )
}

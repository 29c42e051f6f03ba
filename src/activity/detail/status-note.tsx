import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Activity } from '@contract'
import { Button, Card } from '@/components'
import { MEMBER_VERIFY_URL } from '@/utils/routes'
import { shortTime } from '../when'

/** Why there is no form, in words: not yet, no longer, or called off. Null when signup is open. */
export function closedText(activity: Activity): { title: string; text: string } | null {
  switch (activity.phase) {
    case 'open':
    case 'upcoming':
      return null
    case 'draft':
      return { title: '活动尚未发布', text: '发布后会员才能看到并报名。' }
    case 'closed':
      return activity.allocation === 'lottery'
        ? {
            title: '报名已截止，等待抽签',
            text: activity.drawAt
              ? `将于${shortTime(activity.drawAt)}抽签，抽签前不会决定任何结果。`
              : '报名截止后抽签，抽签前不会决定任何结果。',
          }
        : { title: '报名已截止', text: '本活动已停止报名。' }
    case 'finished':
      return { title: '活动已结束', text: '感谢关注，请留意中心的其他活动。' }
    case 'cancelled':
      return {
        title: '活动已取消',
        text: activity.cancelReason
          ? `取消原因：${activity.cancelReason}。已有的报名随之取消。`
          : '已有的报名随之取消。',
      }
  }
}

export function StatusNote({ title, text }: { title: string; text: string }) {
  return (
    <Card title={title}>
      <Text className="zg-activity__note">{text}</Text>
    </Card>
  )
}

/** Signing up needs 会员认证 first; say so plainly and open it. */
export function VerifyPrompt() {
  return (
    <Card title="报名需先完成会员认证">
      <View className="zg-activity__verify">
        <Text className="zg-activity__note">
          只有已认证的工会会员可以报名。认证只需一次：姓名、身份证号和微信手机号与会员库一致即可。
        </Text>
        <Button
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: MEMBER_VERIFY_URL })}
        >
          去认证
        </Button>
      </View>
    </Card>
  )
}

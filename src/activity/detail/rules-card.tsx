import { Text, View } from '@tarojs/components'
import type { Activity } from '@contract'
import { Card } from '@/components'
import { shortTime } from '../when'

/** The rules in plain words, one sentence each, in the order a member asks about them. */
export function rules(activity: Activity): string[] {
  const { party, eligibility, allocation } = activity
  const lines = [
    '报名对象：已认证的工会会员，每人每个活动限报一次',
    `报名时间：${shortTime(activity.signupOpensAt)} 至 ${shortTime(activity.signupClosesAt)}`,
  ]
  if (party.family) {
    lines.push(
      `亲子场次：由会员本人带1至${party.maxSize - 1}名${party.family.childMinAge}至${party.family.childMaxAge}岁的儿童参加，每份报名最多${party.maxSize}人（含本人），需填写每位儿童的姓名和年龄`,
    )
  } else if (party.maxSize > 1) {
    lines.push(`每份报名最多${party.maxSize}人（含本人），需填写同行人姓名`)
  } else {
    lines.push('每份报名限本人1人')
  }
  if (eligibility.winsPerMonth !== null) {
    lines.push(
      `每位会员每个自然月最多获得${eligibility.winsPerMonth}次名额（中签或先到先得报名成功都算）`,
    )
  }
  lines.push(
    activity.cancelCutoffHours > 0
      ? `开场前${activity.cancelCutoffHours}小时可取消`
      : '开场前均可取消',
  )
  if (allocation === 'lottery') {
    lines.push(
      activity.drawAt
        ? `抽签分配：报名截止后于${shortTime(activity.drawAt)}抽签，抽签前不会决定任何结果，报名先后不影响中签`
        : '抽签分配：报名截止后抽签，抽签前不会决定任何结果，报名先后不影响中签',
    )
    lines.push('同一份报名的人一起中签或一起未中签')
  } else {
    lines.push('先到先得：提交成功即占名额，额满为止；同一份报名的人一起占位')
  }
  return lines
}

export function RulesCard({ activity }: { activity: Activity }) {
  return (
    <Card title="报名规则">
      <View className="zg-activity__rules">
        {rules(activity).map((line) => (
          <Text key={line} className="zg-activity__rule">
            · {line}
          </Text>
        ))}
      </View>
    </Card>
  )
}

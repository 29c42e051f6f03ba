import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Activity } from '@contract'
import { Button } from '@/components'
import { MEMBER_VERIFY_URL } from '@/utils/routes'
import { partyText } from '../entry-words'
import { sessionTime, shortTime } from '../when'
import type { Answer } from './use-signup'

interface Props {
  answer: Answer
  activity: Activity
}

/** The answer to the submit tap, on the same screen: what was secured, or why not, in words. */
export function AnswerPanel({ answer, activity }: Props) {
  if (!answer.ok) {
    const { error } = answer
    return (
      <View className="zg-answer zg-answer--refused">
        <Text className="zg-answer__title">
          {answer.mode === 'edit' ? '修改未成功' : '报名未成功'}
        </Text>
        <Text className="zg-answer__message">{error.message}</Text>
        {error.code === 'INVALID_INPUT' ? (
          <Text className="zg-answer__line">请按表单中的提示修改后再提交。</Text>
        ) : null}
        {error.code === 'FORBIDDEN' ? (
          <>
            <Text className="zg-answer__line">报名需先完成会员认证。</Text>
            <Button
              type="primary"
              block
              onClick={() => void Taro.navigateTo({ url: MEMBER_VERIFY_URL })}
            >
              去认证
            </Button>
          </>
        ) : null}
      </View>
    )
  }
  const { entry } = answer
  const lottery = entry.status === 'pending'
  const title = lottery
    ? answer.mode === 'edit'
      ? '已保存修改，等待抽签'
      : '已登记，等待抽签'
    : '报名成功'
  return (
    <View className="zg-answer zg-answer--done">
      <Text className="zg-answer__title">✓ {title}</Text>
      <Text className="zg-answer__line">场次：{sessionTime(entry.sessionStartAt)}</Text>
      <Text className="zg-answer__line">人数：{partyText(entry)}</Text>
      {lottery ? (
        <Text className="zg-answer__line">
          {activity.drawAt
            ? `将于${shortTime(activity.drawAt)}抽签，结果会在“我的报名”中显示。`
            : '报名截止后抽签，结果会在“我的报名”中显示。'}
        </Text>
      ) : (
        <Text className="zg-answer__line">名额已为您保留，请按时到场。</Text>
      )}
    </View>
  )
}

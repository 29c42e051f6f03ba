import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button, PageContainer } from '@/components'
import { adminRosterUrl } from '@/utils/routes'
import { DoorAnswerView } from './answer'
import { CAN_SCAN, useCheckIn } from './use-check-in'
import './index.scss'

/**
 * 检票 at the door, for checkers, staff and admins: a big 扫码检票 (WeChat only), a field for
 * the code when a screen will not scan, and the answer until the next person steps up.
 */
export default function CheckInPage() {
  const door = useCheckIn()
  const [code, setCode] = useState('')
  const { answer } = door

  const nextOne = () => {
    setCode('')
    door.next()
  }

  return (
    <PageContainer>
      <View className="zg-door">
        {answer ? (
          <DoorAnswerView answer={answer} />
        ) : (
          <Text className="zg-door__hint">
            {CAN_SCAN
              ? '请扫描会员出示的电子票二维码；无法扫码时，在下方输入票码'
              : '请输入会员出示的电子票码'}
          </Text>
        )}
        {answer?.kind === 'refused' && answer.retry ? (
          <Button block className="zg-door__button" onClick={() => void door.retry()}>
            重试
          </Button>
        ) : null}
        {answer ? (
          <Button block type="primary" className="zg-door__button" onClick={nextOne}>
            {CAN_SCAN ? '扫下一张' : '检下一张'}
          </Button>
        ) : CAN_SCAN ? (
          <Button
            block
            type="primary"
            className="zg-door__button zg-door__scan"
            loading={door.checking}
            disabled={door.checking}
            onClick={() => void door.scan()}
          >
            扫码检票
          </Button>
        ) : null}
        <View className="zg-door__manual">
          <Text className="zg-door__label">输入票码</Text>
          <Input
            className="zg-door__input"
            value={code}
            maxlength={120}
            placeholder="票码（T 开头）或预约码（B 开头）"
            confirmType="done"
            onInput={(e) => setCode(e.detail.value)}
            onConfirm={() => void door.check(code)}
          />
          <Button
            block
            className="zg-door__button"
            loading={door.checking}
            disabled={door.checking}
            onClick={() => void door.check(code)}
          >
            检票
          </Button>
        </View>
        {answer?.kind === 'admitted' ? (
          <Text
            className="zg-door__link"
            onClick={() =>
              void Taro.navigateTo({
                url: adminRosterUrl(answer.ticket.activityId, answer.ticket.sessionId),
              })
            }
          >
            查看本场名单 ›
          </Text>
        ) : null}
      </View>
    </PageContainer>
  )
}

import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Card, ErrorState, Field, LoadingState, PageContainer } from '@/components'
import { useQuery } from '@/api/use-query'
import { useSubmit } from '@/api/use-submit'
import { formatShanghai, isFuture } from '@/utils/time'
import { PhoneCodeButton } from './phone-code-button'
import './index.scss'

const ID_PATTERN = /^\d{17}[\dXx]$/

/** A first check on the phone; the server checks again (and the checksum). */
function missing(name: string, idNumber: string): string | null {
  if (!name.trim()) return '请填写姓名'
  if (!idNumber.trim()) return '请填写身份证号'
  if (!ID_PATTERN.test(idNumber.trim())) return '身份证号应为18位'
  return null
}

/** Back to 我的, which reloads on show; opened from a link with no page below, switch to it. */
function backToMe(): void {
  Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' }))
}

export default function Verify() {
  const me = useQuery('me.get', {})
  const verify = useSubmit('member.verify')
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')

  if (me.loading && !me.data) {
    return (
      <PageContainer>
        <LoadingState />
      </PageContainer>
    )
  }
  if (me.error && !me.data) {
    return (
      <PageContainer>
        <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
      </PageContainer>
    )
  }

  const lockedUntil = me.data?.verification.lockedUntil ?? null
  const locked = lockedUntil !== null && isFuture(lockedUntil)

  const submit = async (phoneCode: string) => {
    const done = await verify.submit({
      name: name.trim(),
      idNumber: idNumber.trim().toUpperCase(),
      phoneCode,
    })
    if (done) {
      void Taro.showToast({ title: '认证成功', icon: 'success' })
      setTimeout(backToMe, 800)
    } else {
      // A failure may have locked verification; show it.
      void me.reload()
    }
  }

  if (me.data?.verified) {
    return (
      <PageContainer>
        <Card title="您已完成会员认证">
          <Text>可在“我的”查看会员信息。</Text>
        </Card>
      </PageContainer>
    )
  }

  return (
    <PageContainer>
      <View className="zg-verify">
        <Text className="zg-verify__lead">
          请填写会员库登记的姓名和身份证号，并授权微信绑定的手机号，三者一致即完成认证。
        </Text>
        <Field label="姓名">
          <Input
            className="zg-field__input"
            value={name}
            maxlength={30}
            placeholder="请输入姓名"
            onInput={(e) => setName(e.detail.value)}
          />
        </Field>
        <Field label="身份证号">
          <Input
            className="zg-field__input"
            type="idcard"
            value={idNumber}
            maxlength={18}
            placeholder="请输入18位身份证号"
            onInput={(e) => setIdNumber(e.detail.value)}
          />
        </Field>
        <Text className="zg-verify__privacy">
          身份证号只用于核对会员身份，不会明文保存；手机号用于活动联系，页面上只显示部分号码。
        </Text>
        {locked && lockedUntil ? (
          <Text className="zg-verify__locked">
            认证失败次数过多，请于{formatShanghai(lockedUntil)}后再试。
          </Text>
        ) : null}
      </View>
      <View className="zg-verify__actions">
        {locked ? null : (
          <PhoneCodeButton
            blocker={missing(name, idNumber)}
            onCode={submit}
            loading={verify.submitting}
          >
            获取手机号并认证
          </PhoneCodeButton>
        )}
      </View>
    </PageContainer>
  )
}

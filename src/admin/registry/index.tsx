import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, View } from '@tarojs/components'
import type { RegistryMember } from '@contract'
import {
  Button,
  Card,
  InfoRows,
  PageContainer,
  PagedList,
  StatusBadge,
  useListGestures,
} from '@/components'
import { call } from '@/api/call'
import { showError } from '@/api/show-error'
import { usePages } from '@/api/use-pages'
import { useQuery } from '@/api/use-query'
import { isAdmin } from '@/utils/roles'
import { ADMIN_IMPORT_URL } from '@/utils/routes'
import { useUnbind } from './use-unbind'
import './index.scss'

/** Only the masked phone is in the list; the clear one is read (and audited) at the tap. */
async function dial(memberId: string): Promise<void> {
  try {
    const { phone } = await call('registry.contact', { memberId })
    await Taro.makePhoneCall({ phoneNumber: phone })
  } catch (err) {
    if (err instanceof Error && /cancel/i.test(err.message)) return
    showError(err)
  }
}

export default function Registry() {
  const me = useQuery('me.get', {})
  const [input, setInput] = useState('')
  const [query, setQuery] = useState('')
  const members = usePages('registry.list', 20, query ? { query } : {})
  const unbind = useUnbind(() => void members.refresh())

  useListGestures(members)

  const renderMember = (m: RegistryMember) => (
    <Card
      title={m.maskedName}
      extra={
        m.bound ? (
          <StatusBadge text="已绑定" tone="green" />
        ) : (
          <StatusBadge text="未绑定" tone="grey" />
        )
      }
    >
      <InfoRows
        rows={[
          { label: '手机号', value: m.maskedPhone },
          { label: '身份证', value: `尾号 ${m.idLast4}` },
          { label: '基层工会', value: m.unit },
          { label: '会员卡号', value: m.cardNo },
        ]}
      />
      {unbind.memberId === m.id ? (
        <View className="zg-registry__unbind">
          <Input
            className="zg-registry__input"
            value={unbind.reason}
            maxlength={200}
            placeholder="解除原因（记入操作日志）"
            onInput={(e) => unbind.setReason(e.detail.value)}
          />
          <View className="zg-registry__actions">
            <Button
              size="small"
              type="primary"
              loading={unbind.submitting}
              onClick={() => void unbind.commit(m.maskedName)}
            >
              确认解除
            </Button>
            <Button size="small" onClick={unbind.cancel}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className="zg-registry__actions">
          <Button size="small" onClick={() => void dial(m.id)}>
            拨打电话
          </Button>
          {m.bound ? (
            <Button size="small" type="primary" fill="outline" onClick={() => unbind.start(m.id)}>
              解除绑定
            </Button>
          ) : null}
        </View>
      )}
    </Card>
  )

  return (
    <PageContainer>
      <View className="zg-registry__bar">
        <Input
          className="zg-registry__input zg-registry__search"
          value={input}
          maxlength={30}
          placeholder="姓名或会员卡号"
          confirmType="search"
          onInput={(e) => setInput(e.detail.value)}
          onConfirm={() => setQuery(input.trim())}
        />
        <Button size="small" type="primary" onClick={() => setQuery(input.trim())}>
          搜索
        </Button>
      </View>
      {me.data && isAdmin(me.data.roles) ? (
        <View className="zg-registry__import">
          <Button block onClick={() => void Taro.navigateTo({ url: ADMIN_IMPORT_URL })}>
            导入会员库
          </Button>
        </View>
      ) : null}
      <PagedList
        pages={members}
        keyOf={(m) => m.id}
        render={renderMember}
        empty={
          query ? { title: '没有找到会员', hint: '换个姓名或卡号试试' } : { title: '会员库是空的' }
        }
        endText="没有更多会员了"
      />
    </PageContainer>
  )
}

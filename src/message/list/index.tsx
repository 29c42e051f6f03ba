import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyMessage } from '@contract'
import { Button, PageContainer, PagedList, useListGestures } from '@/components'
import { call, useSubmit } from '@/api'
import { usePages } from '@/api/use-pages'
import { useUnread } from '@/api/use-unread'
import { MessageCard } from './message-card'
import './index.scss'

/** Tab pages live under pages/ and open with switchTab; every other link with navigateTo. */
function go(link: string): void {
  const url = link.startsWith('/') ? link : `/${link}`
  void (url.startsWith('/pages/') ? Taro.switchTab({ url }) : Taro.navigateTo({ url }))
}

/** 消息: every message the member was sent, newest first; a tap reads it and opens its page. */
export default function Messages() {
  const messages = usePages('message.list', 20)
  const unread = useUnread()
  const readAll = useSubmit('message.read')
  // Read here since the list loaded: shown read at once, whatever the network does.
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set())
  const shown = useRef(false)

  // Back from a message's page: statuses may have moved on, new messages may have come.
  useDidShow(() => {
    if (shown.current) void messages.refresh()
    shown.current = true
  })
  useListGestures(messages)

  const isRead = (m: MyMessage) => m.readAt !== null || readHere.has(m.id)

  const open = (m: MyMessage) => {
    if (!isRead(m)) {
      setReadHere((ids) => new Set(ids).add(m.id))
      unread.set(Math.max(0, (unread.count ?? 1) - 1))
      // Not awaited: the page opens now; a failed mark leaves it 未读 on the next load.
      call('message.read', { ids: [m.id] })
        .then((r) => unread.set(r.unread))
        .catch(() => undefined)
    }
    go(m.link)
  }

  const markAll = async () => {
    const done = await readAll.submit({})
    if (!done) return
    setReadHere(new Set(messages.items.map((m) => m.id)))
    unread.set(done.unread)
    void Taro.showToast({ title: '已全部标为已读', icon: 'none' })
  }

  const count = unread.count ?? 0
  return (
    <PageContainer>
      {messages.items.length > 0 ? (
        <View className="zg-messages__head">
          <Text className="zg-messages__count">
            {count > 0 ? `${count} 条未读消息` : '没有未读消息'}
          </Text>
          {count > 0 ? (
            <Button
              className="zg-messages__all"
              block
              loading={readAll.submitting}
              onClick={() => void markAll()}
            >
              全部已读
            </Button>
          ) : null}
        </View>
      ) : null}
      <PagedList
        pages={messages}
        keyOf={(m) => m.id}
        render={(m) => <MessageCard message={m} read={isRead(m)} onTap={() => open(m)} />}
        empty={{ title: '暂无消息', hint: '抽签结果、递补名额、活动提醒等会显示在这里' }}
        endText="没有更多消息了"
      />
    </PageContainer>
  )
}

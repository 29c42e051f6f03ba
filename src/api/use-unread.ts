import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { call } from './call'
import { toClientError } from './errors'

/** 我的 is the fourth tab (app.config.ts); its badge carries the unread count. */
const ME_TAB_INDEX = 3

/**
 * Whether the caller is a verified member, as far as the last answer showed: only members have
 * messages, so tab pages stop asking once the api said no, until 我的 (which knows) says yes.
 */
let memberKnown: boolean | undefined

/** The badge on 我的, or none. Best effort: absent or refused (h5, an old client), it is skipped. */
function showBadge(count: number): void {
  try {
    const done =
      count > 0
        ? Taro.setTabBarBadge?.({ index: ME_TAB_INDEX, text: count > 99 ? '99+' : String(count) })
        : Taro.removeTabBarBadge?.({ index: ME_TAB_INDEX })
    void Promise.resolve(done).catch(() => undefined)
  } catch {
    // A badge is a nicety; it never breaks the page.
  }
}

interface Options {
  /** A tab page: keep the 我的 badge in step (tab-bar APIs belong to tab pages). */
  badge?: boolean
  /**
   * What the page knows of the caller: a verified member or not, `null` while it is still
   * finding out (nothing is asked until then); absent on pages that do not know.
   */
  member?: boolean | null
}

/**
 * 未读消息: how many, asked each time the page shows. Tab pages pass `badge` so the 我的 tab
 * shows the count; the message list sets it from each 标为已读 reply.
 */
export function useUnread({ badge = false, member }: Options = {}) {
  const [count, setCount] = useState<number>()
  if (typeof member === 'boolean') memberKnown = member

  const show = useCallback(
    (n: number) => {
      setCount(n)
      if (badge) showBadge(n)
    },
    [badge],
  )

  const refresh = useCallback(async () => {
    if (member === null) return
    if (member === false || (member === undefined && memberKnown === false)) {
      show(0)
      return
    }
    try {
      const page = await call('message.list', { limit: 1 }, { retries: 0 })
      memberKnown = true
      show(page.unread)
    } catch (err) {
      const { code } = toClientError(err)
      if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') {
        memberKnown = false
        show(0)
      }
    }
  }, [member, show])

  useDidShow(() => {
    void refresh()
  })
  // The page learnt who the caller is after it showed (我的 loads me.get first).
  useEffect(() => {
    if (typeof member === 'boolean') void refresh()
  }, [member, refresh])

  return { count, set: show, refresh }
}

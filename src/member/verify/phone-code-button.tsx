import { useState } from 'react'
import { Button } from '@/components'
import { devPhoneCode } from '@/api/phone-code'
import { showError } from '@/api/show-error'
import { toast } from '@/utils/confirm'

interface Props {
  /** Why the phone may not be asked for yet (a field still empty), shown on a tap; null when ready. */
  blocker: string | null
  onCode: (code: string) => void
  loading: boolean
  children: string
}

interface PhoneEvent {
  detail: { code?: string; errMsg?: string }
}

/**
 * WeChat asks the member to share their phone and hands back a one-off code; in the H5 demo
 * the local cloud answers for the dev identity. The page only ever sees the code.
 */
export function PhoneCodeButton({ blocker, onCode, loading, children }: Props) {
  const [asking, setAsking] = useState(false)

  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button
        type="primary"
        block
        loading={loading}
        disabled={loading}
        openType={blocker ? undefined : 'getPhoneNumber'}
        onClick={() => {
          if (blocker) toast(blocker)
        }}
        onGetPhoneNumber={(e: PhoneEvent) => {
          if (e.detail.code) onCode(e.detail.code)
          else toast('需要授权手机号才能完成认证')
        }}
      >
        {children}
      </Button>
    )
  }

  const ask = async () => {
    if (blocker) {
      toast(blocker)
      return
    }
    setAsking(true)
    try {
      onCode(await devPhoneCode())
    } catch (err) {
      showError(err)
    } finally {
      setAsking(false)
    }
  }
  return (
    <Button
      type="primary"
      block
      loading={loading || asking}
      disabled={loading || asking}
      onClick={ask}
    >
      {children}
    </Button>
  )
}

import { useState } from 'react'
import { useSubmit } from '@/api/use-submit'
import { confirm, toast } from '@/utils/confirm'

/** 解除绑定: a reason (kept in the audit log), a confirmation, then binding.move to nobody. */
export function useUnbind(onDone: () => void) {
  const move = useSubmit('binding.move')
  const [memberId, setMemberId] = useState<string | null>(null)
  const [reason, setReason] = useState('')

  const start = (id: string) => {
    setMemberId(id)
    setReason('')
  }
  const cancel = () => setMemberId(null)

  const commit = async (maskedName: string) => {
    if (!memberId) return
    if (!reason.trim()) {
      toast('请填写解除原因')
      return
    }
    const ok = await confirm(
      '解除绑定',
      `解除后，${maskedName}的微信账号不再是已认证会员，需要重新认证。确定解除吗？`,
      '解除',
    )
    if (!ok) return
    const done = await move.submit({ memberId, toOpenid: null, reason: reason.trim() })
    if (done) {
      toast('已解除绑定')
      setMemberId(null)
      onDone()
    }
  }

  return { memberId, reason, setReason, start, cancel, commit, submitting: move.submitting }
}

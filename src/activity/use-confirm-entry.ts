import type { MyEntry } from '@contract'
import { useSubmit } from '@/api/use-submit'
import { confirm, toast } from '@/utils/confirm'

/**
 * 确认参加 a won entry, or 接受递补 an offer: asked first (it commits the member to come), then
 * entry.confirm.
 */
export function useConfirmEntry(onDone: (entry: MyEntry) => void) {
  const confirmEntry = useSubmit('entry.confirm')

  const run = async (entry: MyEntry) => {
    const offer = entry.status === 'offered'
    const yes = await confirm(
      offer ? '接受递补' : '确认参加',
      '确认后生成电子票，请按时到场检票。如不能参加，请尽早点“我去不了了”，名额将让给候补会员。',
      offer ? '接受' : '确认参加',
    )
    if (!yes) return
    const done = await confirmEntry.submit({ activityId: entry.activityId })
    if (done) {
      toast('已确认，电子票已生成')
      onDone(done)
    }
  }

  return { run, submitting: confirmEntry.submitting }
}

import type { MyEntry } from '@contract'
import { useSubmit } from '@/api/use-submit'
import { confirm, toast } from '@/utils/confirm'
import { cancelQuestion, cancelledText } from './entry-words'

/** 取消 / 撤回 an entry: a confirmation that says what is given up, then entry.cancel. */
export function useCancelEntry(onDone: (entry: MyEntry) => void) {
  const cancel = useSubmit('entry.cancel')

  const run = async (entry: MyEntry) => {
    const ask = cancelQuestion(entry)
    if (!(await confirm(ask.title, ask.content, ask.ok))) return
    const done = await cancel.submit({ activityId: entry.activityId })
    if (done) {
      toast(cancelledText(entry))
      onDone(done)
    }
  }

  return { run, submitting: cancel.submitting }
}

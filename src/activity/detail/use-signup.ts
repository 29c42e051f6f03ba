import { useCallback, useState } from 'react'
import type { MyEntry } from '@contract'
import type { ClientError } from '@/api/errors'
import { useSubmitOutcome } from '@/api/use-submit'
import type { SignupParams } from './signup-draft'

export type SignupMode = 'submit' | 'edit'

/** What the member is told on the same screen: the entry, or the refusal in words. */
export type Answer =
  | { ok: true; mode: SignupMode; entry: MyEntry }
  | { ok: false; mode: SignupMode; error: ClientError }

/**
 * entry.submit / entry.edit with the answer kept for the page. One intent keeps one request id
 * until it succeeds (a double tap or a retry on a weak network signs up once); a refusal is
 * handed back, not toasted, because the page shows it in place (名额已满 in the result panel, a
 * companion's age next to that companion).
 */
export function useSignup() {
  const submitter = useSubmitOutcome('entry.submit', { toast: false })
  const editor = useSubmitOutcome('entry.edit', { toast: false })
  const [answer, setAnswer] = useState<Answer | null>(null)
  const { submit } = submitter
  const { submit: edit } = editor

  const send = useCallback(
    async (mode: SignupMode, params: SignupParams): Promise<Answer> => {
      const outcome = await (mode === 'edit' ? edit(params) : submit(params))
      const result: Answer = outcome.ok
        ? { ok: true, mode, entry: outcome.data }
        : { ok: false, mode, error: outcome.error }
      setAnswer(result)
      return result
    },
    [submit, edit],
  )

  const clear = useCallback(() => setAnswer(null), [])

  return { send, submitting: submitter.submitting || editor.submitting, answer, clear }
}

import { useCallback, useState } from 'react'
import type { SubscribeTopic } from '@/config/templates'
import { askConsent, recordConsent, type ConsentOutcome } from './consent'

/**
 * One tap's consent ask, kept for the page to show what was subscribed. `ask` must run inside
 * the tap (WeChat's rule); it resolves once the server has the answer, which a caller need not
 * wait for: the signup or booking goes ahead whatever the member chose.
 */
export function useConsent() {
  const [outcome, setOutcome] = useState<ConsentOutcome | null>(null)

  const ask = useCallback((topics: readonly SubscribeTopic[]): Promise<void> => {
    setOutcome(null)
    return askConsent(topics).then(async (answer) => {
      setOutcome(answer)
      await recordConsent(answer)
    })
  }, [])

  const clear = useCallback(() => setOutcome(null), [])

  return { outcome, ask, clear }
}

import { useRef, useState } from 'react'
import type { GridCellView, GridRowView, PolicyView, VenueDay } from '@contract'
import { useConsent } from '@/api/use-consent'
import { useSubmitOutcome } from '@/api/use-submit'
import type { SubscribeTopic } from '@/config/templates'
import { toast } from '@/utils/confirm'
import { refusalOf } from '../words'
import type { BookAnswer } from './answer-panel'
import { maxSlots, pick, type Selection } from './selection'

/** What a booking asks to be told about later (WeChat takes at most three per ask). */
const TOPICS: SubscribeTopic[] = ['bookingResult', 'bookingReminder', 'noShow']

/**
 * The member's picks on one day's grid and the booking they make: free cells only, one table,
 * consecutive within the policy's caps; booking.create carries one request id per intent, so a
 * double tap or a retry books once. The answer is kept for the page (not toasted): it shows in
 * place, and the day's grid is read again either way.
 */
export function useBooking(
  venueId: string,
  day: VenueDay | undefined,
  policy: PolicyView | undefined,
  reload: () => Promise<void>,
) {
  const [selection, setSelection] = useState<Selection | null>(null)
  const [answer, setAnswer] = useState<BookAnswer | null>(null)
  const booking = useSubmitOutcome('booking.create', { toast: false })
  const consent = useConsent()
  // Between the tap and the booking's request (the H5 demo records its consent first).
  const starting = useRef(false)

  const tap = (row: GridRowView, cell: GridCellView) => {
    if (!day || booking.submitting) return
    if (cell.state !== 'free') {
      toast(refusalOf(cell))
      return
    }
    setAnswer(null)
    const max = policy ? maxSlots(policy) : 1
    const next = pick(day, selection, cell.resourceId, row.start, max)
    if (next.note) toast(next.note)
    setSelection(next.selection)
  }

  const confirm = async () => {
    if (!day || !selection || booking.submitting || starting.current) return
    // Inside the tap, as WeChat requires; the booking never waits for the member's answer
    // (recorded when it comes, it still brings this booking's 预约结果: consent.record sends the
    // messages of the last minutes it was asked for), except in the H5 demo, whose consent is
    // at once and recorded first.
    const recorded = consent.ask(TOPICS)
    starting.current = true
    if (process.env.TARO_ENV !== 'weapp') await recorded
    starting.current = false
    const outcome = await booking.submit({
      venueId,
      date: day.date,
      picks: selection.starts.map((start) => ({ resourceId: selection.resourceId, start })),
    })
    setAnswer(outcome.ok ? { ok: true, result: outcome.data } : { ok: false, error: outcome.error })
    setSelection(null)
    await reload()
  }

  const clear = () => {
    setSelection(null)
    setAnswer(null)
    consent.clear()
  }

  return {
    selection,
    answer,
    consent: consent.outcome,
    submitting: booking.submitting,
    tap,
    confirm,
    clear,
  }
}

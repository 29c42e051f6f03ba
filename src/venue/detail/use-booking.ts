import { useState } from 'react'
import type { GridCellView, GridRowView, PolicyView, VenueDay } from '@contract'
import { useSubmitOutcome } from '@/api/use-submit'
import { toast } from '@/utils/confirm'
import { refusalOf } from '../words'
import type { BookAnswer } from './answer-panel'
import { maxSlots, pick, type Selection } from './selection'

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
    if (!day || !selection) return
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
  }

  return { selection, answer, submitting: booking.submitting, tap, confirm, clear }
}

import type { MyBooking } from '@contract'
import { useSubmit } from '@/api/use-submit'
import { confirm, toast } from '@/utils/confirm'
import { slotText } from '@/utils/venue-labels'

/**
 * 取消预约 (asked first: the slot goes to others at once) and 申诉 with a note. Both name the
 * booking by its ref, so they can only ever reach this booking of the slot, never a later one.
 */
export function useBookingActions(onDone: (b: MyBooking) => void) {
  const cancel = useSubmit('booking.cancel')
  const appeal = useSubmit('booking.appeal')

  const runCancel = async (b: MyBooking) => {
    const sure = await confirm(
      '取消预约',
      `${b.resourceName} ${slotText(b)}\n取消后该时段会立即开放给其他会员预约。`,
      '确认取消',
    )
    if (!sure) return
    const done = await cancel.submit({ bookingId: b.ref })
    if (done) {
      toast('已取消预约')
      onDone(done)
    }
  }

  const runAppeal = async (b: MyBooking, note: string): Promise<boolean> => {
    const done = await appeal.submit({ bookingId: b.ref, note })
    if (!done) return false
    toast('申诉已提交')
    onDone(done)
    return true
  }

  return {
    cancel: runCancel,
    appeal: runAppeal,
    busy: cancel.submitting || appeal.submitting,
  }
}

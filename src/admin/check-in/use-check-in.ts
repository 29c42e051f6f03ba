import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { BookingCheckIn, CheckIn, ErrorCode } from '@contract'
import type { ClientError } from '@/api/errors'
import { isRetryable } from '@/api/errors'
import { useSubmitOutcome } from '@/api/use-submit'

/** What the door's screen says after a scan or a typed code. */
export type DoorAnswer =
  | { kind: 'admitted'; ticket: CheckIn }
  | { kind: 'booked'; booking: BookingCheckIn }
  | { kind: 'refused'; title: string; message: string; retry: boolean }

/** The refusal's headline in words, so no one has to read a colour. */
const TITLES: Partial<Record<ErrorCode, string>> = {
  TICKET_USED: '已检过票',
  TICKET_INVALID: '票无效',
  BOOKING_INVALID: '预约码无效',
  CHECK_IN_CLOSED: '不在检票时间',
  INVALID_INPUT: '票码无效',
  FORBIDDEN: '没有检票权限',
}

function refused(error: ClientError): DoorAnswer {
  return {
    kind: 'refused',
    title: TITLES[error.code] ?? '未能检票',
    message: error.message,
    retry: isRetryable(error),
  }
}

/** Only WeChat has a camera scanner; the H5 build types codes in. */
export const CAN_SCAN = process.env.TARO_ENV === 'weapp'

/** A scan the checker closed without reading a code: nothing to say about it. */
function wasCancelled(error: unknown): boolean {
  const message = (error as { errMsg?: unknown } | null)?.errMsg
  return typeof message === 'string' && /cancel/i.test(message)
}

/** A venue booking's code (domain/booking-code) starts with B; a ticket's with T. */
const isBookingCode = (code: string) => code.startsWith('B')

/**
 * 检票: a scanned or typed code goes to `ticket.checkIn` (or, for a booking's code, to
 * `booking.checkIn`: one desk for both) once per intent (a retry after a weak
 * network reuses its request id, so it cannot use the ticket twice), and the answer stays on
 * screen until the checker moves on to the next one.
 */
export function useCheckIn() {
  const run = useSubmitOutcome('ticket.checkIn', { toast: false })
  const book = useSubmitOutcome('booking.checkIn', { toast: false })
  const [answer, setAnswer] = useState<DoorAnswer | null>(null)
  const [lastCode, setLastCode] = useState('')

  const check = async (typed: string): Promise<void> => {
    const code = typed.trim()
    if (!code) {
      setAnswer({ kind: 'refused', title: '票码无效', message: '请扫描或输入票码', retry: false })
      return
    }
    setLastCode(code)
    if (isBookingCode(code)) {
      const outcome = await book.submit({ code })
      setAnswer(outcome.ok ? { kind: 'booked', booking: outcome.data } : refused(outcome.error))
      return
    }
    const outcome = await run.submit({ code })
    setAnswer(outcome.ok ? { kind: 'admitted', ticket: outcome.data } : refused(outcome.error))
  }

  const scan = async (): Promise<void> => {
    let code: string
    try {
      code = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch (error) {
      if (!wasCancelled(error))
        setAnswer({
          kind: 'refused',
          title: '未能扫码',
          message: '无法打开摄像头扫码，请输入票码',
          retry: false,
        })
      return
    }
    await check(code)
  }

  /** One tap to the next person: the answer goes, and on WeChat the camera opens at once. */
  const next = (): void => {
    setAnswer(null)
    if (CAN_SCAN) void scan()
  }

  return {
    answer,
    checking: run.submitting || book.submitting,
    check,
    scan,
    next,
    retry: () => check(lastCode),
  }
}

import type { Clock } from './service'

const RealDate = globalThis.Date
let offset = 0
let installed = false

/**
 * The local cloud's clock. `installClock()` makes the whole process see it: `Date.now()` and
 * `new Date()` (no arguments) add the offset, so the database's server dates, the timer
 * triggers and the cloud functions running in this process all agree on "now".
 */
export const clock: Clock = {
  now: () => new RealDate(RealDate.now() + offset),
  offsetMs: () => offset,
  setOffsetMs(value: number) {
    if (!Number.isFinite(value)) throw new RangeError('offsetMs must be a finite number')
    offset = Math.trunc(value)
  },
}

export function installClock(): Clock {
  if (installed) return clock
  installed = true
  // A subclass keeps instanceof, static methods and Date.prototype intact for every other use.
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...(args as ConstructorParameters<DateConstructor>))
    }
    static override now(): number {
      return RealDate.now() + offset
    }
  }
  // Date() called without new returns a string of the current time.
  const patched = new Proxy(ShiftedDate, {
    apply: () => new ShiftedDate().toString(),
  })
  globalThis.Date = patched as unknown as DateConstructor
  return clock
}

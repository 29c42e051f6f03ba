import type { Clock } from '../service'
import type { FunctionRunner } from '../functions/runner'
import { TimerCron } from './cron'

/** How often the (possibly shifted) clock is compared with the next fire times. */
const TICK_MS = 200
/** New or rebuilt functions' config.json are picked up this often. */
const RESCAN_MS = 5000

interface Timer {
  functionName: string
  triggerName: string
  cron: TimerCron
  next: Date | null
}

export interface Firing {
  functionName: string
  triggerName: string
  time: string
  ok: boolean
  error?: string
}

/** SCF's timer event. */
export function timerEvent(triggerName: string, time: Date): Record<string, string> {
  return {
    Type: 'Timer',
    TriggerName: triggerName,
    Time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Message: '',
  }
}

/**
 * Fires each function's timer trigger when the local cloud's clock reaches it. A clock moved
 * forward past one or more fire times fires once (as a platform that was down would not replay
 * every missed tick); a clock moved back re-plans from the new time.
 */
export class TriggerScheduler {
  private timers = new Map<string, Timer>()
  private interval: NodeJS.Timeout | undefined
  private lastOffset = 0
  private lastScan = -Infinity
  readonly history: Firing[] = []

  constructor(
    private readonly runner: FunctionRunner,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.lastOffset = this.clock.offsetMs()
    this.interval = setInterval(() => this.safeTick(), TICK_MS)
    this.interval.unref()
    this.safeTick()
  }

  stop(): void {
    clearInterval(this.interval)
  }

  /** The planned fire times, for GET /dev/triggers. */
  plan(): Array<{ functionName: string; triggerName: string; cron: string; next: string | null }> {
    this.rescan(true)
    return [...this.timers.values()].map((timer) => ({
      functionName: timer.functionName,
      triggerName: timer.triggerName,
      cron: timer.cron.expression,
      next: timer.next?.toISOString() ?? null,
    }))
  }

  /** Runs a function as its timer trigger would, now, and answers its result. */
  async fire(functionName: string, triggerName: string, time: Date): Promise<unknown> {
    const record: Firing = { functionName, triggerName, time: time.toISOString(), ok: true }
    this.history.unshift(record)
    this.history.length = Math.min(this.history.length, 100)
    try {
      return await this.runner.invoke(functionName, timerEvent(triggerName, time), {
        openid: '',
        source: '',
        trigger: 'timer',
      })
    } catch (error) {
      record.ok = false
      record.error = error instanceof Error ? error.message : String(error)
      throw error
    }
  }

  /** A bad config.json must not take the whole local cloud down with it. */
  private safeTick(): void {
    try {
      this.tick()
    } catch (error) {
      console.error('[trigger] scheduler tick failed:', error)
    }
  }

  private tick(): void {
    this.rescan(false)
    const now = this.clock.now()
    const offset = this.clock.offsetMs()
    const movedBack = offset < this.lastOffset
    this.lastOffset = offset
    for (const timer of this.timers.values()) {
      if (movedBack) timer.next = timer.cron.next(now)
      if (timer.next === null || timer.next > now) continue
      const due = timer.next
      timer.next = timer.cron.next(now)
      // Quiet on success (a per-minute scheduler would flood the console): GET /dev/triggers.
      this.fire(timer.functionName, timer.triggerName, due).catch((error: unknown) => {
        console.error(`[trigger] ${timer.functionName} failed:`, error)
      })
    }
  }

  private rescan(force: boolean): void {
    const real = performance.now()
    if (!force && real - this.lastScan < RESCAN_MS) return
    this.lastScan = real
    const now = this.clock.now()
    const seen = new Map<string, Timer>()
    for (const functionName of this.runner.loader.names()) {
      let timers
      try {
        timers = this.runner.loader.timers(functionName)
      } catch (error) {
        console.error(`[trigger] ${functionName}/config.json:`, error)
        continue
      }
      for (const trigger of timers) {
        const key = `${functionName}\u0000${trigger.name}\u0000${trigger.config}`
        const known = this.timers.get(key)
        if (known) {
          seen.set(key, known)
          continue
        }
        try {
          const cron = new TimerCron(trigger.config)
          seen.set(key, { functionName, triggerName: trigger.name, cron, next: cron.next(now) })
        } catch (error) {
          console.error(`[trigger] ${functionName}.${trigger.name}:`, error)
        }
      }
    }
    this.timers = seen
  }
}

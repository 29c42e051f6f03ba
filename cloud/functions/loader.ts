import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

export type FunctionMain = (event: unknown, context: unknown) => unknown

/** A timer trigger as config.json declares it (`config` is the 7-field cron). */
export interface TimerTrigger {
  name: string
  type: 'timer'
  config: string
}

/** The parts of a cloud function's config.json the local cloud honours. */
export interface FunctionConfig {
  /** Seconds, as in WeChat DevTools' config.json. */
  timeout?: number
  envVariables?: Record<string, string>
  triggers?: Array<{ name: string; type: string; config: string }>
}

export interface LoadedFunction {
  name: string
  main: FunctionMain
  config: FunctionConfig
}

const NAME = /^[A-Za-z0-9_-]{1,60}$/

/**
 * Loads built cloud functions from `<dir>/<name>/index.js`, each once, like a warm container;
 * a rebuilt entry (newer mtime) is loaded afresh on its next call, so a rebuild needs no restart.
 */
export class FunctionLoader {
  private readonly dir: string
  private readonly cache = new Map<string, { mtimeMs: number; fn: LoadedFunction }>()

  constructor(dir: string) {
    this.dir = resolve(dir)
  }

  names(): string[] {
    if (!existsSync(this.dir)) return []
    return readdirSync(this.dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(this.entry(entry.name)))
      .map((entry) => entry.name)
      .sort()
  }

  exists(name: string): boolean {
    return NAME.test(name) && existsSync(this.entry(name))
  }

  config(name: string): FunctionConfig {
    const file = join(this.dir, name, 'config.json')
    if (!existsSync(file)) return {}
    return JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig
  }

  timers(name: string): TimerTrigger[] {
    return (this.config(name).triggers ?? [])
      .filter((trigger) => trigger.type === 'timer')
      .map((trigger) => ({ name: trigger.name, type: 'timer', config: trigger.config }))
  }

  /** `loadModule` runs inside the function's own environment, as a cold start would. */
  load(name: string, inEnv: <T>(load: () => T) => T): LoadedFunction | undefined {
    if (!this.exists(name)) return undefined
    const entry = this.entry(name)
    const mtimeMs = statSync(entry).mtimeMs
    const cached = this.cache.get(name)
    if (cached && cached.mtimeMs === mtimeMs) return cached.fn
    const requireFrom = createRequire(entry)
    const resolved = requireFrom.resolve(entry)
    delete requireFrom.cache[resolved]
    const exported = inEnv(() => requireFrom(resolved) as { main?: unknown })
    if (typeof exported.main !== 'function') {
      throw new Error(`cloud function ${name}: index.js does not export main`)
    }
    const fn: LoadedFunction = {
      name,
      main: exported.main as FunctionMain,
      config: this.config(name),
    }
    this.cache.set(name, { mtimeMs, fn })
    return fn
  }

  private entry(name: string): string {
    return join(this.dir, name, 'index.js')
  }
}

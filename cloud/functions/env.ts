import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Per-invocation environment variables. Cloud functions run in this one process, and the SDK
 * reads the caller's identity from `process.env` at the moment of each call, so `process.env`
 * is replaced once by a view that answers from the current invocation's overlay first. Two
 * concurrent invocations each see only their own overlay; code outside any invocation sees the
 * process's real environment.
 */
const overlays = new AsyncLocalStorage<Record<string, string>>()
let installed = false

function overlay(): Record<string, string> | undefined {
  return overlays.getStore()
}

/** The overlay that holds `key`, if the current invocation has set it. */
function holder(key: string | symbol): Record<string, string> | undefined {
  const env = overlay()
  if (env === undefined || typeof key !== 'string') return undefined
  return Object.prototype.hasOwnProperty.call(env, key) ? env : undefined
}

export function installEnvOverlay(): void {
  if (installed) return
  installed = true
  // The SDK reads a dozen variables on every database call; the real process.env answers each
  // read from the C++ environment, a plain copy in a fraction of the time. Writes outside an
  // invocation go to both, so what the runtime itself reads (TZ) still changes.
  const real = process.env
  const base: NodeJS.ProcessEnv = { ...real }
  process.env = new Proxy(base, {
    get(target, key) {
      const env = holder(key)
      return env ? env[key as string] : Reflect.get(target, key)
    },
    has(target, key) {
      return holder(key) !== undefined || Reflect.has(target, key)
    },
    // A function that writes process.env keeps the change to its own invocation, as in its own
    // container it would not leak into other users' calls.
    set(target, key, value) {
      const env = overlay()
      if (env !== undefined && typeof key === 'string') {
        env[key] = String(value)
        return true
      }
      Reflect.set(real, key, value)
      return Reflect.set(target, key, typeof key === 'string' ? real[key] : value)
    },
    deleteProperty(target, key) {
      const env = holder(key)
      if (env) delete env[key as string]
      if (overlay() !== undefined) return true
      Reflect.deleteProperty(real, key)
      return Reflect.deleteProperty(target, key)
    },
    ownKeys(target) {
      const keys = new Set<string | symbol>(Reflect.ownKeys(target))
      for (const key of Object.keys(overlay() ?? {})) keys.add(key)
      return [...keys]
    },
    getOwnPropertyDescriptor(target, key) {
      const env = holder(key)
      if (env) {
        return { value: env[key as string], writable: true, enumerable: true, configurable: true }
      }
      return Reflect.getOwnPropertyDescriptor(target, key)
    },
  })
}

/** Runs `fn` (and everything it awaits or schedules) with `vars` layered over process.env. */
export function withEnv<T>(vars: Record<string, string>, fn: () => T): T {
  installEnvOverlay()
  return overlays.run({ ...vars }, fn)
}

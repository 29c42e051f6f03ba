import { FunctionRunner } from './runner'
import { FunctionsService } from './service'

export interface FunctionsOptions {
  /** Built functions, `<dir>/<name>/index.js`; default dist/functions. */
  dir?: string
  envId?: string
  appId?: string
}

export const LOCAL_ENV_ID = 'zhegong-local'
export const LOCAL_APP_ID = 'wx0000000000local'

export function createFunctionsService(options: FunctionsOptions = {}): FunctionsService {
  const runner = new FunctionRunner({
    dir: options.dir ?? 'dist/functions',
    envId: options.envId ?? LOCAL_ENV_ID,
    appId: options.appId ?? LOCAL_APP_ID,
  })
  return new FunctionsService(runner)
}

export { FunctionRunner, FunctionsService }
export type { Caller } from './context'

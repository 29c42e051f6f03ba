import { randomUUID } from 'node:crypto'

/** Who a function runs for, as the platform knows it (never from the event). */
export interface Caller {
  openid: string
  unionid?: string
  /**
   * How it was invoked: `wx_client` from the mini-program, `wx_client,scf` when a function
   * called by the mini-program calls another (the SDK appends its run-environment tag to the
   * source it forwards), empty for a timer.
   */
  source: string
  /** Set for timer triggers: the SDK then prefers WX_TRIGGER_API_TOKEN_V0. */
  trigger?: 'timer'
}

export interface InvocationIdentity {
  envId: string
  appId: string
  functionName: string
  requestId: string
  /** The token that identifies this invocation when its SDK calls the local cloud back. */
  apiToken: string
  timeoutMs: number
}

const WX_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_API_TOKEN', 'WX_CLIENTIP']
const TCB_KEYS = ['TCB_ENV', 'TCB_SEQID', 'TCB_SOURCE', 'TCB_ISANONYMOUS_USER', 'TRIGGER_SRC']

export function newIdentity(
  envId: string,
  appId: string,
  functionName: string,
  timeoutMs: number,
): InvocationIdentity {
  return {
    envId,
    appId,
    functionName,
    timeoutMs,
    requestId: randomUUID(),
    apiToken: `local-${randomUUID()}`,
  }
}

/**
 * The environment variables an SCF container holds for one invocation. The SDK reads the WX_*
 * and TCB_* values only through the key lists WX_CONTEXT_KEYS / TCB_CONTEXT_KEYS, as it does
 * in production, so the lists are part of the contract, not decoration.
 */
export function invocationEnv(caller: Caller, id: InvocationIdentity): Record<string, string> {
  const env: Record<string, string> = {
    WX_CONTEXT_KEYS: WX_KEYS.join(','),
    TCB_CONTEXT_KEYS: TCB_KEYS.join(','),
    WX_OPENID: caller.openid,
    WX_APPID: id.appId,
    WX_UNIONID: caller.unionid ?? '',
    WX_API_TOKEN: id.apiToken,
    WX_CLIENTIP: caller.openid ? '127.0.0.1' : '',
    TCB_ENV: id.envId,
    TCB_SEQID: id.requestId,
    TCB_SOURCE: caller.source,
    TCB_ISANONYMOUS_USER: 'false',
    SCF_NAMESPACE: id.envId,
    SCF_FUNCTIONNAME: id.functionName,
  }
  if (caller.trigger === 'timer') {
    env.TRIGGER_SRC = 'timer'
    env.WX_TRIGGER_API_TOKEN_V0 = id.apiToken
  } else {
    env.TRIGGER_SRC = ''
  }
  return env
}

/** The second argument of `main(event, context)`, as SCF passes it. */
export interface FunctionContext {
  callbackWaitsForEmptyEventLoop: boolean
  memory_limit_in_mb: number
  time_limit_in_ms: number
  request_id: string
  function_name: string
  function_version: string
  namespace: string
  tencentcloud_region: string
  /** `K=V;K=V`: what `getCloudbaseContext(context)` parses, winning over process.env. */
  environ: string
}

export function functionContext(
  env: Record<string, string>,
  id: InvocationIdentity,
): FunctionContext {
  return {
    callbackWaitsForEmptyEventLoop: false,
    memory_limit_in_mb: 256,
    time_limit_in_ms: id.timeoutMs,
    request_id: id.requestId,
    function_name: id.functionName,
    function_version: '$LATEST',
    namespace: id.envId,
    tencentcloud_region: 'ap-shanghai',
    environ: Object.entries(env)
      .map(([key, value]) => `${key}=${value}`)
      .join(';'),
  }
}

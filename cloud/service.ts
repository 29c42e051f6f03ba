import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * One emulated CloudBase service (database, functions, wx, storage, triggers, dev pages),
 * in the manner of firebase-tools' EmulatorInstance: the server only routes, each service
 * owns its operations, state and errors.
 */
export interface CloudService {
  readonly name: string
  /**
   * SDK actions this service answers on `POST /admin`, keyed by the production action name
   * (`database.getDocument`, `functions.invokeFunction`, `wx.api`, ...). A handler returns the
   * reply body's fields besides `requestId` (usually `{ data: ... }`), or throws a `CloudError`.
   */
  readonly actions?: Record<string, SdkActionHandler>
  /**
   * Wraps every SDK action before the service that answers it (services' interceptors nest in
   * routing order, the first outermost): the fault switch delays, fails or kills here.
   */
  intercept?(action: string, params: Record<string, unknown>, next: SdkNext): Promise<SdkReply>
  /** Plain HTTP routes (dev endpoints, pages, downloads). Return false when not handled. */
  route?(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> | boolean
  start?(ctx: CloudContext): Promise<void> | void
  /** Called on a clean stop; must leave every acknowledged write on disk. */
  stop?(): Promise<void> | void
}

/** The reply body's fields besides `requestId`. */
export type SdkReply = Record<string, unknown>

export type SdkActionHandler = (
  params: Record<string, unknown>,
  request: SdkRequestInfo,
) => Promise<SdkReply>

export type SdkNext = () => Promise<SdkReply>

export interface SdkRequestInfo {
  env: string
  headers: IncomingMessage['headers']
}

/** What every service may reach: the shared clock and the server's own address. */
export interface CloudContext {
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string
  readonly clock: Clock
  readonly dataDir: string | null
  /** The seeded dev identities (member, unverified, staff, checker, admin) for the dev pages. */
  readonly identities: ReadonlyArray<{
    openid: string
    role: 'member' | 'unverified' | 'staff' | 'checker' | 'admin'
    name: string
    phone: string
    /** Made-up, checksum-valid; the unverified one's is shown on /dev so a demo can verify. */
    idNumber?: string
  }>
}

/** The local cloud's time: real time plus an offset that `POST /dev/clock` sets. */
export interface Clock {
  now(): Date
  offsetMs(): number
  setOffsetMs(offset: number): void
}

/** An error in the shape the real service answers (a truthy `code` in the reply body). */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'CloudError'
  }
}

import { z } from 'zod'

/**
 * How one action of the contract is described: who may call it, whether it writes, the request
 * schema (validated at runtime by the api function) and the response type (compile time only).
 * Each noun keeps its own table of actions (`contract/<noun>.ts`); `contract/actions.ts` joins
 * them into the one table the router, the authorization matrix, the docs and the fuzz walk.
 */
export const ROLES = ['everyone', 'member', 'checker', 'staff', 'admin'] as const
/** `everyone` is any caller WeChat identified (verified member or not). */
export type Role = (typeof ROLES)[number]

export const STAFF = ['staff', 'admin'] as const
export const ADMIN = ['admin'] as const
export const MEMBER = ['member'] as const

/** A client request id: the same id on a retry makes the write happen once. */
export const requestId = z
  .string({ error: '缺少请求编号' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号无效')
  .describe('客户端请求编号，重试时不变 · Client request id, kept on a retry')

/** What the generated API reference says of an action: what it does, what it answers. */
export interface ActionDoc {
  /** 中文 · English, one line. */
  summary: string
  /** The response type's name as written in this contract. */
  returns: string
}

export interface ActionSpec<Req extends z.ZodType, Res> extends ActionDoc {
  roles: readonly Role[]
  write: boolean
  /**
   * Recorded in the audit log by the router: every write only staff or admins may make, and
   * reads that reveal personal data (a member's phone).
   */
  audited: boolean
  /**
   * The payload carries personal data (an ID number): a write's claim never stores it, so a run
   * that died is finished by the member's own retry rather than by the scheduler.
   */
  personal: boolean
  request: Req
  /** Phantom: carries the response type; never set at runtime. */
  response?: Res
}

export function read<Res>() {
  return <Req extends z.ZodType>(
    doc: ActionDoc,
    roles: readonly Role[],
    request: Req,
    audited = false,
  ): ActionSpec<Req, Res> => ({ ...doc, roles, write: false, audited, personal: false, request })
}

export function write<Res>() {
  return <Shape extends z.ZodRawShape>(
    doc: ActionDoc,
    roles: readonly Role[],
    shape: Shape,
    { personal = false }: { personal?: boolean } = {},
  ) => {
    const request = z.strictObject({ requestId, ...shape })
    const audited = roles.every((role) => role === 'staff' || role === 'admin')
    const spec: ActionSpec<typeof request, Res> = {
      ...doc,
      roles,
      write: true,
      audited,
      personal,
      request,
    }
    return spec
  }
}

import { z } from 'zod'
import * as n from './notice'
import type { ManagedNotice, Notice, NoticeSummary, Page } from './notice'
import type { Me } from './me'

/**
 * The API contract: per action, who may call it, whether it writes, the request schema
 * (validated at runtime by the api function) and the response type (compile time only).
 * The mini-program imports this file with `import type` only, so none of zod ships in it.
 */
export const ROLES = ['everyone', 'member', 'checker', 'staff', 'admin'] as const
/** `everyone` is any caller WeChat identified (verified member or not). */
export type Role = (typeof ROLES)[number]

/** A client request id: the same id on a retry makes the write happen once. */
export const requestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号无效')

interface ActionSpec<Req extends z.ZodType, Res> {
  roles: readonly Role[]
  write: boolean
  request: Req
  /** Phantom: carries the response type; never set at runtime. */
  response?: Res
}

function read<Res>() {
  return <Req extends z.ZodType>(roles: readonly Role[], request: Req): ActionSpec<Req, Res> => ({
    roles,
    write: false,
    request,
  })
}

function write<Res>() {
  return <Shape extends z.ZodRawShape>(roles: readonly Role[], shape: Shape) => {
    const request = z.strictObject({ requestId, ...shape })
    const spec: ActionSpec<typeof request, Res> = { roles, write: true, request }
    return spec
  }
}

const STAFF = ['staff', 'admin'] as const

export const actions = {
  'me.get': read<Me>()(['everyone'], z.strictObject({})),

  'notice.list': read<Page<NoticeSummary>>()(
    ['everyone'],
    z.strictObject({ cursor: n.cursor, limit: n.pageLimit }),
  ),
  'notice.get': read<Notice>()(['everyone'], z.strictObject({ id: n.noticeId })),
  'notice.manageList': read<Page<ManagedNotice>>()(
    STAFF,
    z.strictObject({ cursor: n.cursor, limit: n.pageLimit }),
  ),
  'notice.manageGet': read<ManagedNotice>()(STAFF, z.strictObject({ id: n.noticeId })),
  'notice.create': write<ManagedNotice>()(STAFF, {
    title: n.title,
    body: n.body,
    posterFileId: n.posterFileId.optional(),
    publishAt: n.isoInstant.nullable().optional(),
  }),
  'notice.update': write<ManagedNotice>()(STAFF, {
    id: n.noticeId,
    version: z.number().int().min(1),
    title: n.title.optional(),
    body: n.body.optional(),
    posterFileId: n.posterFileId.optional(),
    publishAt: n.isoInstant.nullable().optional(),
  }),
  /** Publishes now, or at `publishAt` when that is in the future (定时发布). */
  'notice.publish': write<ManagedNotice>()(STAFF, {
    id: n.noticeId,
    publishAt: n.isoInstant.optional(),
  }),
  'notice.unpublish': write<ManagedNotice>()(STAFF, { id: n.noticeId }),
  'notice.pin': write<ManagedNotice>()(STAFF, { id: n.noticeId, pinned: z.boolean() }),
} as const

export type Actions = typeof actions
export type ActionName = keyof Actions
export type RequestOf<A extends ActionName> = z.input<Actions[A]['request']>
export type ResponseOf<A extends ActionName> = NonNullable<Actions[A]['response']>
/** What the client passes: the request without `requestId`, which the client adds itself. */
export type ParamsOf<A extends ActionName> = Omit<RequestOf<A>, 'requestId'>

/** The event the api function receives. */
export interface ApiEvent {
  action: string
  payload?: unknown
}

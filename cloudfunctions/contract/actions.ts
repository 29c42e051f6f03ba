import { z } from 'zod'
import * as n from './notice'
import type { ManagedNotice, Notice, NoticeSummary, Page } from './notice'
import type { Me } from './me'
import * as r from './registry'
import type { AuditEntry, Grant, ImportReport, RegistryMember } from './registry'

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
  .string({ error: '缺少请求编号' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号无效')
  .describe('客户端请求编号，重试时不变 · Client request id, kept on a retry')

/** What the generated API reference says of an action: what it does, what it answers. */
interface ActionDoc {
  /** 中文 · English, one line. */
  summary: string
  /** The response type's name as written in this contract. */
  returns: string
}

interface ActionSpec<Req extends z.ZodType, Res> extends ActionDoc {
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

function read<Res>() {
  return <Req extends z.ZodType>(
    doc: ActionDoc,
    roles: readonly Role[],
    request: Req,
    audited = false,
  ): ActionSpec<Req, Res> => ({ ...doc, roles, write: false, audited, personal: false, request })
}

function write<Res>() {
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

const STAFF = ['staff', 'admin'] as const
const ADMIN = ['admin'] as const

export const actions = {
  'me.get': read<Me>()(
    { summary: '我的：身份与角色 · Who the caller is', returns: 'Me' },
    ['everyone'],
    z.strictObject({}),
  ),

  'member.verify': write<Me>()(
    {
      summary:
        '会员认证：姓名 + 身份证号 + 微信手机号与会员库一致即绑定 · Verify against the registry and bind',
      returns: 'Me',
    },
    ['everyone'],
    { name: r.personName, idNumber: r.idNumber, phoneCode: r.phoneCode },
    { personal: true },
  ),

  'registry.import': write<ImportReport>()(
    {
      summary: '导入会员库（CSV/XLSX，可试运行）· Import the registry file, or dry-run it',
      returns: 'ImportReport',
    },
    ADMIN,
    { fileId: r.fileId, dryRun: z.boolean({ error: '试运行参数无效' }).optional() },
  ),
  'registry.list': read<Page<RegistryMember>>()(
    {
      summary: '会员库列表（按姓名或卡号搜索）· Registry members, by name or card no.',
      returns: 'Page<RegistryMember>',
    },
    STAFF,
    z.strictObject({ query: r.searchQuery, cursor: n.cursor, limit: n.pageLimit }),
  ),
  'registry.contact': read<{ phone: string }>()(
    { summary: "查看会员完整手机号（记入审计）· A member's phone, audited", returns: '{ phone }' },
    STAFF,
    z.strictObject({ memberId: r.memberId }),
    true,
  ),
  'binding.move': write<RegistryMember>()(
    {
      summary: "改绑或解绑会员的微信账号 · Move a member's binding, or unbind (null)",
      returns: 'RegistryMember',
    },
    STAFF,
    { memberId: r.memberId, toOpenid: r.openid.nullable(), reason: r.reason },
  ),

  'grant.list': read<Grant[]>()(
    { summary: '工作人员角色列表 · Everyone holding a granted role', returns: 'Grant[]' },
    ADMIN,
    z.strictObject({}),
  ),
  'grant.set': write<Grant>()(
    { summary: '设置某人的角色 · Set the roles of an openid', returns: 'Grant' },
    ADMIN,
    { openid: r.openid, roles: r.grantRoles },
  ),

  'audit.list': read<Page<AuditEntry>>()(
    {
      summary: '审计日志（新的在前，可筛选）· The audit log, newest first, filtered',
      returns: 'Page<AuditEntry>',
    },
    ADMIN,
    z.strictObject({
      actor: r.auditFilterText.describe('操作人 openid · Actor openid').optional(),
      action: r.auditFilterText.describe('操作名 · Action name').optional(),
      from: n.isoInstant.optional(),
      to: n.isoInstant.optional(),
      cursor: n.cursor,
      limit: n.pageLimit,
    }),
  ),

  'notice.list': read<Page<NoticeSummary>>()(
    {
      summary: '公告列表（置顶在前，新的在前）· Visible notices, pinned first',
      returns: 'Page<NoticeSummary>',
    },
    ['everyone'],
    z.strictObject({ cursor: n.cursor, limit: n.pageLimit }),
  ),
  'notice.get': read<Notice>()(
    { summary: '公告详情 · One visible notice', returns: 'Notice' },
    ['everyone'],
    z.strictObject({ id: n.noticeId }),
  ),
  'notice.manageList': read<Page<ManagedNotice>>()(
    {
      summary: '公告管理列表（含草稿）· All notices, newest first',
      returns: 'Page<ManagedNotice>',
    },
    STAFF,
    z.strictObject({ cursor: n.cursor, limit: n.pageLimit }),
  ),
  'notice.manageGet': read<ManagedNotice>()(
    { summary: '公告管理详情 · One notice, any status', returns: 'ManagedNotice' },
    STAFF,
    z.strictObject({ id: n.noticeId }),
  ),
  'notice.create': write<ManagedNotice>()(
    { summary: '新建公告（草稿）· Create a notice as a draft', returns: 'ManagedNotice' },
    STAFF,
    {
      title: n.title,
      body: n.body,
      posterFileId: n.posterFileId.optional(),
      publishAt: n.isoInstant.nullable().optional(),
    },
  ),
  'notice.update': write<ManagedNotice>()(
    {
      summary: '编辑公告（需带上读取时的版本号）· Edit a notice from the version read',
      returns: 'ManagedNotice',
    },
    STAFF,
    {
      id: n.noticeId,
      version: n.version,
      title: n.title.optional(),
      body: n.body.optional(),
      posterFileId: n.posterFileId.optional(),
      publishAt: n.isoInstant.nullable().optional(),
    },
  ),
  /** Publishes now, or at `publishAt` when that is in the future (定时发布). */
  'notice.publish': write<ManagedNotice>()(
    {
      summary: '发布公告（可定时）· Publish now, or at a future publishAt',
      returns: 'ManagedNotice',
    },
    STAFF,
    { id: n.noticeId, publishAt: n.isoInstant.optional() },
  ),
  'notice.unpublish': write<ManagedNotice>()(
    { summary: '撤下公告 · Take a notice away from members', returns: 'ManagedNotice' },
    STAFF,
    { id: n.noticeId },
  ),
  'notice.pin': write<ManagedNotice>()(
    { summary: '置顶或取消置顶 · Pin or unpin', returns: 'ManagedNotice' },
    STAFF,
    { id: n.noticeId, pinned: z.boolean({ error: '请选择是否置顶' }) },
  ),
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

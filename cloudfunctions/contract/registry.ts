import { z } from 'zod'
import { cursor, isoInstant, pageLimit, type Page } from './common'
import { ADMIN, STAFF, read, write } from './spec'
import { plainText } from './text'

/** 会员库 as staff see it: never a clear ID number, the phone masked (see `registry.contact`). */
export interface RegistryMember {
  id: string
  maskedName: string
  maskedPhone: string
  idLast4: string
  unit: string
  cardNo: string
  /** Whether a WeChat account is bound to this member. */
  bound: boolean
}

/** What an import did (or, with dryRun, would do). Row numbers count the header as row 1. */
export interface ImportReport {
  total: number
  created: number
  updated: number
  unchanged: number
  rejected: Array<{ row: number; reasons: string[] }>
}

export const GRANTABLE_ROLES = ['staff', 'checker', 'admin'] as const
export type GrantableRole = (typeof GRANTABLE_ROLES)[number]

/** One openid's granted roles; `name` is the bound member's masked name, if any. */
export interface Grant {
  openid: string
  roles: GrantableRole[]
  name: string | null
}

/** One staff or admin write, as the audit log keeps it. */
export interface AuditEntry {
  id: string
  /** ISO instant. */
  at: string
  /** openid of who did it. */
  actor: string
  /** The actor's masked member name, if the actor is a verified member. */
  actorName: string | null
  /** The action name, e.g. `notice.publish`. */
  action: string
  /** Ids of the documents the write touched. */
  targets: string[]
  /** One line of Chinese. */
  summary: string
}

export const personName = plainText(
  z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(30, '姓名不能超过30个字'),
  '姓名',
).describe('姓名 · Name')
export const idNumber = z
  .string({ error: '请填写身份证号' })
  .trim()
  .regex(/^\d{17}[\dXx]$/, '身份证号应为18位')
  .describe('身份证号（18位）· ID number, 18 characters')
export const phoneCode = z
  .string({ error: '请授权手机号' })
  .min(1, '请授权手机号')
  .max(200, '手机号授权无效')
  .describe('getPhoneNumber 返回的一次性 code · The one-off code of getPhoneNumber')
export const fileId = z
  .string({ error: '请选择文件' })
  .regex(/^cloud:\/\/\S+$/, '文件无效')
  .max(500, '文件无效')
  .describe('会员库文件（CSV 或 XLSX）的云文件 ID · The registry file as a cloud:// file id')
export const memberId = z
  .string({ error: '会员编号无效' })
  .min(1, '会员编号无效')
  .max(80, '会员编号无效')
  .describe('会员编号 · Registry member id')
/** Stored (grants, bindings) and listed to staff, so held to the same text rule. */
export const openid = plainText(
  z.string({ error: '微信身份无效' }).trim().min(1, '微信身份无效').max(128, '微信身份无效'),
  '微信身份',
).describe('微信 openid · A WeChat openid')
export const reason = plainText(
  z.string({ error: '请填写原因' }).trim().min(1, '请填写原因').max(200, '原因不能超过200个字'),
  '原因',
).describe('原因（记入审计日志）· Why, kept in the audit log')
export const searchQuery = plainText(
  z.string({ error: '搜索内容无效' }).trim().max(30, '搜索内容不能超过30个字'),
  '搜索内容',
)
  .describe('按姓名或会员卡号搜索 · Search by name or card no.')
  .optional()
export const grantRoles = z
  .array(z.enum(GRANTABLE_ROLES, { error: '角色无效' }), { error: '角色无效' })
  .max(3, '角色无效')
  .describe('授予的角色，空数组为全部收回 · Roles to hold; [] removes all')
export const auditFilterText = plainText(
  z.string({ error: '筛选条件无效' }).trim().min(1).max(128),
  '筛选条件',
)

/** 会员库 and the binding of a member to a WeChat account. */
export const registryActions = {
  'registry.import': write<ImportReport>()(
    {
      summary: '导入会员库（CSV/XLSX，可试运行）· Import the registry file, or dry-run it',
      returns: 'ImportReport',
    },
    ADMIN,
    { fileId, dryRun: z.boolean({ error: '试运行参数无效' }).optional() },
  ),
  'registry.list': read<Page<RegistryMember>>()(
    {
      summary: '会员库列表（按姓名或卡号搜索）· Registry members, by name or card no.',
      returns: 'Page<RegistryMember>',
    },
    STAFF,
    z.strictObject({ query: searchQuery, cursor, limit: pageLimit }),
  ),
  'registry.contact': read<{ phone: string }>()(
    { summary: "查看会员完整手机号（记入审计）· A member's phone, audited", returns: '{ phone }' },
    STAFF,
    z.strictObject({ memberId }),
    true,
  ),
  'binding.move': write<RegistryMember>()(
    {
      summary: "改绑或解绑会员的微信账号 · Move a member's binding, or unbind (null)",
      returns: 'RegistryMember',
    },
    STAFF,
    { memberId, toOpenid: openid.nullable(), reason },
  ),
} as const

/** Staff roles, granted by admins. */
export const grantActions = {
  'grant.list': read<Grant[]>()(
    { summary: '工作人员角色列表 · Everyone holding a granted role', returns: 'Grant[]' },
    ADMIN,
    z.strictObject({}),
  ),
  'grant.set': write<Grant>()(
    { summary: '设置某人的角色 · Set the roles of an openid', returns: 'Grant' },
    ADMIN,
    { openid, roles: grantRoles },
  ),
} as const

/** The audit log of staff and admin writes. */
export const auditActions = {
  'audit.list': read<Page<AuditEntry>>()(
    {
      summary: '审计日志（新的在前，可筛选）· The audit log, newest first, filtered',
      returns: 'Page<AuditEntry>',
    },
    ADMIN,
    z.strictObject({
      actor: auditFilterText.describe('操作人 openid · Actor openid').optional(),
      action: auditFilterText.describe('操作名 · Action name').optional(),
      from: isoInstant.optional(),
      to: isoInstant.optional(),
      cursor,
      limit: pageLimit,
    }),
  ),
} as const

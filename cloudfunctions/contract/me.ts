import { z } from 'zod'
import { idNumber, personName, phoneCode } from './registry'
import { read, write, type Role } from './spec'

/** The caller's own registry row, masked even for themself, as shown on 我的. */
export interface MemberProfile {
  /** 张*三 */
  maskedName: string
  /** 138****0000 */
  maskedPhone: string
  /** The last 4 characters of the ID number (the only part ever stored in clear). */
  idLast4: string
  /** 基层工会 */
  unit: string
  /** 会员卡号 */
  cardNo: string
}

/** 我的: who the caller is, as far as the caller may know. */
export interface Me {
  roles: Role[]
  verified: boolean
  /** Masked (张*三) even for the member themself, as shown on 我的. */
  maskedName: string | null
  /** The registry member this account verified as; null until verified. */
  member: MemberProfile | null
  verification: {
    /** ISO instant until which 会员认证 is locked after repeated failures; null when open. */
    lockedUntil: string | null
  }
  /**
   * ISO instant until which no-shows keep the member from booking and signing up (爽约暂停);
   * null when they may.
   */
  bannedUntil: string | null
}

/** The caller: who they are, and 会员认证. */
export const meActions = {
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
    { name: personName, idNumber, phoneCode },
    { personal: true },
  ),
} as const

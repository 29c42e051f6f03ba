/**
 * Stored document shapes besides notices (whose record lives with its rules in domain/notice).
 * Dates are stored as dates, so range queries compare instants, not strings.
 */

/** A role an admin grants; `member` is never granted, it comes from a verified binding. */
export type GrantedRole = 'staff' | 'checker' | 'admin'

/** grants/<openid> */
export interface GrantRecord {
  _id: string
  roles: GrantedRole[]
  grantedBy: string
  grantedAt: Date
}

/** members/<memberId>: one row of the union member registry (会员库). */
export interface MemberRecord {
  _id: string
  name: string
  /** Kept for contact; shown masked everywhere else. */
  phone: string
  unit: string
  cardNo: string
  createdAt: Date
}

/**
 * bindings/<openid>: the WeChat account a registry member verified with. `_id` makes one
 * account hold one member; the unique index on `memberId` makes one member hold one account.
 */
export interface BindingRecord {
  _id: string
  memberId: string
  boundAt: Date
}

export type RequestStatus = 'pending' | 'done'

/** requests/<action>:<openid>:<requestId>: the first outcome of a write, replayed on a retry. */
export interface RequestRecord {
  _id: string
  action: string
  openid: string
  status: RequestStatus
  startedAt: Date
  finishedAt?: Date
  /** The data of the first successful reply. */
  result?: unknown
}

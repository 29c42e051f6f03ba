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

/**
 * members/<memberId>: one row of the union member registry (会员库). `_id` is derived from
 * `idHash` (domain/id-number `memberIdFor`), so a re-import updates rather than duplicates. The
 * ID number itself is never stored: a keyed hash and its last 4 characters only.
 */
export interface MemberRecord {
  _id: string
  name: string
  /** HMAC-SHA256 (key ID_HASH_KEY) of the normalized ID number, hex. */
  idHash: string
  idLast4: string
  /** Kept for contact; shown masked everywhere except `registry.contact`. */
  phone: string
  unit: string
  cardNo: string
  createdAt: Date
  updatedAt: Date
}

/** audit/<auto id>: one staff or admin write (or an audited read such as a phone lookup). */
export interface AuditRecord {
  _id: string
  at: Date
  actor: string
  actorName: string | null
  action: string
  targets: string[]
  summary: string
}

/**
 * bindings/<openid>: the WeChat account a registry member verified with. `_id` makes one
 * account hold one member; the unique index on `memberId` makes one member hold one account.
 */
export interface BindingRecord {
  _id: string
  memberId: string
  boundAt: Date
  /** The write that bound it (verification or a staff move), so a second run of it knows. */
  request?: string | null
}

export type RequestStatus = 'pending' | 'done'

/** requests/<action>:<openid>:<requestId>: the first outcome of a write, replayed on a retry. */
export interface RequestRecord {
  _id: string
  action: string
  openid: string
  /** The validated payload, so that the scheduler can finish a run that died half-way. */
  input?: unknown
  status: RequestStatus
  startedAt: Date
  finishedAt?: Date
  /** The data of the first successful reply. */
  result?: unknown
}

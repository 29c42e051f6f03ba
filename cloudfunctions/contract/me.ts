import type { Role } from './actions'

/** 我的: who the caller is, as far as the caller may know. */
export interface Me {
  roles: Role[]
  verified: boolean
  /** Masked (张*三) even for the member themself, as shown on 我的. */
  maskedName: string | null
}

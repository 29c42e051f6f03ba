import type { Role } from '../contract/actions'
import { ApiError } from '../contract/errors'
import type { Caller } from './caller'

/** The one access check: the caller must hold one of the roles the action declares. */
export function authorize(allowed: readonly Role[], caller: Caller): void {
  if (!allowed.some((role) => caller.roles.includes(role))) throw new ApiError('FORBIDDEN')
}

import { ApiError } from '../../contract/errors'

/** Placeholder for an action whose handler is being written; answers INTERNAL. */
export const pending = async (): Promise<never> => {
  throw new ApiError('INTERNAL', '功能即将上线')
}

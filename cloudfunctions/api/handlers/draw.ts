import { ApiError } from '../../contract/errors'
import { phaseOf } from '../../domain/activity'
import { draw, freeze } from '../../jobs/draw'
import { getDraw, publishedRecord } from '../../store/draws'
import { existingActivity } from './activity'
import type { Handler } from './types'

/** The published record as anyone may fetch it: no internal fields. */
export const record: Handler<'draw.record'> = async (input) => {
  const activity = await existingActivity(input.activityId)
  if (activity.status === 'draft' || activity.allocation !== 'lottery')
    throw new ApiError('NOT_FOUND')
  const stored = await getDraw(activity._id, input.sessionId)
  if (!stored) throw new ApiError('NOT_FOUND', '报名截止后公布抽签名单')
  return publishedRecord(stored)
}

/**
 * 立即抽签: staff draw a lottery whose window has closed without waiting for its draw time.
 * The same steps as the scheduler's, so a second run (or the scheduler meanwhile) changes
 * nothing more.
 */
export const run: Handler<'draw.run'> = async (input, { now }) => {
  const activity = await existingActivity(input.activityId)
  if (activity.allocation !== 'lottery')
    throw new ApiError('INVALID_STATE', '先到先得的活动没有抽签')
  if (activity.status !== 'published') throw new ApiError('INVALID_STATE', '活动未发布或已取消')
  const phase = phaseOf(activity, now)
  if (phase === 'upcoming' || phase === 'open')
    throw new ApiError('INVALID_STATE', '报名截止后才能抽签')
  if (!activity.frozenAt) await freeze(activity, now)
  return draw(activity, now)
}

import type { SubscribeTopic } from '../contract/consent'
import type { MessageKind } from '../contract/message'
import type { SubscribeRequest } from './subscribe'

/**
 * subscribeSends/<messageId>: one subscription message, at most one per message and so per
 * event. 待发 `pending` (planned, consent not yet spent or send not yet tried) · 发送中
 * `sending` (claimed by a run) · 已发 `sent` · 失败 `failed` (retried while `nextAt` is set) ·
 * 无授权 `noConsent` (the consent was gone when it came to spending it).
 */
export type SendStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'noConsent'

export interface SubscribeSendRecord {
  _id: string
  memberId: string
  kind: MessageKind
  topic: SubscribeTopic
  /** Built once when the message was posted, so a retry sends exactly the same. */
  request: SubscribeRequest
  status: SendStatus
  attempts: number
  lastError: string | null
  /** When a failed send is tried again; null: not again. */
  nextAt: Date | null
  createdAt: Date
  updatedAt: Date
  sentAt: Date | null
}

/** Tries of one send in all: the first, then the scheduler's retries. */
export const MAX_SEND_ATTEMPTS = 4

/**
 * WeChat's answers no retry can change: 43101 the member has no consent left (or refused),
 * 40003 the openid, 40037 the template id, 47003 a field value, 41030 the page.
 */
const PERMANENT = new Set([43101, 40003, 40037, 47003, 41030])

export function isPermanent(errcode: number | null): boolean {
  return errcode !== null && PERMANENT.has(errcode)
}

/** 43101: WeChat found no consent of the member's to use, so there is none to give back. */
const NO_CONSENT_LEFT = 43101

/**
 * Whether a send that failed for good gives its consent back: WeChat spends a member's consent
 * only on a message it delivers, so unless it said there was none, the member still has it.
 */
export function givesConsentBack(errcode: number | null): boolean {
  return errcode !== NO_CONSENT_LEFT
}

/**
 * What a claimed send whose run went quiet (died) is left as. The call to WeChat may have gone
 * out before the run died, and nothing can tell: it is not sent again, since a message twice is
 * worse than one that is only in 消息 (where every event is anyway).
 */
export const INTERRUPTED = '发送中断，无法确认是否送达，为免重复不再重发'

/** The next try after `attempts` tries: 1, 2, 4 minutes on; null once tries are used up. */
export function nextTryAt(attempts: number, errcode: number | null, now: Date): Date | null {
  if (isPermanent(errcode) || attempts >= MAX_SEND_ATTEMPTS) return null
  return new Date(now.getTime() + 60_000 * 2 ** (attempts - 1))
}

export function newSend(
  fields: Pick<SubscribeSendRecord, '_id' | 'memberId' | 'kind' | 'topic' | 'request'>,
  now: Date,
): SubscribeSendRecord {
  return {
    ...fields,
    status: 'pending',
    attempts: 0,
    lastError: null,
    nextAt: null,
    createdAt: now,
    updatedAt: now,
    sentAt: null,
  }
}

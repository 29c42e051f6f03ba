import type { SubscribeTopic } from '../contract/consent'
import { hasConsent } from '../domain/consent'
import { messageIdFor, type MessagePost } from '../domain/message'
import type { BindingRecord } from './records'
import { subscribeRequestFor } from '../domain/subscribe'
import {
  givesConsentBack,
  newSend,
  nextTryAt,
  type SubscribeSendRecord,
} from '../domain/subscribe-send'
import { readAllIn, readByIds } from './bulk'
import { getConsents, refundConsent, spendConsent } from './consents'
import { changeSend, insertSends } from './subscribe-sends'
import { templateTable } from './templates'
import { sendSubscribeMessage } from './wx'

/**
 * Subscription messages (订阅消息) of posted messages: planned before the in-app message is
 * written (a send record per message, keyed by its id), delivered after. Each step keeps its
 * key, so a run that died is finished by its rerun or by the scheduler, and no event is sent
 * twice. Nothing here ever throws into the action that posted: the in-app message is what
 * counts, and a failed send is recorded and retried.
 */

/** The WeChat account each member bound (phone signups by staff have none). */
export async function openidsOf(memberIds: readonly string[]): Promise<Map<string, string>> {
  const bindings = await readAllIn<BindingRecord>('bindings', 'memberId', [...new Set(memberIds)])
  return new Map(bindings.map((b) => [b.memberId, b._id]))
}

/**
 * The sends of these posts to deliver: of new messages whose topic has a template, for members
 * with a bound account and a consent of that topic left. Answers the pending ones that stand
 * (new ones, and any a dead run left); [] if planning failed.
 */
export async function planSends(
  posts: readonly MessagePost[],
  now: Date,
): Promise<SubscribeSendRecord[]> {
  try {
    const table = templateTable()
    const wanted = posts.flatMap((post) => {
      const topic = table.topics[table.kinds[post.kind]]?.templateId ? table.kinds[post.kind] : null
      return topic ? [{ post, topic }] : []
    })
    if (wanted.length === 0) return []
    // Only new messages are sent: an event posted before (a job run again) was planned then.
    const posted = await readByIds(
      'messages',
      wanted.map((w) => messageIdFor(w.post.eventKey)),
    )
    const fresh = wanted.filter((w) => !posted.has(messageIdFor(w.post.eventKey)))
    if (fresh.length === 0) return []
    const members = fresh.map((w) => w.post.memberId)
    const [consents, openids] = await Promise.all([getConsents(members), openidsOf(members)])
    const sends = fresh.flatMap(({ post, topic }) => {
      const openid = openids.get(post.memberId)
      const id = messageIdFor(post.eventKey)
      const consent = consents.get(post.memberId) ?? null
      const allowed = hasConsent(consent, topic) || !!consent?.spends.includes(id)
      const built = openid && allowed ? subscribeRequestFor(post, openid, table) : null
      return built ? [send(id, post, built.topic, built.request, now)] : []
    })
    return (await insertSends(unique(sends))).filter((s) => s.status === 'pending')
  } catch (error) {
    console.error('[subscribe] could not plan sends', error)
    return []
  }
}

/** The send record of message `id`, planned now. */
export function send(
  id: string,
  post: Pick<MessagePost, 'memberId' | 'kind'>,
  topic: SubscribeTopic,
  request: SubscribeSendRecord['request'],
  now: Date,
): SubscribeSendRecord {
  return newSend({ _id: id, memberId: post.memberId, kind: post.kind, topic, request }, now)
}

function unique(sends: SubscribeSendRecord[]): SubscribeSendRecord[] {
  return [...new Map(sends.map((s) => [s._id, s])).values()]
}

export type Delivery = 'sent' | 'failed' | 'noConsent' | 'busy'

/**
 * One send: the consent is spent (once per message), the send claimed (conditional on the
 * tries read), WeChat called, the outcome recorded with the next try if any; a send that
 * failed for good gives its consent back first. A run that dies after its claim and before its
 * record leaves it 发送中: the scheduler marks it interrupted and never sends it again.
 */
export async function deliver(send: SubscribeSendRecord, now: Date): Promise<Delivery> {
  try {
    if (!(await spendConsent(send.memberId, send.topic, send._id, now))) {
      await changeSend(send, { status: 'noConsent', nextAt: null, updatedAt: now })
      return 'noConsent'
    }
    const attempts = send.attempts + 1
    const claim = { status: 'sending' as const, attempts, updatedAt: now }
    if (!(await changeSend(send, claim))) return 'busy'
    const outcome = await sendSubscribeMessage(send.request)
    const claimed = { _id: send._id, status: 'sending' as const, attempts }
    if (outcome.ok) {
      await changeSend(claimed, { status: 'sent', sentAt: now, lastError: null, nextAt: null })
      return 'sent'
    }
    const nextAt = nextTryAt(attempts, outcome.errcode, now)
    if (nextAt === null && givesConsentBack(outcome.errcode))
      await refundConsent(send.memberId, send.topic, send._id, now)
    await changeSend(claimed, { status: 'failed', lastError: outcome.error, nextAt })
    return 'failed'
  } catch (error) {
    console.error(`[subscribe] could not deliver ${send._id}`, error)
    return 'failed'
  }
}

/** Delivers each in turn; never throws. */
export async function deliverAll(
  sends: readonly SubscribeSendRecord[],
  now: Date,
): Promise<Delivery[]> {
  const outcomes: Delivery[] = []
  for (const s of sends) outcomes.push(await deliver(s, now))
  return outcomes
}

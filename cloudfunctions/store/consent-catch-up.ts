import type { SubscribeTopic } from '../contract/consent'
import { CATCH_UP_KINDS } from '../domain/consent'
import { subscribeRequestFor } from '../domain/subscribe'
import { listMessagesSince } from './messages'
import { deliverAll, openidsOf, send, type Delivery } from './subscribe'
import { getSends, insertSends } from './subscribe-sends'
import { templateTable } from './templates'

/**
 * A consent recorded after the message it was asked for (see CATCH_UP_MS): the member's
 * signup or booking messages of the granted topics posted since `since` (domain/consent
 * `catchUpSince`) that have no send yet are sent now, newest first, so the consent goes to the
 * message of the tap that asked for it. Each send is keyed by its message, as any other, so a
 * retry of the record, or a send the action planned after all, adds nothing. Never throws: the
 * consent stands either way.
 */
export async function catchUpSends(
  memberId: string,
  granted: readonly SubscribeTopic[],
  since: Date,
  now: Date,
): Promise<Delivery[]> {
  try {
    if (granted.length === 0) return []
    const table = templateTable()
    // Newest first, so the consent goes to the message of the tap that asked for it.
    const recent = (await listMessagesSince(memberId, since)).filter(
      (m) => CATCH_UP_KINDS.includes(m.kind) && granted.includes(table.kinds[m.kind]),
    )
    if (recent.length === 0) return []
    const [sent, openids] = await Promise.all([
      getSends(recent.map((m) => m._id)),
      openidsOf([memberId]),
    ])
    const openid = openids.get(memberId)
    if (!openid) return []
    const planned = new Set(sent.map((s) => s._id))
    const sends = recent.flatMap((message) => {
      const built = planned.has(message._id) ? null : subscribeRequestFor(message, openid, table)
      return built ? [send(message._id, message, built.topic, built.request, now)] : []
    })
    const pending = new Map(
      (await insertSends(sends)).filter((s) => s.status === 'pending').map((s) => [s._id, s]),
    )
    return await deliverAll(
      sends.flatMap((s) => pending.get(s._id) ?? []),
      now,
    )
  } catch (error) {
    console.error('[subscribe] could not catch up sends', error)
    return []
  }
}

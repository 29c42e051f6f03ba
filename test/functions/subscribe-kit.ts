import type { ActivityFields, MyMessage, SubscribeTopic } from '../../cloudfunctions/contract'
import type { SubscribeMessage } from '../../cloud/wx/outbox'
import { openActivity } from '../helpers/activities'
import { STAFF, rid, type ApiCloud } from './api-cloud'

/** A member with distinctive personal data, so that a leak shows in any response. */
export interface KitMember {
  memberId: string
  /** Absent for a member staff signed up on the phone: in the registry, no WeChat account. */
  openid?: string
  name: string
  phone: string
}

/** What the subscription-message suites share, over one local cloud. */
export function subscribeKit(api: ApiCloud) {
  return {
    /** Registry members, and a binding for each that has an openid. */
    async seedMembers(members: readonly KitMember[]): Promise<void> {
      const db = api.cloud.app().database()
      const now = new Date()
      for (const m of members) {
        await db.collection('members').add({
          _id: m.memberId,
          name: m.name,
          idHash: `hash-${m.memberId}`,
          idLast4: '0000',
          phone: m.phone,
          unit: '测试基层工会',
          cardNo: `C${m.memberId}`,
          createdAt: now,
          updatedAt: now,
        })
        if (m.openid)
          await db
            .collection('bindings')
            .add({ _id: m.openid, memberId: m.memberId, boundAt: now, request: null })
      }
    },

    /** The subscription messages the local cloud's WeChat received for `openid`, newest first. */
    async outbox(openid: string): Promise<SubscribeMessage[]> {
      const res = await fetch(`${api.cloud.url}/dev/messages?openid=${encodeURIComponent(openid)}`)
      const items = (await res.json()) as Array<{ kind: string }>
      return items.filter((i): i is SubscribeMessage => i.kind === 'subscribe')
    },

    async messages(openid: string): Promise<MyMessage[]> {
      return api.ok(await api.call(openid, 'message.list', { limit: 50 })).items
    },

    async consent(openid: string, granted: SubscribeTopic[], refused: SubscribeTopic[] = []) {
      return api.ok(await api.write(openid, 'consent.record', rid('consent'), { granted, refused }))
    },

    async published(over: Partial<ActivityFields> = {}) {
      const draft = api.ok(
        await api.write(STAFF, 'activity.create', rid('act'), openActivity(Date.now(), over)),
      )
      return api.ok(await api.write(STAFF, 'activity.publish', rid('pub'), { id: draft.id }))
    },

    /** A signup for the activity's first session, alone; answers the reply as it came. */
    signUp(
      openid: string,
      activity: { id: string; sessions: readonly { id: string }[] },
      requestId = rid('in'),
    ) {
      return api.write(openid, 'entry.submit', requestId, {
        activityId: activity.id,
        sessionId: activity.sessions[0].id,
        companions: [],
      })
    },

    async sendOf(messageId: string): Promise<Record<string, unknown> | undefined> {
      return (await api.documents('subscribeSends')).find((s) => s._id === messageId)
    },

    scheduler: () => api.cloud.fn('scheduler', {}),
  }
}

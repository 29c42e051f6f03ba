import type { ActionName, RequestOf } from '@contract'

/** Actions whose request names a `requestId`, i.e. the writes (an empty strict object has an index signature, hence the first test). */
export type WriteAction = {
  [A in ActionName]: string extends keyof RequestOf<A>
    ? never
    : 'requestId' extends keyof RequestOf<A>
      ? A
      : never
}[ActionName]

const WRITES = {
  'notice.create': true,
  'notice.update': true,
  'notice.publish': true,
  'notice.unpublish': true,
  'notice.pin': true,
  'member.verify': true,
  'registry.import': true,
  'binding.move': true,
  'grant.set': true,
  'activity.create': true,
  'activity.update': true,
  'activity.publish': true,
  'activity.cancel': true,
  'entry.submit': true,
  'entry.edit': true,
  'entry.cancel': true,
  'entry.submitFor': true,
  'entry.editFor': true,
  'entry.cancelFor': true,
  'draw.run': true,
  'entry.confirm': true,
  'ticket.checkIn': true,
  'ticket.exportRoster': true,
  'message.read': true,
  'venue.create': true,
  'venue.update': true,
  'booking.create': true,
  'booking.cancel': true,
  'booking.checkIn': true,
  'booking.appeal': true,
  'booking.resolveAppeal': true,
  'booking.createFor': true,
  'booking.cancelFor': true,
  'consent.record': true,
} satisfies Record<WriteAction, true>

// The record above fails to compile when the contract gains a write it does not list.
export function isWrite(action: ActionName): action is WriteAction {
  return Object.prototype.hasOwnProperty.call(WRITES, action)
}

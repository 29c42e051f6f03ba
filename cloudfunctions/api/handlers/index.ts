import * as activity from './activity'
import * as audit from './audit'
import * as booking from './booking'
import * as consent from './consent'
import * as draw from './draw'
import * as entry from './entry'
import * as entryStatus from './entry-status'
import * as grant from './grant'
import * as me from './me'
import * as member from './member'
import * as message from './message'
import * as notice from './notice'
import * as registry from './registry'
import * as ticket from './ticket'
import * as venue from './venue'
import * as roster from './roster'
import { importRegistry } from './registry-import'
import type { HandlerTable } from './types'

/** Every action of the contract has exactly one handler; the compiler checks the table. */
export const handlers: HandlerTable = {
  'me.get': me.get,
  'member.verify': member.verify,
  'registry.import': importRegistry,
  'registry.list': registry.list,
  'registry.contact': registry.contact,
  'binding.move': registry.move,
  'grant.list': grant.list,
  'grant.set': grant.set,
  'audit.list': audit.list,
  'notice.list': notice.list,
  'notice.get': notice.get,
  'notice.manageList': notice.manageList,
  'notice.manageGet': notice.manageGet,
  'notice.create': notice.create,
  'notice.update': notice.update,
  'notice.publish': notice.publish,
  'notice.unpublish': notice.unpublish,
  'notice.pin': notice.pin,
  'activity.list': activity.list,
  'activity.get': activity.get,
  'activity.manageList': activity.manageList,
  'activity.manageGet': activity.manageGet,
  'activity.create': activity.create,
  'activity.update': activity.update,
  'activity.publish': activity.publish,
  'activity.cancel': activity.cancel,
  'entry.submit': entry.submitOwn,
  'entry.edit': entry.editOwn,
  'entry.cancel': entry.cancelOwn,
  'entry.mine': entry.mine,
  'entry.get': entryStatus.get,
  'entry.submitFor': entry.submitFor,
  'entry.editFor': entry.editFor,
  'entry.cancelFor': entry.cancelFor,
  'entry.listFor': entry.listFor,
  'draw.record': draw.record,
  'draw.run': draw.run,
  'entry.confirm': entry.confirmOwn,
  'ticket.checkIn': ticket.checkIn,
  'ticket.roster': roster.roster,
  'ticket.exportRoster': roster.exportRoster,
  'message.list': message.list,
  'message.read': message.read,
  'venue.list': venue.list,
  'venue.get': venue.get,
  'venue.day': venue.day,
  'venue.manageList': venue.manageList,
  'venue.create': venue.create,
  'venue.update': venue.update,
  'booking.create': booking.create,
  'booking.cancel': booking.cancelOwn,
  'booking.mine': booking.mine,
  'booking.get': booking.get,
  'booking.checkIn': booking.checkIn,
  'booking.appeal': booking.appeal,
  'booking.appeals': booking.appeals,
  'booking.resolveAppeal': booking.resolveAppeal,
  'booking.createFor': booking.createFor,
  'booking.cancelFor': booking.cancelFor,
  'booking.dayOverview': booking.dayOverview,
  'consent.record': consent.record,
  'consent.mine': consent.mine,
}

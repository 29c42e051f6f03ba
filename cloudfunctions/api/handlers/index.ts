import * as me from './me'
import * as notice from './notice'
import { pending } from './pending'
import type { HandlerTable } from './types'

/** Every action of the contract has exactly one handler; the compiler checks the table. */
export const handlers: HandlerTable = {
  'me.get': me.get,
  'member.verify': pending,
  'registry.import': pending,
  'registry.list': pending,
  'registry.contact': pending,
  'binding.move': pending,
  'grant.list': pending,
  'grant.set': pending,
  'audit.list': pending,
  'notice.list': notice.list,
  'notice.get': notice.get,
  'notice.manageList': notice.manageList,
  'notice.manageGet': notice.manageGet,
  'notice.create': notice.create,
  'notice.update': notice.update,
  'notice.publish': notice.publish,
  'notice.unpublish': notice.unpublish,
  'notice.pin': notice.pin,
}

import { z } from 'zod'
import { SUBSCRIBE_TOPICS, type SubscribeTopic } from '../contract/consent'
import { MESSAGE_KINDS, type MessageKind } from '../contract/message'
import type { MessageDraft, MessageFields } from './message'
import { local } from './time'

/**
 * 订阅消息 (subscription messages): which topic a message kind spends a consent of, which
 * template it is sent with, and the template's fields filled from the message's facts and cut
 * to WeChat's limits. Pure: the table comes in (store/templates.ts loads it).
 */

/**
 * WeChat's limit per field type (订阅消息 → 参数值内容限制), in characters: longer values are
 * refused with 47003, so every value is cut here. `time` and `date` are formatted instead.
 * `ellipsis`: whether a cut value may end in "…" (a thing may hold symbols; a phrase is Chinese
 * only, a code or number is its own characters only).
 */
export const FIELD_LIMITS = {
  thing: { max: 20, ellipsis: true },
  name: { max: 10, ellipsis: false },
  phrase: { max: 5, ellipsis: false },
  character_string: { max: 32, ellipsis: false },
  number: { max: 32, ellipsis: false },
  letter: { max: 32, ellipsis: false },
  symbol: { max: 5, ellipsis: false },
  phone_number: { max: 17, ellipsis: false },
  car_number: { max: 8, ellipsis: false },
  amount: { max: 11, ellipsis: false },
  time: { max: 24, ellipsis: false },
  date: { max: 24, ellipsis: false },
} as const
export type FieldType = keyof typeof FIELD_LIMITS

const FIELD_TYPES = Object.keys(FIELD_LIMITS) as FieldType[]
/** `thing1`, `time2`, `character_string3`: the type, then the field's number. */
const FIELD_KEY = new RegExp(`^(${FIELD_TYPES.join('|')})\\d+$`)

/** WeChat refuses an empty value; a fact a template asks for but the event lacks shows this. */
const EMPTY = '-'

export function fieldTypeOf(key: string): FieldType | null {
  const match = FIELD_KEY.exec(key)
  return match ? (match[1] as FieldType) : null
}

/** Cuts by characters (code points), so a Chinese character or an emoji is never split. */
export function cutField(type: FieldType, value: string): string {
  const chars = Array.from(value.replace(/\s+/g, ' ').trim())
  if (chars.length === 0) return EMPTY
  const { max, ellipsis } = FIELD_LIMITS[type]
  if (chars.length <= max) return chars.join('')
  return ellipsis ? `${chars.slice(0, max - 1).join('')}…` : chars.slice(0, max).join('')
}

/** A fact as the field type wants it: times and dates in Beijing, the rest cut to the limit. */
export function fieldValue(type: FieldType, value: string | Date): string {
  if (value instanceof Date) {
    if (type === 'time') return local(value).format('YYYY年M月D日 HH:mm')
    if (type === 'date') return local(value).format('YYYY年M月D日')
    return cutField(type, local(value).format('M月D日 HH:mm'))
  }
  return cutField(type, value)
}

const FIELD_SOURCES = [
  'subject',
  'time',
  'status',
  'place',
  'note',
] as const satisfies ReadonlyArray<keyof MessageFields>

const templateSpec = z.strictObject({
  templateId: z.string(),
  fields: z.record(
    z.string().regex(FIELD_KEY, 'template field keys are <type><number>, e.g. thing1'),
    z.enum(FIELD_SOURCES),
  ),
})

const templateTableSchema = z.object({
  miniprogramState: z.enum(['formal', 'trial', 'developer']),
  kinds: z.record(z.enum(MESSAGE_KINDS), z.enum(SUBSCRIBE_TOPICS)),
  topics: z.partialRecord(z.enum(SUBSCRIBE_TOPICS), templateSpec),
})
export type TemplateTable = z.infer<typeof templateTableSchema>

/** Checks a table (the file, or SUBSCRIBE_TEMPLATES): a mistake fails loudly, never quietly. */
export function parseTemplateTable(raw: unknown): TemplateTable {
  return templateTableSchema.parse(raw)
}

export function topicOf(kind: MessageKind, table: TemplateTable): SubscribeTopic {
  return table.kinds[kind]
}

/** What `cgi-bin/message/subscribe/send` takes. */
export interface SubscribeRequest {
  touser: string
  template_id: string
  /** A page of this mini-program with its query, without the leading `/`. */
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: TemplateTable['miniprogramState']
}

/**
 * The send of one message to the openid, or null when its topic has no template (then only
 * the in-app message is there).
 */
export function subscribeRequestFor(
  message: Pick<MessageDraft, 'kind' | 'link' | 'fields'>,
  openid: string,
  table: TemplateTable,
): { topic: SubscribeTopic; request: SubscribeRequest } | null {
  const topic = topicOf(message.kind, table)
  const template = table.topics[topic]
  if (!template?.templateId) return null
  const data: SubscribeRequest['data'] = {}
  for (const [key, source] of Object.entries(template.fields)) {
    const type = fieldTypeOf(key)
    if (type) data[key] = { value: fieldValue(type, message.fields[source]) }
  }
  return {
    topic,
    request: {
      touser: openid,
      template_id: template.templateId,
      page: message.link.replace(/^\//, ''),
      data,
      miniprogram_state: table.miniprogramState,
    },
  }
}

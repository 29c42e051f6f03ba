import { Input, Text, View } from '@tarojs/components'
import { Button, Field } from '@/components'
import { DateTimePickers } from '../components/date-time-field'
import { FieldError } from '../components/field-error'
import { messageAt, messagesUnder } from '../components/field-paths'
import { endsNextDay, type SessionRow } from './form'
import type { ActivityEditor } from './use-activity-editor'

const MAX_SESSIONS = 20

interface RowProps {
  row: SessionRow
  index: number
  editor: ActivityEditor
  locked: boolean
  removable: boolean
}

function SessionRowView({ row, index, editor, locked, removable }: RowProps) {
  const change = (patch: Parameters<ActivityEditor['sessions']['change']>[1]) =>
    editor.sessions.change(index, patch)
  return (
    <View className="zg-act-session">
      <View className="zg-act-session__head">
        <Text className="zg-act-session__name">第{index + 1}场</Text>
        {removable && !locked ? (
          <Text
            className="zg-field__link zg-act-session__remove"
            onClick={() => editor.sessions.remove(index)}
          >
            删除此场
          </Text>
        ) : null}
      </View>
      <Text className="zg-act-session__label">开始</Text>
      <DateTimePickers
        value={{ date: row.date, time: row.startTime }}
        disabled={locked}
        onChange={(v) => change({ date: v.date, startTime: v.time })}
      />
      <Text className="zg-act-session__label">结束{endsNextDay(row) ? '（次日）' : ''}</Text>
      <DateTimePickers
        value={{ date: '', time: row.endTime }}
        timeOnly
        disabled={locked}
        onChange={(v) => change({ endTime: v.time })}
      />
      <Text className="zg-act-session__label">名额（人数）</Text>
      <Input
        className="zg-field__input zg-act-session__seats"
        type="number"
        value={row.seats}
        disabled={locked}
        placeholder="如：300"
        onInput={(e) => change({ seats: e.detail.value })}
      />
      <FieldError messages={messagesUnder(editor.errors, `sessions.${index}`)} />
    </View>
  )
}

/** 场次: one row each; a row read from the server keeps its id, so its entries stay with it. */
export function SessionsField({ editor, locked }: { editor: ActivityEditor; locked: boolean }) {
  const { form, errors } = editor
  return (
    <Field label="场次" hint="时间均为北京时间；结束时间早于开始时间视为次日">
      {form.sessions.map((row, index) => (
        <SessionRowView
          key={row.key}
          row={row}
          index={index}
          editor={editor}
          locked={locked}
          removable={form.sessions.length > 1}
        />
      ))}
      <FieldError messages={messageAt(errors, 'sessions')} />
      {!locked && form.sessions.length < MAX_SESSIONS ? (
        <Button size="small" onClick={editor.sessions.add}>
          添加场次
        </Button>
      ) : null}
    </Field>
  )
}

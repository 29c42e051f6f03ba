import { Input, Text, View } from '@tarojs/components'
import { Button } from '@/components'
import { FieldError } from '../components/field-error'
import { messagesUnder } from '../components/field-paths'
import type { ActivityEditor } from './use-activity-editor'

/** 保存 / 发布 / 取消活动, only those the activity's state allows. */
export function EditorActions({ editor }: { editor: ActivityEditor }) {
  const { activity, allowed, busy, cancelActivity: cancel } = editor
  return (
    <View className="zg-act-edit__actions">
      {allowed.save ? (
        <Button block disabled={busy} onClick={editor.saveOnly}>
          {activity ? '保存修改' : '保存草稿'}
        </Button>
      ) : null}
      {allowed.publish ? (
        <Button block type="primary" disabled={busy} onClick={editor.publishNow}>
          发布
        </Button>
      ) : null}
      {allowed.cancel && cancel.reason === null ? (
        <Button block type="primary" fill="outline" disabled={busy} onClick={cancel.start}>
          取消活动
        </Button>
      ) : null}
      {allowed.cancel && cancel.reason !== null ? (
        <View className="zg-act-edit__cancel">
          <Text className="zg-act-edit__warn">
            取消活动后，所有报名都会随之取消并通知报名的会员，不能恢复。
          </Text>
          <Input
            className="zg-field__input"
            value={cancel.reason}
            maxlength={200}
            placeholder="取消原因（会员可见，并记入操作日志）"
            onInput={(e) => cancel.setReason(e.detail.value)}
          />
          <FieldError messages={messagesUnder(editor.errors, 'reason')} />
          <Button block type="primary" disabled={busy} onClick={cancel.commit}>
            确认取消活动
          </Button>
          <Button block disabled={busy} onClick={cancel.stop}>
            不取消
          </Button>
        </View>
      ) : null}
    </View>
  )
}

import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@/components'
import { toast } from '@/utils/confirm'

interface Props {
  busy?: boolean
  /** Resolves true once the appeal is in. */
  onSubmit: (note: string) => Promise<boolean>
}

/** 申诉 of a no-show: the button opens a note box; staff read the note and decide. */
export function AppealForm({ busy, onSubmit }: Props) {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  if (!open) {
    return (
      <View className="zg-booking__actions">
        <Button className="zg-booking__action" disabled={busy} onClick={() => setOpen(true)}>
          申诉
        </Button>
      </View>
    )
  }
  const send = async () => {
    if (!note.trim()) {
      toast('请填写申诉说明')
      return
    }
    if (await onSubmit(note.trim())) setOpen(false)
  }
  return (
    <View className="zg-appeal">
      <Text className="zg-appeal__label">申诉说明（工作人员会看到）</Text>
      <Textarea
        className="zg-appeal__input"
        value={note}
        maxlength={300}
        autoHeight
        placeholder="请说明未能签到的原因，如临时生病、前台排队等"
        onInput={(e) => setNote(e.detail.value)}
      />
      <View className="zg-booking__actions">
        <Button className="zg-booking__action" disabled={busy} onClick={() => setOpen(false)}>
          先不申诉
        </Button>
        <Button
          className="zg-booking__action"
          type="primary"
          loading={busy}
          disabled={busy}
          onClick={() => void send()}
        >
          提交申诉
        </Button>
      </View>
    </View>
  )
}

import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, ErrorState, LoadingState, PageContainer, StatusBadge } from '@/components'
import { ALLOCATION_LABELS } from '@/utils/activity-labels'
import { managedStatus } from '../activities/status'
import { FieldError } from '../components/field-error'
import { EditorActions } from './actions'
import { Basics } from './basics'
import { DrawNow } from './draw-now'
import { unplacedMessages } from '../components/field-paths'
import { PLACED_PATHS } from './form'
import { Rules } from './rules'
import { RosterLinks } from './roster-links'
import { SessionsField } from './sessions-field'
import { useActivityEditor } from './use-activity-editor'
import './index.scss'

export default function ActivityEdit() {
  const { params } = useRouter()
  const editor = useActivityEditor(params.id)
  const { loaded, activity, problem, allowed } = editor

  if (params.id && !activity) {
    return (
      <PageContainer>
        {loaded.error ? (
          <ErrorState message={loaded.error.message} onRetry={() => void loaded.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageContainer>
    )
  }

  const status = activity ? managedStatus(activity) : { text: '未保存', tone: 'grey' as const }
  // A cancelled or finished activity is kept as it was: shown, not edited.
  const locked = !allowed.save
  const general = unplacedMessages(editor.errors, PLACED_PATHS)

  return (
    <PageContainer>
      <View className="zg-act-edit">
        <View className="zg-act-edit__status">
          <StatusBadge text={status.text} tone={status.tone} />
          <StatusBadge text={ALLOCATION_LABELS[editor.form.allocation]} tone="grey" />
          {editor.dirty && activity && !locked ? (
            <StatusBadge text="有未保存的修改" tone="amber" />
          ) : null}
        </View>
        {activity?.cancelReason ? (
          <Text className="zg-act-edit__note">取消原因：{activity.cancelReason}</Text>
        ) : null}
        {locked ? (
          <Text className="zg-act-edit__note">此活动已取消或已结束，不能再修改。</Text>
        ) : null}
        {problem ? (
          <View className="zg-act-edit__problem">
            <FieldError messages={[problem.message]} />
            {problem.code === 'CONFLICT' ? (
              <Button size="small" onClick={() => void editor.reloadLatest()}>
                载入最新内容
              </Button>
            ) : null}
          </View>
        ) : null}
        {activity ? <DrawNow activity={activity} onDrawn={editor.refresh} /> : null}
        {activity ? <RosterLinks activity={activity} /> : null}
        {general.length ? (
          <View className="zg-act-edit__problem">
            <FieldError messages={general} />
          </View>
        ) : null}
        <Basics editor={editor} locked={locked} />
        <SessionsField editor={editor} locked={locked} />
        <Rules editor={editor} locked={locked} />
      </View>
      <EditorActions editor={editor} />
    </PageContainer>
  )
}

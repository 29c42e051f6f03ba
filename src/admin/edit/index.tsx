import { useRouter } from '@tarojs/taro'
import { Input, Textarea, View } from '@tarojs/components'
import { Button, ErrorState, LoadingState, PageContainer, StatusBadge } from '@/components'
import { Field } from '@/components'
import { PosterField } from '../components/poster-field'
import { PublishTimeField } from '../components/publish-time-field'
import { noticeStatus } from '../status'
import { useNoticeEditor } from './use-notice-editor'
import './index.scss'

export default function NoticeEdit() {
  const { params } = useRouter()
  const editor = useNoticeEditor(params.id)
  const { loaded, notice, draft, setDraft, busy } = editor

  if (params.id && !notice) {
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

  const status = notice ? noticeStatus(notice) : { text: '未保存', tone: 'grey' as const }
  const live = notice?.status === 'published'

  return (
    <PageContainer>
      <View className="zg-edit">
        <View className="zg-edit__status">
          <StatusBadge text={status.text} tone={status.tone} />
          {notice?.pinned ? <StatusBadge text="置顶" tone="red" /> : null}
        </View>
        <Field label="标题">
          <Input
            className="zg-field__input"
            value={draft.title}
            maxlength={60}
            placeholder="不超过60个字"
            onInput={(e) => setDraft((d) => ({ ...d, title: e.detail.value }))}
          />
        </Field>
        <Field label="正文">
          <Textarea
            className="zg-field__textarea"
            value={draft.body}
            maxlength={5000}
            autoHeight
            placeholder="报名时间、对象、地点等"
            onInput={(e) => setDraft((d) => ({ ...d, body: e.detail.value }))}
          />
        </Field>
        <PosterField
          previewUrl={draft.posterPreview}
          onChange={(p) =>
            setDraft((d) => ({
              ...d,
              posterFileId: p?.fileId ?? null,
              posterPreview: p?.previewUrl ?? null,
            }))
          }
        />
        <PublishTimeField
          value={draft.publishAt}
          onChange={(publishAt) => setDraft((d) => ({ ...d, publishAt }))}
        />
      </View>
      <View className="zg-edit__actions">
        <Button block disabled={busy} onClick={editor.saveOnly}>
          {notice ? '保存修改' : '保存草稿'}
        </Button>
        {live ? (
          <Button block type="primary" fill="outline" disabled={busy} onClick={editor.takeDown}>
            下线
          </Button>
        ) : (
          <Button block type="primary" disabled={busy} onClick={editor.publishNow}>
            发布
          </Button>
        )}
        {notice ? (
          <Button block disabled={busy} onClick={editor.togglePin}>
            {notice.pinned ? '取消置顶' : '置顶'}
          </Button>
        ) : null}
      </View>
    </PageContainer>
  )
}

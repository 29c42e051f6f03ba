import { useState } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import type { AuditEntry } from '@contract'
import { Button, Card, PageContainer, PagedList, StatusBadge, useListGestures } from '@/components'
import { usePages, type FiltersOf } from '@/api/use-pages'
import { formatShanghai } from '@/utils/time'
import { ACTION_LABELS, actionLabel } from './labels'
import './index.scss'

const ACTIONS = Object.keys(ACTION_LABELS) as Array<keyof typeof ACTION_LABELS>
const ACTION_OPTIONS = ['全部操作', ...ACTIONS.map((a) => ACTION_LABELS[a])]

interface Form {
  actor: string
  /** Index into ACTION_OPTIONS; 0 is all. */
  action: number
  from: string
  to: string
}

const EMPTY: Form = { actor: '', action: 0, from: '', to: '' }

/** The form as the filters audit.list takes: whole days on Shanghai's clock. */
function filtersOf(form: Form): FiltersOf<'audit.list'> {
  const filters: FiltersOf<'audit.list'> = {}
  if (form.actor.trim()) filters.actor = form.actor.trim()
  if (form.action > 0) filters.action = ACTIONS[form.action - 1]
  if (form.from) filters.from = `${form.from}T00:00:00+08:00`
  if (form.to) filters.to = `${form.to}T23:59:59+08:00`
  return filters
}

function EntryCard({ entry }: { entry: AuditEntry }) {
  return (
    <Card
      title={entry.summary}
      extra={<StatusBadge text={actionLabel(entry.action)} tone="grey" />}
      footer={<Text>{formatShanghai(entry.at, 'YYYY年M月D日 HH:mm:ss')}</Text>}
    >
      <View className="zg-audit__lines">
        <Text>
          操作人：{entry.actorName ? `${entry.actorName}（${entry.actor}）` : entry.actor}
        </Text>
        {entry.targets.length ? <Text>对象：{entry.targets.join('、')}</Text> : null}
      </View>
    </Card>
  )
}

export default function Audit() {
  const [form, setForm] = useState<Form>(EMPTY)
  const [applied, setApplied] = useState<Form>(EMPTY)
  const log = usePages('audit.list', 20, filtersOf(applied))

  useListGestures(log)

  return (
    <PageContainer>
      <View className="zg-audit__filters">
        <Input
          className="zg-audit__input"
          value={form.actor}
          maxlength={128}
          placeholder="操作人 openid"
          onInput={(e) => setForm((f) => ({ ...f, actor: e.detail.value }))}
        />
        <View className="zg-audit__row">
          <Picker
            mode="selector"
            range={ACTION_OPTIONS}
            value={form.action}
            onChange={(e) => setForm((f) => ({ ...f, action: Number(e.detail.value) }))}
          >
            <Text className="zg-audit__pick">{ACTION_OPTIONS[form.action]}</Text>
          </Picker>
          <Picker
            mode="date"
            value={form.from}
            onChange={(e) => setForm((f) => ({ ...f, from: e.detail.value }))}
          >
            <Text className="zg-audit__pick">{form.from || '开始日期'}</Text>
          </Picker>
          <Picker
            mode="date"
            value={form.to}
            onChange={(e) => setForm((f) => ({ ...f, to: e.detail.value }))}
          >
            <Text className="zg-audit__pick">{form.to || '结束日期'}</Text>
          </Picker>
        </View>
        <View className="zg-audit__row">
          <Button size="small" type="primary" onClick={() => setApplied(form)}>
            查询
          </Button>
          <Button
            size="small"
            onClick={() => {
              setForm(EMPTY)
              setApplied(EMPTY)
            }}
          >
            重置
          </Button>
        </View>
      </View>
      <PagedList
        pages={log}
        keyOf={(e) => e.id}
        render={(e) => <EntryCard entry={e} />}
        empty={{ title: '没有符合条件的操作' }}
        endText="没有更多了"
        moreButton
      />
    </PageContainer>
  )
}

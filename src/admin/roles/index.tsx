import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { Grant, GrantableRole } from '@contract'
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageContainer,
  StatusBadge,
} from '@/components'
import { useQuery } from '@/api/use-query'
import { useSubmit } from '@/api/use-submit'
import { confirm, toast } from '@/utils/confirm'
import { ROLE_LABELS } from '@/utils/roles'
import { RolePicker } from './role-picker'
import './index.scss'

function describe(roles: readonly GrantableRole[]): string {
  return roles.length ? roles.map((r) => ROLE_LABELS[r]).join('、') : '无（收回全部角色）'
}

export default function Roles() {
  const grants = useQuery('grant.list', {})
  const set = useSubmit('grant.set')
  /** The openid being edited ('' for a new one), and its roles as chosen so far. */
  const [editing, setEditing] = useState<{ openid: string; isNew: boolean } | null>(null)
  const [roles, setRoles] = useState<GrantableRole[]>([])

  const edit = (grant: Grant | null) => {
    setEditing({ openid: grant?.openid ?? '', isNew: grant === null })
    setRoles(grant ? [...grant.roles] : ['staff'])
  }

  const save = async () => {
    if (!editing) return
    const openid = editing.openid.trim()
    if (!openid) {
      toast('请填写微信 openid')
      return
    }
    const ok = await confirm('设置角色', `将 ${openid} 的角色设为：${describe(roles)}。确定吗？`)
    if (!ok) return
    const done = await set.submit({ openid, roles })
    if (done) {
      toast('已保存')
      setEditing(null)
      void grants.reload()
    }
  }

  const editor = editing ? (
    <Card title={editing.isNew ? '授予角色' : '修改角色'}>
      <View className="zg-roles__editor">
        {editing.isNew ? (
          <Input
            className="zg-roles__input"
            value={editing.openid}
            maxlength={128}
            placeholder="对方的微信 openid"
            onInput={(e) => setEditing({ openid: e.detail.value, isNew: true })}
          />
        ) : (
          <Text className="zg-roles__openid">{editing.openid}</Text>
        )}
        <RolePicker value={roles} onChange={setRoles} />
        <View className="zg-roles__actions">
          <Button size="small" type="primary" loading={set.submitting} onClick={save}>
            保存
          </Button>
          <Button size="small" onClick={() => setEditing(null)}>
            取消
          </Button>
        </View>
      </View>
    </Card>
  ) : null

  return (
    <PageContainer>
      {editing?.isNew ? (
        editor
      ) : (
        <View className="zg-roles__bar">
          <Button type="primary" block onClick={() => edit(null)}>
            授予角色
          </Button>
        </View>
      )}
      {grants.loading && !grants.data ? (
        <LoadingState />
      ) : grants.error && !grants.data ? (
        <ErrorState message={grants.error.message} onRetry={() => void grants.reload()} />
      ) : !grants.data?.length ? (
        <EmptyState title="还没有授予任何角色" />
      ) : (
        grants.data.map((g) =>
          editing && !editing.isNew && editing.openid === g.openid ? (
            <View key={g.openid}>{editor}</View>
          ) : (
            <Card
              key={g.openid}
              title={g.name ?? '未认证用户'}
              extra={
                <>
                  {g.roles.map((r) => (
                    <StatusBadge key={r} text={ROLE_LABELS[r]} tone="red" />
                  ))}
                </>
              }
              footer={
                <View className="zg-roles__actions">
                  <Button size="small" onClick={() => edit(g)}>
                    修改
                  </Button>
                </View>
              }
            >
              <Text className="zg-roles__openid">{g.openid}</Text>
            </Card>
          ),
        )
      )}
    </PageContainer>
  )
}

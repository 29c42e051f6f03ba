import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { RegistryMember } from '@contract'
import { Button, Card, InfoRows, PagedList, StatusBadge } from '@/components'
import { usePages } from '@/api/use-pages'

/** Masked name, card number and unit: enough to confirm who is on the phone, nothing more. */
export function MemberRows({ member }: { member: RegistryMember }) {
  return (
    <InfoRows
      rows={[
        { label: '会员卡号', value: member.cardNo },
        { label: '基层工会', value: member.unit },
      ]}
    />
  )
}

export function boundBadge(member: RegistryMember) {
  return member.bound ? (
    <StatusBadge text="已绑定微信" tone="green" />
  ) : (
    <StatusBadge text="未绑定微信" tone="grey" />
  )
}

function Results({ query, onPick }: { query: string; onPick: (m: RegistryMember) => void }) {
  const members = usePages('registry.list', 10, { query })
  return (
    <PagedList
      pages={members}
      keyOf={(m) => m.id}
      moreButton
      empty={{ title: '没有找到会员', hint: '换个姓名或会员卡号试试' }}
      endText="没有更多会员了"
      render={(m) => (
        <Card
          title={m.maskedName}
          extra={boundBadge(m)}
          footer={
            <Button size="small" type="primary" onClick={() => onPick(m)}>
              为此会员办理
            </Button>
          }
        >
          <MemberRows member={m} />
        </Card>
      )}
    />
  )
}

/** 会员库 search by name or card number; nothing is listed until staff search. */
export function MemberSearch({ onPick }: { onPick: (m: RegistryMember) => void }) {
  const [input, setInput] = useState('')
  const [query, setQuery] = useState('')
  const search = () => setQuery(input.trim())
  return (
    <>
      <View className="zg-behalf__bar">
        <Input
          className="zg-behalf__input zg-behalf__search"
          value={input}
          maxlength={30}
          placeholder="会员姓名或会员卡号"
          confirmType="search"
          onInput={(e) => setInput(e.detail.value)}
          onConfirm={search}
        />
        <Button size="small" type="primary" onClick={search}>
          搜索
        </Button>
      </View>
      {query ? <Results query={query} onPick={onPick} /> : null}
    </>
  )
}

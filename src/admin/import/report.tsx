import { Text, View } from '@tarojs/components'
import type { ImportReport } from '@contract'
import { Card, InfoRows, StatusBadge } from '@/components'

interface Props {
  report: ImportReport
  /** A dry run wrote nothing yet. */
  dryRun: boolean
}

/** What an import did, or would do: the counts, then each rejected row and why. */
export function ImportReportCard({ report, dryRun }: Props) {
  return (
    <Card
      title={dryRun ? '试导入结果（尚未写入）' : '导入完成'}
      extra={<StatusBadge text={dryRun ? '待确认' : '已导入'} tone={dryRun ? 'amber' : 'green'} />}
    >
      <InfoRows
        rows={[
          { label: '文件行数', value: `${report.total}` },
          { label: dryRun ? '将新增' : '新增', value: `${report.created}` },
          { label: dryRun ? '将更新' : '更新', value: `${report.updated}` },
          { label: '无变化', value: `${report.unchanged}` },
          { label: '不通过', value: `${report.rejected.length}` },
        ]}
      />
      {report.rejected.length > 0 ? (
        <View className="zg-import__rejected">
          <Text className="zg-import__rejected-title">不通过的行（不会导入）</Text>
          {report.rejected.map((r) => (
            <Text key={r.row} className="zg-import__rejected-row">
              第 {r.row} 行：{r.reasons.join('；')}
            </Text>
          ))}
        </View>
      ) : null}
    </Card>
  )
}

import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ImportReport } from '@contract'
import { Button, Card, PageContainer } from '@/components'
import { chooseAndUploadFile, type UploadedFile } from '@/api/upload'
import { showError } from '@/api/show-error'
import { useSubmit } from '@/api/use-submit'
import { confirm, toast } from '@/utils/confirm'
import { ImportReportCard } from './report'
import './index.scss'

type Step =
  | { kind: 'choose' }
  | { kind: 'checked'; file: UploadedFile; report: ImportReport }
  | { kind: 'done'; file: UploadedFile; report: ImportReport }

/** Choose a file → a dry run shows what would change → confirm → the final report. */
export default function RegistryImport() {
  const run = useSubmit('registry.import')
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [uploading, setUploading] = useState(false)
  const busy = uploading || run.submitting

  const choose = async () => {
    let file: UploadedFile | null
    setUploading(true)
    try {
      file = await chooseAndUploadFile(['csv', 'xlsx'], 'registry-imports')
    } catch (err) {
      showError(err)
      return
    } finally {
      setUploading(false)
    }
    if (!file) return
    const report = await run.submit({ fileId: file.fileId, dryRun: true })
    if (report) setStep({ kind: 'checked', file, report })
  }

  const commit = async () => {
    if (step.kind !== 'checked') return
    const { report, file } = step
    const ok = await confirm(
      '导入会员库',
      `将新增 ${report.created} 人、更新 ${report.updated} 人；不通过的 ${report.rejected.length} 行不会导入。确定导入吗？`,
      '导入',
    )
    if (!ok) return
    const done = await run.submit({ fileId: file.fileId })
    if (done) {
      setStep({ kind: 'done', file, report: done })
      toast('导入完成')
    }
  }

  return (
    <PageContainer>
      <Card title="会员库文件">
        <Text className="zg-import__hint">
          支持 CSV 或 XLSX，第一行为表头，须包含：姓名、身份证号、手机号、基层工会、会员卡号。
          先试导入检查每一行，确认后才写入；再次导入同一会员只会更新，不会重复。
        </Text>
        {step.kind !== 'choose' ? (
          <Text className="zg-import__file">已选择：{step.file.name}</Text>
        ) : null}
      </Card>
      {step.kind !== 'choose' ? (
        <ImportReportCard report={step.report} dryRun={step.kind === 'checked'} />
      ) : null}
      <View className="zg-import__actions">
        {step.kind === 'checked' ? (
          <Button type="primary" block loading={run.submitting} disabled={busy} onClick={commit}>
            确认导入
          </Button>
        ) : null}
        <Button
          block
          type={step.kind === 'choose' ? 'primary' : 'default'}
          loading={uploading}
          disabled={busy}
          onClick={choose}
        >
          {step.kind === 'choose' ? '选择文件' : '重新选择文件'}
        </Button>
      </View>
    </PageContainer>
  )
}

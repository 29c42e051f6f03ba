import type { ActionName } from '../contract/actions'
import { actions } from '../contract/actions'
import { idFromRequest } from '../domain/ids'
import { maskName } from '../domain/mask'
import { recordAudit } from '../store/audit'
import { getMember } from '../store/members'
import type { Caller } from './caller'

/** Fields of a request or reply that name the documents a write touched. */
const TARGET_KEYS = ['id', 'memberId', 'activityId', 'openid', 'toOpenid', 'fileId'] as const

function targetsOf(...values: unknown[]): string[] {
  const targets = new Set<string>()
  for (const value of values) {
    if (typeof value !== 'object' || value === null) continue
    const fields = value as Record<string, unknown>
    for (const key of TARGET_KEYS) {
      if (typeof fields[key] === 'string') targets.add(fields[key])
    }
  }
  return [...targets]
}

/** The Chinese half of the action's summary, plus the reason staff gave, if any. */
function summaryOf(action: ActionName, input: unknown, result: unknown): string {
  const base = actions[action].summary.split(/\s*·\s*/)[0]
  const reason = (input as { reason?: unknown }).reason
  const parts = [base]
  if (typeof reason === 'string') parts.push(`原因：${reason}`)
  const report = result as { created?: unknown; updated?: unknown; rejected?: unknown }
  if (action === 'registry.import' && Array.isArray(report.rejected)) {
    const dry = (input as { dryRun?: unknown }).dryRun ? '（试运行）' : ''
    parts.push(
      `新增${String(report.created)}，更新${String(report.updated)}，拒绝${report.rejected.length}${dry}`,
    )
  }
  return parts.join('；')
}

/**
 * Records one audited action after it succeeded (inside the once-per-request run, so a replayed
 * retry is not recorded twice, and under an id from the request, so a run finishing one that died
 * is not either): who, when, which action, which documents.
 */
export async function audit(
  action: ActionName,
  input: unknown,
  result: unknown,
  caller: Caller,
  at: Date,
  request?: string,
): Promise<void> {
  const member = caller.memberId ? await getMember(caller.memberId) : null
  await recordAudit(
    {
      at,
      actor: caller.openid,
      actorName: member ? maskName(member.name) : null,
      action,
      targets: targetsOf(input, result),
      summary: summaryOf(action, input, result),
    },
    request && idFromRequest('audit', request),
  )
}

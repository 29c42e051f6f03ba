import { demoData } from '../../cloud/seed'
import { actAs, button, card, field, demoSession, phone, snap } from './browser'

/**
 * Members and roles in a real browser over the H5 build: the unverified demo member verifies
 * on 我的 → 会员认证, and an admin finds a staff action in 操作日志.
 */
const demo = demoSession()

test('李秀英 verifies from 我的 and then sees 已认证 with her data masked', async () => {
  const li = demoData(new Date()).identities.find((i) => i.openid === 'dev-member-2')
  if (!li?.idNumber) throw new Error('the seed carries no ID number for dev-member-2')

  const page = await phone(demo.browser)
  await actAs(page, demo.cloud.url, li.name)
  await page.getByText('我的', { exact: true }).click()
  await button(page, '去认证').waitFor()
  await snap(page, 'unverified-me')
  expect(await page.getByText('工作台', { exact: true }).count()).toBe(0)

  await button(page, '去认证').click()
  await field(page, '请输入姓名').waitFor()
  await field(page, '请输入姓名').fill(li.name)
  await field(page, '请输入18位身份证号').fill(li.idNumber)
  await page.getByText('身份证号只用于核对会员身份，不会明文保存', { exact: false }).waitFor()
  await snap(page, 'verify-form')

  await button(page, '获取手机号并认证').click()
  await card(page, '会员信息').waitFor({ timeout: 15_000 })
  await snap(page, 'verified-me')
  const info = (await card(page, '会员信息').textContent()) ?? ''
  expect(info).toContain('李*英')
  expect(info).toContain('138****0002')
  expect(info).toContain(`尾号 ${li.idNumber.slice(-4)}`)
  expect(info).not.toContain(li.phone)
  expect(info).not.toContain(li.idNumber)
  await page.getByText('已认证会员').waitFor()
  await page.context().close()
})

test('an admin opens 工作台 → 操作日志 and finds what staff did', async () => {
  const title = '操作日志测试公告'
  const reply = await demo.cloud.fn(
    'api',
    {
      action: 'notice.create',
      payload: { requestId: 'e2e-audit-notice-1', title, body: '正文' },
    },
    'dev-staff-1',
  )
  expect(reply).toMatchObject({ ok: true })

  const page = await phone(demo.browser)
  await actAs(page, demo.cloud.url, '刘洋')
  await page.getByText('我的', { exact: true }).click()
  await card(page, '工作台').waitFor()
  await snap(page, 'admin-me')
  await card(page, '工作台').click()
  await card(page, '操作日志').waitFor()
  await snap(page, 'admin-hub')

  await card(page, '操作日志').click()
  await button(page, '查询').waitFor()
  const entry = page.locator('.zg-card:visible', { hasText: 'dev-staff-1' }).first()
  await entry.waitFor()
  await snap(page, 'admin-audit')
  expect(await entry.textContent()).toContain('新建公告')

  // Filtered by the staff member's openid, only their actions remain.
  await field(page, '操作人 openid').fill('dev-staff-1')
  await button(page, '查询').click()
  await page.waitForLoadState('networkidle')
  const actors = await page.locator('.zg-audit__lines:visible').allTextContents()
  expect(actors.length).toBeGreaterThan(0)
  for (const line of actors) expect(line).toContain('dev-staff-1')
  await snap(page, 'admin-audit-filtered')

  // 会员库 from the same hub: masked data only.
  await page.goBack()
  await card(page, '会员库').click()
  await button(page, '搜索').waitFor()
  await page.locator('.zg-card:visible').first().waitFor()
  await snap(page, 'admin-registry')
  await field(page, '姓名或会员卡号').fill('王建国')
  await button(page, '搜索').click()
  await page
    .locator('.nut-tag-text:visible', { hasText: /^已绑定$/ })
    .first()
    .waitFor()
  expect(await page.locator('.zg-card:visible').first().textContent()).toContain('王*国')
  await snap(page, 'admin-registry-search')
  await page.context().close()
})

test('an admin imports 会员库 from a CSV: dry run, confirm, report; the new member is found', async () => {
  const csv = [
    '姓名,身份证号,手机号,基层工会,会员卡号',
    '钱多多,440524198001010056,13900000031,杭州市拱墅区总工会,E2E0001',
    '孙少少,440524198001010057,13900000032,杭州市拱墅区总工会,E2E0002',
  ].join('\n')
  const page = await phone(demo.browser)
  await actAs(page, demo.cloud.url, '刘洋')
  await page.getByText('我的', { exact: true }).click()
  await card(page, '工作台').click()
  await card(page, '会员库').click()
  await button(page, '导入会员库').click()
  await button(page, '选择文件').waitFor()

  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    button(page, '选择文件').click(),
  ])
  await chooser.setFiles({ name: '会员库.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await button(page, '确认导入').waitFor()
  const dryRun = (await page.locator('.zg-card:visible').allTextContents()).join('\n')
  expect(dryRun).toContain('会员库.csv')
  expect(dryRun).toContain('身份证号校验位不正确')
  await snap(page, 'admin-import-dry-run')
  // The dry run wrote nothing.
  const before = await demo.cloud
    .app()
    .database()
    .collection('members')
    .where({ cardNo: 'E2E0001' })
    .get()
  expect((before as { data: unknown[] }).data).toHaveLength(0)

  await button(page, '确认导入').click()
  const dialog = page.locator('.taro-modal__content')
  await dialog.getByText('导入会员库').waitFor()
  await snap(page, 'admin-import-confirm')
  await dialog.locator('.taro-modal__foot').getByText('导入', { exact: true }).click()
  await button(page, '重新选择文件').waitFor()
  await page.waitForLoadState('networkidle')
  await snap(page, 'admin-import-done')
  const after = await demo.cloud
    .app()
    .database()
    .collection('members')
    .where({ cardNo: 'E2E0001' })
    .get()
  expect((after as { data: unknown[] }).data).toHaveLength(1)

  await page.goBack()
  await field(page, '姓名或会员卡号').fill('E2E0001')
  await button(page, '搜索').click()
  await page.locator('.zg-card:visible', { hasText: '钱*多' }).waitFor()
  await snap(page, 'admin-registry-imported')
  await page.context().close()
})

export default definePageConfig({ navigationBarTitleText: '代会员报名' })

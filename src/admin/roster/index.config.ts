export default definePageConfig({ navigationBarTitleText: '检票名单' })

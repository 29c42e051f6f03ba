export default definePageConfig({ navigationBarTitleText: '抽签名单' })

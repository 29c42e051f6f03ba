export default definePageConfig({ navigationBarTitleText: '编辑场馆' })

export default definePageConfig({
  navigationBarTitleText: '场馆管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})

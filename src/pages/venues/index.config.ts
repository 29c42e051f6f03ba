export default definePageConfig({
  navigationBarTitleText: '场馆',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})

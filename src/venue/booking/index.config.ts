export default definePageConfig({
  navigationBarTitleText: '预约状态',
  enableShareAppMessage: true,
})

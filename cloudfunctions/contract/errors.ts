/**
 * The one table of error codes. Every refusal the API gives is one of these, with a Chinese
 * message a member can read. Handlers throw `ApiError`; the router turns it into the reply.
 */
export const ERRORS = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '无法识别您的微信身份，请重新进入小程序',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '内容不存在或已下线',
  CONFLICT: '内容已被他人修改，请刷新后再试',
  REQUEST_IN_PROGRESS: '上一次提交还在处理中，请稍候',
  INVALID_STATE: '当前状态下不能进行此操作',
  VERIFICATION_FAILED: '姓名、身份证号或手机号与会员库不一致，请核对后再试',
  VERIFICATION_LOCKED: '认证失败次数过多，请稍后再试',
  PHONE_CODE_INVALID: '手机号授权已失效，请重新授权',
  ALREADY_VERIFIED: '您已完成会员认证',
  MEMBER_ALREADY_BOUND: '该会员已绑定其他微信账号，如有疑问请联系工作人员',
  ACCOUNT_ALREADY_BOUND: '该微信账号已绑定其他会员',
  IMPORT_FILE_INVALID: '会员库文件无法读取或缺少必需的列，未导入任何内容',
  LAST_ADMIN: '不能取消最后一位管理员',
  SIGNUP_NOT_OPEN: '当前不在报名时间内',
  SEATS_FULL: '名额已满',
  ALREADY_ENTERED: '您已报名此活动，每人限报一次',
  CANCEL_CLOSED: '已过取消截止时间，不能取消',
  MEMBER_BANNED: '因爽约暂停报名',
  MONTHLY_CAP: '本月报名或中签次数已达上限',
  CONFIRM_CLOSED: '已过确认期限，名额已释放',
  TICKET_INVALID: '无效的电子票',
  TICKET_USED: '此票已检票',
  CHECK_IN_CLOSED: '当前不在检票时间内',
  SLOT_TAKEN: '该时段已被预约，请选择其他时段',
  BOOKING_NOT_OPEN: '该时段暂不可预约',
  BOOKING_LIMIT: '已达预约上限',
  BOOKING_INVALID: '无效的预约码',
  INTERNAL: '服务开小差了，请稍后再试',
  NETWORK: '网络不给力，请检查网络后重试',
} as const

export type ErrorCode = keyof typeof ERRORS

export interface ApiErrorBody {
  code: ErrorCode
  message: string
  /** Field-level details for INVALID_INPUT: path → Chinese message. */
  fields?: Record<string, string>
}

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>
  constructor(code: ErrorCode, message: string = ERRORS[code], fields?: Record<string, string>) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
  }
  toBody(): ApiErrorBody {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message }
  }
}

/** What the api function answers: never throws across the wire, always this envelope. */
export type ApiReply<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }

/** Addresses of pages outside the tab bar, shared by the pages that link to them and share cards. */
export function noticeDetailUrl(id: string): string {
  return `/notice/detail/index?id=${encodeURIComponent(id)}`
}

export const ADMIN_NOTICES_URL = '/admin/notices/index'

export function adminEditUrl(id?: string): string {
  return id ? `/admin/edit/index?id=${encodeURIComponent(id)}` : '/admin/edit/index'
}

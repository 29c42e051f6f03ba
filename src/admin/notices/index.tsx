import { PageContainer } from '@/components'
export default function P() {
  return <PageContainer />
}

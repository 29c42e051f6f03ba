import { maskName, maskPhone } from '../../cloudfunctions/domain/mask'

describe('masking personal data', () => {
  it('keeps the first and last character of a name', () => {
    expect(maskName('张小三')).toBe('张*三')
    expect(maskName('欧阳晓华')).toBe('欧**华')
    expect(maskName('张三')).toBe('张*')
    expect(maskName('张')).toBe('*')
    expect(maskName('')).toBe('')
  })

  it('does not split a character outside the basic plane', () => {
    expect(maskName('𠀀小𠀁')).toBe('𠀀*𠀁')
  })

  it('shows a mobile number as 138****0000', () => {
    expect(maskPhone('13812340000')).toBe('138****0000')
    expect(maskPhone('138 1234 0000')).toBe('138****0000')
  })

  it('keeps only the last four digits of any other number', () => {
    expect(maskPhone('0571-56000319')).toBe('********0319')
    expect(maskPhone('123')).toBe('***')
  })
})

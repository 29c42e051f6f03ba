export * from './actions'
export * from './errors'
export * from './notice'
export * from './me'

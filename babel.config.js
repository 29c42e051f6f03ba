// Taro's preset compiles TSX for both weapp and h5; the webpack5 compiler flag picks its runtime.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}

import { fuzzShard } from './fuzz/suite'

// Issue 7's fuzz, shard 2 of FUZZ_SHARDS (test/functions/fuzz/suite.ts).
fuzzShard(2)

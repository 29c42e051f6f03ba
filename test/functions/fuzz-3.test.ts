import { fuzzShard } from './fuzz/suite'

// Issue 7's fuzz, shard 3 of FUZZ_SHARDS (test/functions/fuzz/suite.ts).
fuzzShard(3)

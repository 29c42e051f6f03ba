/** `npm run api:schema`: the whole API contract as JSON on stdout, and nothing else. */
import { contractSchema } from './contract-json'

process.stdout.write(`${JSON.stringify(contractSchema(), null, 2)}\n`)

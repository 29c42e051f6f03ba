// Not named transport.weapp.ts: Taro would resolve './transport' to that file on weapp builds.
import type { ApiEvent, ApiReply } from '@contract'
import { weappTransport } from './weapp-transport'
import { h5Transport } from './h5-transport'

/** Sends one event to the api function. Rejects with `networkError()` when nothing usable came back. */
export type Transport = (event: ApiEvent) => Promise<ApiReply<unknown>>

// TARO_ENV is replaced at build time, so each build keeps only its own branch's behaviour.
export const transport: Transport = process.env.TARO_ENV === 'weapp' ? weappTransport : h5Transport

/**
 * What a real SCF container holds for every invocation, set once for this process: it points
 * every SDK request at the local cloud and says "inside SCF", which stops the SDK probing
 * metadata.tencentyun.com before each request. The keys are dummies: the local cloud does not
 * check signatures.
 */
export function pointSdkAtLocalCloud(baseUrl: string, envId: string): void {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${baseUrl}/admin` }),
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD: 'true',
    // Inside SCF the SDK logs an error on every call when these two are missing.
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: envId,
  })
}

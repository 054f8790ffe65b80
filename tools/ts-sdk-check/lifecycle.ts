// Runs @flowcore/sdk 4.2.4 (git tag v4.2.4, copied to ./sdk-src) against a fresh flowcore-stub.
// Usage: npx tsx lifecycle.ts [path/to/flowcore-stub]
import { spawn } from "node:child_process"
import { createInterface } from "node:readline"
import * as fc from "./sdk-src/mod.ts"

const STUB = process.argv[2] ?? "/tmp/ts-stub-build/bin/flowcore-stub"
const stub = spawn(STUB, ["--port", "0"], { stdio: ["ignore", "pipe", "inherit"] })
const line: string = await new Promise((res) => createInterface({ input: stub.stdout! }).once("line", res))
const base = /listening on (http:\/\/\S+)/.exec(line)![1]
console.log(`stub: ${line}`)

// Record every HTTP exchange so that a failure shows what was sent and answered.
let exchanges: string[] = []
const realFetch = globalThis.fetch
globalThis.fetch = async (url: any, init?: any) => {
  const res = await realFetch(url, init)
  const text = await res.clone().text()
  const auth = init?.headers?.Authorization ?? "(none)"
  exchanges.push(`  > ${init?.method ?? "GET"} ${String(url).slice(base.length)} auth=${auth.replace(/:.*/, ":…")}` +
    (init?.body ? ` body=${init.body}` : "") + `\n  < ${res.status} ${text.slice(0, 300)}`)
  if (process.env.VERBOSE) console.log(exchanges.at(-1))
  return res
}

let pass = 0, fail = 0
const results: Record<string, unknown> = {}
async function step<T>(name: string, fn: () => Promise<T>, show: (r: T) => unknown = (r) => r): Promise<T | undefined> {
  exchanges = []
  try {
    const r = await fn()
    pass++
    results[name] = r
    console.log(`PASS ${name}: ${JSON.stringify(show(r))?.slice(0, 200)}`)
    return r
  } catch (e: any) {
    fail++
    console.log(`FAIL ${name}: ${e?.constructor?.name}: ${e?.message} ${JSON.stringify(e?.errors ?? e?.details ?? e?.body ?? "")}`)
    console.log(exchanges.join("\n"))
    return undefined
  }
}
// a step that must throw a given exception class
async function expectThrow(name: string, cls: string, fn: () => Promise<unknown>) {
  exchanges = []
  try {
    const r = await fn()
    fail++
    console.log(`FAIL ${name}: expected ${cls}, got ${JSON.stringify(r)}\n${exchanges.join("\n")}`)
  } catch (e: any) {
    const ok = e?.constructor?.name === cls
    ok ? pass++ : fail++
    console.log(`${ok ? "PASS" : "FAIL"} ${name}: ${e?.constructor?.name}: ${e?.message}` + (ok ? "" : `\n${exchanges.join("\n")}`))
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const bearer = new fc.FlowcoreClient({ getBearerToken: () => "test-token" })
bearer.setBaseUrl(base)
const x = bearer.execute.bind(bearer) as <I, O>(c: fc.Command<I, O>) => Promise<O>

// ---- Tenant
const tenants = await step("tenant list", () => x(new fc.TenantListCommand()))
const tenantId = tenants?.find((t) => t.name === "acme")?.id ?? ""
await step("tenant fetch by name", () => x(new fc.TenantFetchCommand({ tenant: "acme" })))
await step("tenant fetch by id", () => x(new fc.TenantFetchCommand({ tenantId })))
await step("tenant instance fetch", () => x(new fc.TenantInstanceFetchCommand({ tenant: "acme" })))
await step("tenant translate name to id", () => x(new fc.TenantTranslateNameToIdCommand({ tenant: "acme" })))
await step("tenant preview", () => x(new fc.TenantPreviewCommand({ name: "acme" })))
await step("tenant update", () => x(new fc.TenantUpdateCommand({ tenantId, description: "updated" })))
await step("tenant enable sensitive data", () => x(new fc.TenantEnableSensitiveDataCommand({ tenantId })))
await step("tenant disable sensitive data", () => x(new fc.TenantDisableSensitiveDataCommand({ tenantId })))
await step("tenant create", () => x(new fc.TenantCreateCommand({ tenantSlug: "other", displayName: "Other" })))
await expectThrow("tenant fetch unknown -> NotFound", "NotFoundException", () => x(new fc.TenantFetchCommand({ tenant: "nope" })))

// ---- DataCore
const dc = await step("data core create", () => x(new fc.DataCoreCreateCommand({
  tenantId, name: "dc1", description: "d", accessControl: "private", deleteProtection: false })))
const dcId = dc?.id ?? ""
await step("data core fetch by id", () => x(new fc.DataCoreFetchCommand({ dataCoreId: dcId })), (r) => r.id === dcId)
await step("data core fetch by tenantId+name", () => x(new fc.DataCoreFetchCommand({ tenantId, dataCore: "dc1" })), (r) => r.id === dcId)
await step("data core fetch by tenant+name", () => x(new fc.DataCoreFetchCommand({ tenant: "acme", dataCore: "dc1" })), (r) => r.id === dcId)
await step("data core list (tenant)", () => x(new fc.DataCoreListCommand({ tenant: "acme" })), (r) => r.map((d) => [d.name, d.access]))
await step("data core list (no filter)", () => x(new fc.DataCoreListCommand({})), (r) => r.length)
await step("data core update", () => x(new fc.DataCoreUpdateCommand({ dataCoreId: dcId, description: "d2", accessControl: "public" })))
await step("data core exists", () => x(new fc.DataCoreExistsCommand({ dataCoreId: dcId })))
await expectThrow("data core fetch unknown id -> NotFound", "NotFoundException", () => x(new fc.DataCoreFetchCommand({ dataCoreId: "00000000-0000-0000-0000-000000000000" })))
await expectThrow("data core fetch unknown name -> NotFound", "NotFoundException", () => x(new fc.DataCoreFetchCommand({ tenant: "acme", dataCore: "nope" })))

// ---- FlowType
const ft = await step("flow type create", () => x(new fc.FlowTypeCreateCommand({ dataCoreId: dcId, name: "order", description: "f" })))
const ftId = ft?.id ?? ""
await step("flow type fetch by id", () => x(new fc.FlowTypeFetchCommand({ flowTypeId: ftId })), (r) => r.id === ftId)
await step("flow type fetch by name", () => x(new fc.FlowTypeFetchCommand({ dataCoreId: dcId, flowType: "order" })), (r) => r.id === ftId)
await step("flow type list", () => x(new fc.FlowTypeListCommand({ dataCoreId: dcId })), (r) => r.map((f) => f.name))
await step("flow type update", () => x(new fc.FlowTypeUpdateCommand({ flowTypeId: ftId, description: "f2" })))
await step("flow type exists", () => x(new fc.FlowTypeExistsCommand({ flowTypeId: ftId })))

// ---- EventType
const et = await step("event type create", () => x(new fc.EventTypeCreateCommand({ flowTypeId: ftId, name: "created", description: "e" })))
const etId = et?.id ?? ""
await step("event type create (sensitive mask)", () => x(new fc.EventTypeCreateCommand({ flowTypeId: ftId, name: "masked", description: "m",
  sensitiveDataMask: { key: "customerId", schema: { email: "string", name: true } }, sensitiveDataEnabled: true })))
await step("event type fetch by id", () => x(new fc.EventTypeFetchCommand({ eventTypeId: etId })), (r) => r.id === etId)
await step("event type fetch by name", () => x(new fc.EventTypeFetchCommand({ flowTypeId: ftId, eventType: "created" })), (r) => r.id === etId)
await step("event type list", () => x(new fc.EventTypeListCommand({ flowTypeId: ftId })), (r) => r.map((e) => e.name))
await step("event type update", () => x(new fc.EventTypeUpdateCommand({ eventTypeId: etId, description: "e2" })))
await step("event type exists", () => x(new fc.EventTypeExistsCommand({ eventTypeId: etId })))

// ---- ApiKey (bearer)
const key = await step("api key create", () => x(new fc.ApiKeyCreateCommand({ tenantId, name: "k1", description: "kd" })))
const keyId = key?.id ?? ""
await step("api key list", () => x(new fc.ApiKeyListCommand({ tenantId })), (r) => r.map((k) => k.name))
await step("api key fetch", () => x(new fc.ApiKeyFetchCommand({ apiKeyId: keyId })))
await step("api key edit", () => x(new fc.ApiKeyEditCommand({ apiKeyId: keyId, description: "kd2" })))
await step("api key validate", () => x(new fc.ApiKeyValidateCommand({ apiKey: key?.apiKey ?? "" })))
await step("api key validate with tenant id", () => x(new fc.ApiKeyValidateWithTenantIdCommand({ apiKey: key?.apiKey ?? "", tenantId })))

// ---- Secret / Variable (bearer)
await step("secret create", () => x(new fc.SecretCreateCommand({ tenantId, key: "s1", value: "v", description: "sd" })))
await step("secret list", () => x(new fc.SecretListCommand({ tenantId })))
await step("secret fetch", () => x(new fc.SecretFetchCommand({ tenantId, key: "s1" })))
await step("secret edit", () => x(new fc.SecretEditCommand({ tenantId, key: "s1", value: "v2" })))
await step("secret delete", () => x(new fc.SecretDeleteCommand({ tenantId, key: "s1" })))
await expectThrow("secret fetch deleted -> NotFound", "NotFoundException", () => x(new fc.SecretFetchCommand({ tenantId, key: "s1" })))
await step("variable create", () => x(new fc.VariableCreateCommand({ tenantId, key: "v1", value: "x", description: "vd" })))
await step("variable list", () => x(new fc.VariableListCommand({ tenantId })))
await step("variable fetch", () => x(new fc.VariableFetchCommand({ tenantId, key: "v1" })))
await step("variable edit", () => x(new fc.VariableEditCommand({ tenantId, key: "v1", value: "y", description: "vd2" })))
await step("variable delete", () => x(new fc.VariableDeleteCommand({ tenantId, key: "v1" })))

// ---- Ingestion and reading (api-key client, with the key created above)
const apik = new fc.FlowcoreClient({ apiKey: key?.apiKey ?? "fc_a_b" })
apik.setBaseUrl(base)
const y = apik.execute.bind(apik) as <I, O>(c: fc.Command<I, O>) => Promise<O>
const at = { tenantName: "acme", dataCoreId: dcId, flowTypeName: "order", eventTypeName: "created" }
await step("ingest event", () => y(new fc.IngestEventCommand({ ...at, eventData: { n: 1 } })))
await step("ingest event (metadata, times, ttl)", () => y(new fc.IngestEventCommand({ ...at, eventData: { n: 2 },
  metadata: { source: "ts" }, ttl: "true", isEphemeral: true, eventTime: "2025-01-01T12:03:04.512Z", validTime: "2025-01-01T12:03:04.512Z" })))
await step("ingest batch", () => y(new fc.IngestBatchCommand({ ...at, events: [{ n: 3 }, { n: 4 }] })))
await step("data core list in api-key mode", () => y(new fc.DataCoreListCommand({ tenant: "acme" })), (r) => r.length)
const tb = await step("time bucket list", () => y(new fc.TimeBucketListCommand({ tenant: "acme", eventTypeId: etId })))
const tb2 = await step("time bucket list (desc, pageSize 1)", () => y(new fc.TimeBucketListCommand({ tenant: "acme", eventTypeId: [etId], order: "desc", pageSize: 1 })))
await step("time bucket list (cursor)", () => y(new fc.TimeBucketListCommand({ tenant: "acme", eventTypeId: [etId], order: "desc", pageSize: 1, cursor: tb2?.nextCursor })))
const bucket = tb?.timeBuckets.at(-1) ?? ""
const ev = await step("event list", () => y(new fc.EventListCommand({ tenant: "acme", eventTypeId: etId, timeBucket: bucket })), (r) => r.events.map((e) => e.payload))
await step("event list (pageSize 1, desc)", () => y(new fc.EventListCommand({ tenant: "acme", eventTypeId: etId, timeBucket: bucket, pageSize: 1, order: "desc" })))
await step("event list (afterEventId)", () => y(new fc.EventListCommand({ tenant: "acme", eventTypeId: etId, timeBucket: bucket, afterEventId: ev?.events[0]?.eventId })), (r) => r.events.length)
await step("events fetch time buckets by names", () => y(new fc.EventsFetchTimeBucketsByNamesCommand({ tenant: "acme", dataCoreId: dcId, flowType: "order", eventTypes: ["created"] })))
await step("events fetch", () => y(new fc.EventsFetchCommand({ tenant: "acme", dataCoreId: dcId, flowType: "order", eventTypes: ["created"], timeBucket: bucket, pageSize: 2 })), (r) => [r.events.length, r.nextCursor])
await step("event type info (custom)", () => y(new fc.EventTypeInfoCommand({ tenant: "acme", eventTypeId: etId })), (r) => [r.firstTimeBucket, r.lastTimeBucket, r.lastEvents.length])
await expectThrow("ingest in bearer mode refused", "CommandError", () => x(new fc.IngestEventCommand({ ...at, eventData: { n: 9 } })))

// ---- Sensitive data
await step("event type remove sensitive data", () => x(new fc.EventTypeRemoveSensitiveDataCommand({ eventTypeId: etId, application: "app", parentKey: "p", key: "k", type: "scramble" })))
await step("event type list removed sensitive data", () => x(new fc.EventTypeListRemovedSensitiveDataCommand({ tenantId, eventTypeId: etId })), (r) => [r.data.length, r.pagination])

// ---- Truncate, deletes
const t0 = Date.now()
await step("event type request truncate (wait)", () => x(new fc.EventTypeRequestTruncateCommand({ tenant: "acme", eventTypeId: etId, waitForTruncate: true })), (r) => [r, `${Date.now() - t0} ms`])
await sleep(1700)
await step("event list after truncate", () => y(new fc.EventListCommand({ tenant: "acme", eventTypeId: etId, timeBucket: bucket })), (r) => r.events.length)
await step("event type fetch after truncate", () => x(new fc.EventTypeFetchCommand({ eventTypeId: etId })), (r) => r.isTruncating)
await step("api key delete", () => x(new fc.ApiKeyDeleteCommand({ apiKeyId: keyId })))
await expectThrow("api key fetch deleted -> NotFound", "NotFoundException", () => x(new fc.ApiKeyFetchCommand({ apiKeyId: keyId })))
await step("event type request delete (wait)", () => x(new fc.EventTypeRequestDeleteCommand({ tenant: "acme", eventTypeId: etId, waitForDelete: true })))
await step("event type exists after delete", () => x(new fc.EventTypeExistsCommand({ eventTypeId: etId })))
await step("flow type request delete (wait)", () => x(new fc.FlowTypeRequestDeleteCommand({ tenant: "acme", flowTypeId: ftId, waitForDelete: true })))
await step("flow type exists after delete", () => x(new fc.FlowTypeExistsCommand({ flowTypeId: ftId })))
await step("data core request delete (wait)", () => x(new fc.DataCoreRequestDeleteCommand({ tenant: "acme", dataCoreId: dcId, waitForDelete: true })))
await step("data core exists after delete", () => x(new fc.DataCoreExistsCommand({ dataCoreId: dcId })))
await expectThrow("data core fetch after delete -> NotFound", "NotFoundException", () => x(new fc.DataCoreFetchCommand({ dataCoreId: dcId })))
const dp = await step("data core create (delete protected)", () => x(new fc.DataCoreCreateCommand({ tenantId, name: "dc2", description: "", accessControl: "public", deleteProtection: true })))
await expectThrow("data core request delete protected -> 409", "ClientError", () => x(new fc.DataCoreRequestDeleteCommand({ tenant: "acme", dataCoreId: dp?.id ?? "", waitForDelete: true })))
await expectThrow("request delete unknown tenant -> NotFound (lookup)", "NotFoundException", () => x(new fc.DataCoreRequestDeleteCommand({ tenant: "nope", dataCoreId: dp?.id ?? "" })))
console.log("notifications: skipped (the stub has no WebSocket endpoint yet)")

console.log(`\n${pass} passed, ${fail} failed`)
stub.kill("SIGTERM")
process.exit(fail ? 1 : 0)

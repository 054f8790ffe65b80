// Edge cases of @flowcore/sdk 4.2.4 against a fresh flowcore-stub: encoding, retries/faults,
// lookups, 404 mapping, reading options. Usage: npx tsx extras.ts [path/to/flowcore-stub]
import { spawn } from "node:child_process"
import { createInterface } from "node:readline"
import * as fc from "./sdk-src/mod.ts"

const STUB = process.argv[2] ?? "/tmp/ts-stub-build/bin/flowcore-stub"
const stub = spawn(STUB, ["--port", "0"], { stdio: ["ignore", "pipe", "inherit"] })
const line: string = await new Promise((res) => createInterface({ input: stub.stdout! }).once("line", res))
const base = /listening on (http:\/\/\S+)/.exec(line)![1]
let exchanges: string[] = []
const realFetch = globalThis.fetch
globalThis.fetch = async (url: any, init?: any) => {
  try {
    const res = await realFetch(url, init)
    const text = await res.clone().text()
    exchanges.push(`  > ${init?.method ?? "GET"} ${String(url).slice(base.length)}` + (init?.body ? ` body=${init.body}` : "") +
      `\n  < ${res.status} ${text.slice(0, 250)}`)
    return res
  } catch (e: any) {
    exchanges.push(`  > ${init?.method ?? "GET"} ${String(url).slice(base.length)}\n  < network error: ${e?.cause?.code ?? e?.message}`)
    throw e
  }
}
let pass = 0, fail = 0
async function check(name: string, fn: () => Promise<unknown>, ok: (r: any) => boolean, expectErr?: string) {
  exchanges = []
  let r: any, err: any
  try { r = await fn() } catch (e) { err = e }
  const good = expectErr ? err?.constructor?.name === expectErr : !err && ok(r)
  good ? pass++ : fail++
  const what = err ? `${err.constructor?.name}: ${err.message}` : JSON.stringify(r)?.slice(0, 200)
  console.log(`${good ? "PASS" : "FAIL"} ${name}: ${what}`)
  if (!good || process.env.VERBOSE) console.log(exchanges.join("\n"))
}
const control = (path: string, body?: unknown) =>
  realFetch(base + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined }).then((r) => r.json())

const bearer = new fc.FlowcoreClient({ getBearerToken: () => "tok" })
bearer.setBaseUrl(base)
const x = bearer.execute.bind(bearer) as <I, O>(c: fc.Command<I, O>) => Promise<O>
const tenantId = (await x(new fc.TenantFetchCommand({ tenant: "acme" }))).id
const key = await x(new fc.ApiKeyCreateCommand({ tenantId, name: "k" }))
const apik = new fc.FlowcoreClient({ apiKey: key.apiKey })
apik.setBaseUrl(base)
const y = apik.execute.bind(apik) as <I, O>(c: fc.Command<I, O>) => Promise<O>

// encoding: raw path interpolation (undici encodes space and non-ASCII), '+' in queries
await check("variable key with space and UTF-8: create", () => x(new fc.VariableCreateCommand({ tenantId, key: "my kéy", value: "v" })), (r) => r.key === "my kéy")
await check("variable key with space and UTF-8: fetch", () => x(new fc.VariableFetchCommand({ tenantId, key: "my kéy" })), (r) => r.key === "my kéy")
await check("variable key with space and UTF-8: delete", () => x(new fc.VariableDeleteCommand({ tenantId, key: "my kéy" })), (r) => r === true)
const dc = await x(new fc.DataCoreCreateCommand({ tenantId, name: "my dc", description: "", accessControl: "private", deleteProtection: false }))
await check("data core fetch by name with space (query '+')", () => x(new fc.DataCoreFetchCommand({ tenant: "acme", dataCore: "my dc" })), (r) => r.id === dc.id)
await check("data core list by tenantId", () => x(new fc.DataCoreListCommand({ tenantId })), (r) => r.length === 1)
const ft = await x(new fc.FlowTypeCreateCommand({ dataCoreId: dc.id, name: "or der", description: "" }))
const et = await x(new fc.EventTypeCreateCommand({ flowTypeId: ft.id, name: "cre ated", description: "" }))
await check("ingest into names with spaces", () => y(new fc.IngestEventCommand({ tenantName: "acme", dataCoreId: dc.id, flowTypeName: "or der", eventTypeName: "cre ated", eventData: { a: 1 } })), (r) => r.success)

// retries and faults
await control("/__stub/faults", { method: "GET", path_prefix: "/api/v1/data-cores", status: 503, count: 2 })
await check("retry: 2x 503 then 200 (data core list)", () => x(new fc.DataCoreListCommand({ tenant: "acme" })), (r) => r.length === 1)
await control("/__stub/faults", { method: "GET", path_prefix: "/api/v1/flow-types", reset: true, count: 1 })
await check("retry: connection reset then 200 (flow type list)", () => x(new fc.FlowTypeListCommand({ dataCoreId: dc.id })), (r) => r.length === 1)
await control("/__stub/faults", { method: "POST", path_prefix: "/api/v1/data-cores", status: 503, count: 1 })
await check("no retry on create (503 -> ClientError)", () => x(new fc.DataCoreCreateCommand({ tenantId, name: "z", description: "", accessControl: "private", deleteProtection: false })), () => false, "ClientError")
await control("/__stub/faults", { path_prefix: "/api/v1/event-types/", body: "{\"exists\":true,\"extra\":{\"x\":1}}", count: 1 })
await check("unknown fields ignored by SDK (fault body)", () => x(new fc.EventTypeExistsCommand({ eventTypeId: et.id })), (r) => r.exists === true)

// auth shape
const nobody = new fc.FlowcoreClient({ getBearerToken: () => null })
nobody.setBaseUrl(base)
await check("no Authorization -> 401 ClientError", () => nobody.execute(new fc.TenantListCommand()), () => false, "ClientError")
const legacy = new fc.FlowcoreClient({ apiKey: "legacykey", apiKeyId: "legacy-id" })
legacy.setBaseUrl(base)
await check("legacy ApiKey id:key header accepted", () => legacy.execute(new fc.TenantListCommand()), (r) => r.length >= 1)
await check("api key lastUsedAt set after ApiKey-mode use", () => x(new fc.ApiKeyFetchCommand({ apiKeyId: key.id })), (r) => r.lastUsedAt !== null)

// reading options
const ing = await y(new fc.IngestBatchCommand({ tenantName: "acme", dataCoreId: dc.id, flowTypeName: "or der", eventTypeName: "cre ated", events: [{ b: 1 }, { b: 2 }, { b: 3 }] }))
const buckets = await y(new fc.TimeBucketListCommand({ tenant: "acme", eventTypeId: et.id }))
const bucket = buckets.timeBuckets[0]
await check("time buckets from/to", () => y(new fc.TimeBucketListCommand({ tenant: "acme", eventTypeId: [et.id, et.id], fromTimeBucket: bucket, toTimeBucket: bucket })), (r) => r.timeBuckets.length === 1)
await check("event list from/to event id", () => y(new fc.EventListCommand({ tenant: "acme", eventTypeId: et.id, timeBucket: bucket, fromEventId: ing.eventIds[0], toEventId: ing.eventIds[1] })), (r) => r.events.length === 2)
await check("event list includeSensitiveData", () => y(new fc.EventListCommand({ tenant: "acme", eventTypeId: et.id, timeBucket: bucket, includeSensitiveData: true })), (r) => r.events.length === 4)
let cursor: string | undefined, n = 0, pages = 0
await check("event list paging with cursor", async () => {
  do {
    const p = await y(new fc.EventListCommand({ tenant: "acme", eventTypeId: et.id, timeBucket: bucket, pageSize: 1, ...(cursor && { cursor }) }))
    n += p.events.length; pages++; cursor = p.nextCursor
  } while (cursor && pages < 10)
  return [n, pages]
}, (r) => r[0] === 4)
await check("events fetch with afterEventId + cursor", () => y(new fc.EventsFetchCommand({ tenant: "acme", dataCoreId: dc.id, flowType: "or der", eventTypes: ["cre ated"], timeBucket: bucket, afterEventId: ing.eventIds[0], pageSize: 1, cursor: "1" })), (r) => r.events.length === 1)
await check("event list unknown fromEventId -> 400", () => y(new fc.EventListCommand({ tenant: "acme", eventTypeId: et.id, timeBucket: bucket, fromEventId: "nope" })), () => false, "ClientError")
await check("ingest unknown flow type -> 404", () => y(new fc.IngestEventCommand({ tenantName: "acme", dataCoreId: dc.id, flowTypeName: "nope", eventTypeName: "x", eventData: {} })), () => false, "ClientError")
await check("event type fetch by unknown name -> NotFound", () => x(new fc.EventTypeFetchCommand({ flowTypeId: ft.id, eventType: "nope" })), () => false, "NotFoundException")
await check("flow type fetch unknown id -> NotFound", () => x(new fc.FlowTypeFetchCommand({ flowTypeId: "nope" })), () => false, "NotFoundException")
await check("event type update with sensitive mask", () => x(new fc.EventTypeUpdateCommand({ eventTypeId: et.id, sensitiveDataMask: { key: "id", schema: { email: "string" } }, sensitiveDataEnabled: true })), (r) => r.sensitiveDataMask?.key === "id")
await check("event type request delete (no wait)", () => x(new fc.EventTypeRequestDeleteCommand({ tenant: "acme", eventTypeId: et.id })), (r) => r.success)
await check("ingest into deleting event type -> 404", () => y(new fc.IngestEventCommand({ tenantName: "acme", dataCoreId: dc.id, flowTypeName: "or der", eventTypeName: "cre ated", eventData: {} })), () => false, "ClientError")
await check("event type fetch while deleting shows isDeleting", () => x(new fc.EventTypeFetchCommand({ eventTypeId: et.id })), (r) => r.isDeleting === true)
await check("event type request delete repeat while deleting -> 200", () => x(new fc.EventTypeRequestDeleteCommand({ tenant: "acme", eventTypeId: et.id })), (r) => r.success)
await check("tenant update with no fields -> CommandError before I/O", () => x(new fc.TenantUpdateCommand({ tenantId })), () => false, "CommandError")
await check("data core request delete unknown id -> NotFound", () => x(new fc.DataCoreRequestDeleteCommand({ tenant: "acme", dataCoreId: "nope" })), () => false, "NotFoundException")

console.log(`\n${pass} passed, ${fail} failed`)
stub.kill("SIGTERM")
process.exit(fail ? 1 : 0)

// The workload of bench/rest_bench.cpp with @flowcore/sdk 4.2.4 (see README.md here):
// N DataCoreFetchCommand calls by id, one at a time, then from CONCURRENCY workers.
// Usage: npx tsx bench.ts BASE_URL [N=2000] [CONCURRENCY=32]
import * as fc from "./sdk-src/mod.ts"

const base = process.argv[2]
const n = Number(process.argv[3] ?? 2000)
const concurrency = Number(process.argv[4] ?? 32)

const client = new fc.FlowcoreClient({ apiKey: "fc_bench_0123456789abcdef" })
client.setBaseUrl(base)
const x = client.execute.bind(client) as <I, O>(c: fc.Command<I, O>) => Promise<O>

// The data core bench/rest_bench.cpp creates; run it first.
const core = await x(new fc.DataCoreFetchCommand({ tenant: "acme", dataCore: "bench-rest" })) as { id: string }
const fetchIt = () => x(new fc.DataCoreFetchCommand({ dataCoreId: core.id }))
for (let i = 0; i < 50; i++) await fetchIt()  // warm up

const us: number[] = []
const start = performance.now()
for (let i = 0; i < n; i++) {
  const t0 = performance.now()
  await fetchIt()
  us.push((performance.now() - t0) * 1000)
}
const seqS = (performance.now() - start) / 1000
us.sort((a, b) => a - b)
const pct = (p: number) => us[Math.min(us.length - 1, Math.round(p * (us.length - 1)))]
console.log(`TS @flowcore/sdk sequential  ${n} calls: p50 ${pct(0.5).toFixed(1).padStart(7)} us  p99 ${pct(0.99).toFixed(1).padStart(7)} us  ${(n / seqS).toFixed(0).padStart(8)} calls/s`)

const per = Math.floor(n / concurrency)
const concStart = performance.now()
await Promise.all(Array.from({ length: concurrency }, async () => {
  for (let i = 0; i < per; i++) await fetchIt()
}))
const concS = (performance.now() - concStart) / 1000
console.log(`TS @flowcore/sdk concurrent  ${per * concurrency} calls, ${concurrency} in flight: ${(per * concurrency / concS).toFixed(0).padStart(8)} calls/s`)

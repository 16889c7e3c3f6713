// `npm run bench`: the five figures of the "Prove it" issue, in one run against the emulators.
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { collection, doc, onSnapshot, query, serverTimestamp, setDoc, where } from 'firebase/firestore';
import { getFirestore as getAdminFirestore } from 'firebase-admin/firestore';
import { paths, sosRequestCreate } from '@sos/model';
import { seed, useEmulators } from '../scripts/seed';
import { PORT_OFFSET } from '../tests/helpers/emulators';
import { BENCH_LOCATION, closeClients, ensureAccount, signedInClient, type Client } from './clients';
import { percentile, round } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const COLLECTOR_PORT = 4390 + PORT_OFFSET;
const FLOOR_WRITES = 200;
const PIPELINE_RESIDENTS = 20;
const PIPELINE_PER_RESIDENT = 10;
const BURST_RESIDENTS = 100;
const BURST_PER_RESIDENT = 5;
const STAFF_DEVICES = 3;

type Counts = Record<string, number>;

/** Receives the functions' read/write counts (functions/src/costs.ts reports to SOS_COST_COLLECTOR_URL). */
function startCostCollector() {
  const totals = { reads: {} as Counts, writes: {} as Counts, invocations: 0 };
  const add = (into: Counts, from: Counts) => {
    for (const [kind, n] of Object.entries(from)) into[kind] = (into[kind] ?? 0) + n;
  };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const delta = JSON.parse(body || '{}') as { reads?: Counts; writes?: Counts };
      add(totals.reads, delta.reads ?? {});
      add(totals.writes, delta.writes ?? {});
      totals.invocations += 1;
      response.end('ok');
    });
  });
  server.listen(COLLECTOR_PORT, '127.0.0.1');
  return {
    reset: () => {
      totals.reads = {};
      totals.writes = {};
      totals.invocations = 0;
    },
    snapshot: () => structuredClone(totals),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Resolves when `ids` have all been seen by a tracker, or after timeout (the rest are reported lost). */
function waitForAll(seen: Map<string, number>, ids: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((done) => {
    const started = Date.now();
    const check = () => {
      if (ids.every((id) => seen.has(id)) || Date.now() - started > timeoutMs) done();
      else setTimeout(check, 20);
    };
    check();
  });
}

async function setUpBenchLocation(): Promise<void> {
  const admin = getAdminFirestore();
  await admin.doc(paths.location(BENCH_LOCATION)).set({
    name: 'Bench location',
    staffPhone: '+73420000000',
    responseMinutes: 10,
    // Long enough that no escalation round falls inside the run: we measure the request path.
    ackSeconds: 3600,
    timezone: 'UTC',
  });
  await ensureAccount('bench-admin', 'admin', [BENCH_LOCATION]);
  for (let s = 1; s <= STAFF_DEVICES; s++) {
    const uid = `bench-staff-${s}`;
    await ensureAccount(uid, 'staff', [BENCH_LOCATION]);
    await admin.doc(paths.staffMember(BENCH_LOCATION, uid)).set({ name: uid, phone: '', onDuty: true, tier: 1 });
    await admin.doc(paths.device(uid, 'bench-device')).set({ token: `bench-token-${s}`, createdAt: new Date(), lastSeenAt: new Date() });
  }
  for (let start = 1; start <= BURST_RESIDENTS; start += 20) {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => ensureAccount(`bench-r-${start + i}`, 'resident', [BENCH_LOCATION])),
    );
  }
}

function emergencyRequest(client: Client, repeatOf: string | null = null) {
  const ref = doc(collection(client.db, paths.sosRequests()));
  const sent = setDoc(ref, sosRequestCreate({ uid: client.uid, locationId: BENCH_LOCATION, source: 'emergency', repeatOf }, serverTimestamp()));
  return { id: ref.id, sent };
}

/** The location side's live view: when each request is first seen open with its deadline. */
function watchOpen(admin: Client, openSeen: Map<string, number>) {
  return onSnapshot(query(collection(admin.db, paths.sosRequests()), where('locationId', '==', BENCH_LOCATION)), (snapshot) => {
    const now = performance.now();
    for (const change of snapshot.docChanges()) {
      const data = change.doc.data();
      if (data.status === 'open' && data.deadlineAt && !openSeen.has(change.doc.id)) openSeen.set(change.doc.id, now);
    }
  });
}

function watchOrders(client: Client, orderSeen: Map<string, number>) {
  return onSnapshot(collection(client.db, paths.orders(client.uid)), (snapshot) => {
    const now = performance.now();
    for (const change of snapshot.docChanges()) if (!orderSeen.has(change.doc.id)) orderSeen.set(change.doc.id, now);
  });
}

async function measureFloor(writer: Client, reader: Client) {
  const seen = new Map<string, number>();
  const stop = onSnapshot(collection(reader.db, paths.devices(reader.uid)), (snapshot) => {
    const now = performance.now();
    for (const change of snapshot.docChanges()) if (!seen.has(change.doc.id)) seen.set(change.doc.id, now);
  });
  const latencies: number[] = [];
  const run = `${Date.now()}`;
  for (let i = 0; i < FLOOR_WRITES + 10; i++) {
    const id = `floor-${run}-${i}`;
    const started = performance.now();
    void setDoc(doc(writer.db, paths.device(writer.uid, id)), { token: id, createdAt: serverTimestamp(), lastSeenAt: serverTimestamp() });
    await waitForAll(seen, [id], 10_000);
    if (i >= 10) latencies.push((seen.get(id) ?? Number.NaN) - started); // the first 10 are warm-up
  }
  stop();
  return { writes: latencies.length, p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)) };
}

async function measurePipeline(admin: Client, residents: Client[], perResident = PIPELINE_PER_RESIDENT) {
  const openSeen = new Map<string, number>();
  const orderSeen = new Map<string, number>();
  const stops = [watchOpen(admin, openSeen), ...residents.map((client) => watchOrders(client, orderSeen))];
  const latencies: number[] = [];
  await Promise.all(
    residents.map(async (client) => {
      for (let i = 0; i < perResident; i++) {
        const started = performance.now();
        const { id } = emergencyRequest(client);
        await Promise.all([waitForAll(openSeen, [id], 30_000), waitForAll(orderSeen, [id], 30_000)]);
        latencies.push(Math.max(openSeen.get(id) ?? Number.NaN, orderSeen.get(id) ?? Number.NaN) - started);
      }
    }),
  );
  stops.forEach((stop) => stop());
  return {
    requests: latencies.length,
    concurrentResidents: residents.length,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

async function measureBurst(residents: Client[]) {
  const admin = getAdminFirestore();
  const ids: string[] = [];
  const processed = new Map<string, number>();
  const stop = admin
    .collection(paths.sosRequests())
    .where('locationId', '==', BENCH_LOCATION)
    .onSnapshot((snapshot) => {
      const now = performance.now();
      for (const change of snapshot.docChanges()) {
        if (change.doc.get('status') !== 'new' && !processed.has(change.doc.id)) processed.set(change.doc.id, now);
      }
    });
  const started = performance.now();
  const writes = residents.flatMap((client) => Array.from({ length: BURST_PER_RESIDENT }, () => emergencyRequest(client)));
  ids.push(...writes.map((write) => write.id));
  await Promise.all(writes.map((write) => write.sent));
  await waitForAll(processed, ids, 120_000);
  const allProcessedMs = Math.max(...ids.map((id) => processed.get(id) ?? Number.NaN)) - started;
  stop();
  // Pushes go out from the update trigger, after the request is open: wait for every open batch
  // (its `notified-open` event) before counting deliveries.
  const notifiedMs = await waitForPushBatches(ids, started, 180_000);

  // Lost: never processed. Duplicated orders: more than one order for a request. Duplicated pushes:
  // more than one delivery to the same device in the same batch of a request.
  const lost = ids.filter((id) => !processed.has(id)).length;
  const orders = await Promise.all(residents.map((client) => admin.collection(paths.orders(client.uid)).get()));
  const orderCounts = new Map<string, number>();
  for (const snapshot of orders) {
    for (const order of snapshot.docs) {
      const requestId = order.get('requestId') as string;
      orderCounts.set(requestId, (orderCounts.get(requestId) ?? 0) + 1);
    }
  }
  const missingOrders = ids.filter((id) => !orderCounts.has(id)).length;
  const duplicatedOrders = ids.reduce((sum, id) => sum + Math.max(0, (orderCounts.get(id) ?? 0) - 1), 0);
  let duplicatedPushes = 0;
  let pushes = 0;
  for (let start = 0; start < ids.length; start += 50) {
    const snapshots = await Promise.all(ids.slice(start, start + 50).map((id) => admin.collection(paths.deliveries(id)).get()));
    for (const snapshot of snapshots) {
      const keys = snapshot.docs.map((row) => `${row.get('batch')}|${row.get('uid')}|${row.get('deviceId')}`);
      pushes += keys.length;
      duplicatedPushes += keys.length - new Set(keys).size;
    }
  }
  return {
    requests: ids.length,
    residents: residents.length,
    allProcessedMs: round(allProcessedMs),
    allPushBatchesDoneMs: round(notifiedMs),
    lost,
    missingOrders,
    duplicatedOrders,
    pushes,
    duplicatedPushes,
  };
}

/** Milliseconds from `started` until every request's open push batch is recorded (polled: a bench, not a test). */
async function waitForPushBatches(ids: readonly string[], started: number, timeoutMs: number): Promise<number> {
  const admin = getAdminFirestore();
  let pending = [...ids];
  while (pending.length > 0 && performance.now() - started < timeoutMs) {
    const snapshots = await admin.getAll(...pending.map((id) => admin.doc(paths.event(id, 'notified-open'))));
    pending = pending.filter((_, i) => !snapshots[i]?.exists);
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return pending.length === 0 ? performance.now() - started : Number.NaN;
}

/** Gzip bytes of the JS the resident's /sos route loads before it is usable: the entry and its static imports. */
function measureClientWeight() {
  const dist = resolve(ROOT, 'web/dist');
  const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean; imports?: string[] }
  >;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('no entry in the Vite manifest');
  const loaded = new Set<string>();
  const visit = (key: string) => {
    if (loaded.has(key)) return;
    loaded.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entryKey);
  const files = [...loaded].map((key) => manifest[key]?.file ?? key).filter((file) => file.endsWith('.js'));
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(resolve(dist, file)), { level: 9 }).length, 0);
  const forbidden = files.filter((file) => /scan|qrcode|zxing|barcode|admin|staff|messaging/i.test(file));
  return { files, gzipKB: round(gzipBytes / 1024, 1), forbiddenChunks: forbidden };
}

async function main() {
  const startedAt = Date.now();
  useEmulators();
  await seed();
  const collector = startCostCollector();
  await setUpBenchLocation();

  const writer = await signedInClient('bench-r-1');
  const reader = await signedInClient('bench-r-1');
  const admin = await signedInClient('bench-admin');
  const residents: Client[] = [writer];
  for (let i = 2; i <= BURST_RESIDENTS; i++) residents.push(await signedInClient(`bench-r-${i}`));

  // Warm-up: cold starts of every trigger, listeners and connections.
  console.log('warming up…');
  await measurePipeline(admin, residents.slice(0, 5));

  console.log('floor…');
  const floor = await measureFloor(writer, reader);
  console.log('pipeline, one resident at a time…');
  const sequential = await measurePipeline(admin, residents.slice(0, 1), 30);
  console.log('pipeline…');
  collector.reset();
  const pipeline = await measurePipeline(admin, residents.slice(0, PIPELINE_RESIDENTS));
  const costs = collector.snapshot();
  console.log('burst…');
  const burst = await measureBurst(residents.slice(0, BURST_RESIDENTS));
  const weight = measureClientWeight();

  const perRequest = (counts: Counts) =>
    Object.fromEntries(Object.entries(counts).map(([kind, n]) => [kind, round(n / pipeline.requests, 2)]));
  const sum = (counts: Counts) => round(Object.values(counts).reduce((a, b) => a + b, 0) / pipeline.requests, 2);
  const results = {
    at: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    floor,
    pipeline: { ...pipeline, ratioP95ToFloorP95: round(pipeline.p95Ms / floor.p95Ms, 2), target: 3 },
    /** The same path with no concurrency: what one request costs when the emulator is idle. */
    pipelineSequential: sequential,
    burst: { ...burst, targetMs: 30_000 },
    cost: {
      requests: pipeline.requests,
      readsPerRequest: sum(costs.reads),
      writesPerRequest: sum(costs.writes),
      readsByKind: perRequest(costs.reads),
      writesByKind: perRequest(costs.writes),
      reported: costs.invocations > 0,
      target: { reads: 4, writes: '5 + 1 per push' },
    },
    clientWeight: { ...weight, targetKB: 180 },
    durationS: round((Date.now() - startedAt) / 1000),
  };

  mkdirSync(resolve(ROOT, 'bench'), { recursive: true });
  writeFileSync(resolve(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
  console.table([
    { figure: '1 floor: client write → other client sees it', measured: `p50 ${floor.p50Ms} ms, p95 ${floor.p95Ms} ms (${floor.writes} writes)`, target: 'baseline', verdict: '' },
    { figure: '2 pipeline: request → admin sees open + order', measured: `p50 ${pipeline.p50Ms}, p95 ${pipeline.p95Ms}, p99 ${pipeline.p99Ms} ms (${pipeline.requests} req, ${pipeline.concurrentResidents} residents)`, target: `p95 ≤ 3 × floor p95 (${results.pipeline.ratioP95ToFloorP95}×)`, verdict: ok(results.pipeline.ratioP95ToFloorP95 <= 3) },
    { figure: '2b pipeline, one resident at a time', measured: `p50 ${sequential.p50Ms}, p95 ${sequential.p95Ms} ms (${sequential.requests} req)`, target: 'insight', verdict: '' },
    { figure: '3 burst: 500 requests from 100 residents', measured: `${burst.allProcessedMs} ms (pushes done ${burst.allPushBatchesDoneMs} ms); lost ${burst.lost}, dup orders ${burst.duplicatedOrders}, dup pushes ${burst.duplicatedPushes} of ${burst.pushes}`, target: '≤ 30 000 ms; 0, 0, 0', verdict: ok(burst.allProcessedMs <= 30_000 && burst.lost === 0 && burst.duplicatedOrders === 0 && burst.duplicatedPushes === 0) },
    { figure: '4 cost per request (backend)', measured: `${results.cost.readsPerRequest} reads, ${results.cost.writesPerRequest} writes`, target: '≤ 4 reads, ≤ 5 writes + 1/push', verdict: results.cost.reported ? '' : 'not reported' },
    { figure: '5 client weight of /sos (gzip)', measured: `${weight.gzipKB} KB in ${weight.files.length} files`, target: '≤ 180 KB, no scanner/admin code', verdict: ok(weight.gzipKB <= 180 && weight.forbiddenChunks.length === 0) },
  ]);
  console.log(`machine: ${results.machine.cores} cores, ${results.machine.cpu}, node ${results.machine.node}`);
  console.log('cost by kind (per request):', JSON.stringify({ reads: results.cost.readsByKind, writes: results.cost.writesByKind }));
  console.log('written to bench/results.json');

  await closeClients([reader, admin, ...residents]);
  await collector.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

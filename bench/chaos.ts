// The bench's chaos run (issue 21): requests whose create trigger fails on purpose, and the second path that opens them.
// package.json's `bench` script sets SOS_FAULTS for request ids starting with `chaos-` only, so the other figures are
// untouched: a fifth of those deliveries fail before the transaction, a fifth of the rest after the commit, a fifth of
// the rest at the escalation enqueue (functions/src/faults.ts). Half the residents keep the app open, which asks
// `openMyRequest` 10 s after the tap as the countdown screen does; the other half closed it, so only the sweeper,
// called every minute as Cloud Scheduler would, opens theirs.
import { doc, setDoc, serverTimestamp, collection } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from 'firebase/functions';
import { getFirestore as getAdminFirestore, type Timestamp } from 'firebase-admin/firestore';
import { paths, SECOND_PATH, sosRequestCreate, type OpenMyRequestResult, type SecondPathVia } from '@sos/model';
import { BENCH_LOCATION, writtenOrCounted, type Client } from './clients';
import { duplicatesOf } from './duplicates';
import { EMULATOR_HOSTS, PROJECT_ID, hostAndPort } from '../tests/helpers/emulators';
import { functionLogMark, loggedSince } from '../tests/helpers/functionLog';
import { percentile, round } from './stats';
import { FAULT_POINTS, failsAt, parseFaultPlan, type FaultPlan, type FaultPoint } from '../functions/src/faults';

export const CHAOS = {
  requests: 300,
  residents: 60,
  /** The requests are sent over this long, each resident's spread evenly (5 a second in all). */
  sendOverMs: 60_000,
  /** Every request must be open within this long of its tap. */
  openWithinMs: 90_000,
} as const;

/** What package.json's `bench` script sets: the share failing at each point, for ids under its prefix. */
function faultPlan(): FaultPlan {
  const plan = parseFaultPlan(process.env.SOS_FAULTS, process.env.SOS_FAULTS_FOR);
  if (!plan?.idPrefix) throw new Error('the chaos run needs SOS_FAULTS and SOS_FAULTS_FOR (npm run bench sets them)');
  return plan;
}
const SWEEP_EVERY_MS = 60_000;
const POLL_MS = 1_000;

const sleep = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis));

const functionsOf = new WeakMap<Client, Functions>();
/** The client's Functions SDK on the emulator, as the app connects it (once per app). */
function functionsFor(client: Client): Functions {
  let functions = functionsOf.get(client);
  if (!functions) {
    functions = getFunctions(client.app);
    const { host, port } = hostAndPort(EMULATOR_HOSTS.functions);
    connectFunctionsEmulator(functions, host, port);
    functionsOf.set(client, functions);
  }
  return functions;
}

/** Cloud Scheduler's call (the emulators have none); whether the sweep ended well (a failed one is retried a minute later). */
async function sweep(): Promise<boolean> {
  const response = await fetch(`http://${EMULATOR_HOSTS.functions}/${PROJECT_ID}/us-central1/sweepStuckRequests-0`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  }).catch(() => null);
  return response?.ok ?? false;
}

interface ChaosRequest {
  id: string;
  client: Client;
  sentAt: number;
  appOpen: boolean;
}

export async function measureChaos(residents: readonly Client[]) {
  if (residents.length < CHAOS.residents) throw new Error(`the chaos run needs ${CHAOS.residents} residents`);
  const plan = faultPlan();
  const prefix = plan.idPrefix;
  const admin = getAdminFirestore();
  const chaosResidents = residents.slice(0, CHAOS.residents);
  const perResident = CHAOS.requests / CHAOS.residents;
  const logMark = functionLogMark();
  /** Requests sent and not yet seen open: polled from the documents (one busy listener missed most openings). */
  const pending = new Set<string>();
  let polling = true;
  const poller = (async () => {
    while (polling || pending.size > 0) {
      const ids = [...pending];
      const snapshots = ids.length > 0 ? await admin.getAll(...ids.map((id) => admin.doc(paths.sosRequest(id)))) : [];
      for (const snapshot of snapshots) if (snapshot.get('status') !== 'new') pending.delete(snapshot.id);
      if (!polling) return;
      await sleep(POLL_MS);
    }
  })();

  const started = performance.now();
  const runStartedAt = Date.now();
  let sending = true;
  let failedSweeps = 0;
  const sweeps: Promise<void>[] = [];
  const scheduler = (async () => {
    // As Cloud Scheduler: every minute from the start, whether the sweep before has ended or not, until every request
    // is open or the run's time is up.
    while (sending || (pending.size > 0 && performance.now() - started < CHAOS.sendOverMs + CHAOS.openWithinMs)) {
      const next = started + SWEEP_EVERY_MS * (Math.floor((performance.now() - started) / SWEEP_EVERY_MS) + 1);
      while (performance.now() < next) {
        if (!sending && pending.size === 0) return;
        await sleep(Math.min(500, next - performance.now()));
      }
      sweeps.push(sweep().then((ended) => void (ended || (failedSweeps += 1))));
    }
  })();

  const appCalls = { made: 0, openedNow: 0, refused: 0 };
  let refusedWrites = 0;
  const requests: ChaosRequest[] = [];
  const sent = chaosResidents.map(async (client, index) => {
    const appOpen = index % 2 === 0;
    for (let k = 0; k < perResident; k += 1) {
      // Spread evenly: resident `index` sends its k-th request at this offset.
      const offset = ((k * CHAOS.residents + index) / CHAOS.requests) * CHAOS.sendOverMs;
      const wait = started + offset - performance.now();
      if (wait > 0) await sleep(wait);
      const ref = doc(collection(client.db, paths.sosRequests()), `${prefix}${doc(collection(client.db, paths.sosRequests())).id}`);
      const request: ChaosRequest = { id: ref.id, client, sentAt: performance.now(), appOpen };
      pending.add(request.id);
      if (
        !(await writtenOrCounted(
          setDoc(ref, sosRequestCreate({ uid: client.uid, locationId: BENCH_LOCATION, source: 'emergency', repeatOf: null }, serverTimestamp())),
        ))
      ) {
        pending.delete(request.id);
        refusedWrites += 1;
        continue;
      }
      requests.push(request);
      if (appOpen) void askToOpenLater(request);
    }
  });

  /** The countdown screen's second path: 10 s after the tap, a request the server has but has not opened is asked to open. */
  async function askToOpenLater(request: ChaosRequest): Promise<void> {
    await sleep(request.sentAt + SECOND_PATH.requesterAfterMs - performance.now());
    if (!pending.has(request.id)) return;
    appCalls.made += 1;
    try {
      const { data } = await httpsCallable<{ requestId: string }, OpenMyRequestResult>(
        functionsFor(request.client),
        'openMyRequest',
      )({ requestId: request.id });
      if (data.decidedNow) appCalls.openedNow += 1;
    } catch {
      appCalls.refused += 1;
    }
  }

  await Promise.all(sent);
  sending = false;
  const lastSentAt = performance.now();
  while (pending.size > 0 && performance.now() - lastSentAt < CHAOS.openWithinMs) await sleep(POLL_MS);
  polling = false;
  await Promise.all([scheduler, poller]);
  await Promise.all(sweeps);

  // The documents' own server times: the request's createdAt, its `validated` event's at (when it was opened).
  const ids = requests.map((request) => request.id);
  const snapshots = await admin.getAll(...ids.map((id) => admin.doc(paths.sosRequest(id))));
  const validated = await admin.getAll(...ids.map((id) => admin.doc(paths.event(id, 'validated'))));
  const stillNew = snapshots.filter((snapshot) => snapshot.get('status') === 'new').map((snapshot) => snapshot.id);
  const timesToOpen = snapshots.map((snapshot, index) => {
    const openedAt = validated[index]?.get('at') as Timestamp | undefined;
    const createdAt = snapshot.get('createdAt') as Timestamp | undefined;
    return openedAt && createdAt ? openedAt.toMillis() - createdAt.toMillis() : Number.NaN;
  });
  const opened = timesToOpen.filter(Number.isFinite);
  const late = timesToOpen.filter((ms) => !Number.isFinite(ms) || ms > CHAOS.openWithinMs).length;
  const viaCount = (via: SecondPathVia | 'trigger') =>
    snapshots.filter((snapshot) => ((snapshot.get('openedLate.via') as SecondPathVia | undefined) ?? 'trigger') === via && snapshot.get('status') !== 'new')
      .length;
  const openedByAClosedApp = requests.filter((request, index) => !request.appOpen && snapshots[index]?.get('openedLate.via') === 'requester').length;
  // What the plan fails on the trigger's first run of each request, from the same hash the functions use.
  const planned = (point: FaultPoint) =>
    ids.filter((id) => failsAt(plan, point, id) && !FAULT_POINTS.slice(0, FAULT_POINTS.indexOf(point)).some((earlier) => failsAt(plan, earlier, id))).length;

  // Wait until the backend is quiet before counting orders and pushes: pushes follow the opening.
  await sleep(5_000);
  const duplicates = await duplicatesOf(chaosResidents, ids);
  const faults = loggedSince(logMark, 'injected fault').filter((entry) => String(entry.requestId).startsWith(prefix));
  const faultsAt = (point: string) => new Set(faults.filter((entry) => entry.point === point).map((entry) => entry.requestId)).size;
  const sweepsLogged = loggedSince(logMark, 'stuck requests swept');
  return {
    requests: requests.length,
    /** Requests whose write the emulator refused (see writtenOrCounted): never made, not in the figures. */
    refusedWrites,
    residents: chaosResidents.length,
    residentsWithAppOpen: chaosResidents.filter((_, index) => index % 2 === 0).length,
    faultPercent: plan.percent,
    /** By the plan's hash: where each request's trigger fails on its first run (the later points only if it got there). */
    faultsPlanned: {
      openBeforeCommit: planned('open-before-commit'),
      openAfterCommit: planned('open-after-commit'),
      escalationEnqueue: planned('escalation-enqueue'),
    },
    /** As the functions logged them (firebase-debug.log). */
    faultsInjected: {
      openBeforeCommit: faultsAt('open-before-commit'),
      openAfterCommit: faultsAt('open-after-commit'),
      escalationEnqueue: faultsAt('escalation-enqueue'),
    },
    openedBy: { trigger: viaCount('trigger'), requester: viaCount('requester'), sweeper: viaCount('sweeper') },
    /** Opened by the app's call although that resident's app was closed: must be 0. */
    openedByAClosedApp,
    appCalls,
    sweeps: sweepsLogged.length,
    /** Each sweep as it logged itself: when it started (from the run's start), its query's and its whole time. */
    sweepTimes: sweepsLogged.map((entry) => ({
      startedS: round((Date.parse(String(entry.startedAt)) - runStartedAt) / 1000),
      queryMs: entry.queryMs,
      tookMs: entry.tookMs,
      opened: entry.opened,
      resumed: entry.resumed,
    })),
    failedSweeps,
    sweepResumed: sweepsLogged.reduce((sum, entry) => sum + Number(entry.resumed ?? 0), 0),
    /** From createdAt to the `validated` event, both server times. */
    timeToOpenP50Ms: round(percentile(opened, 50)),
    timeToOpenP95Ms: round(percentile(opened, 95)),
    timeToOpenMaxMs: round(Math.max(...opened)),
    openWithinMs: CHAOS.openWithinMs,
    notOpenWithin: late,
    lost: stillNew.length,
    missingOrders: duplicates.missingOrders,
    duplicatedOrders: duplicates.duplicatedOrders,
    pushes: duplicates.pushes,
    duplicatedPushes: duplicates.duplicatedPushes,
    durationS: round((performance.now() - started) / 1000),
  };
}

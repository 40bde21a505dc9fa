import { type LoadRun, loadProblems, runLoad, warmUp } from '../http-load';
import { median } from './stats';

// The sender lookup next to the app's most trivial route handler (GET /api/health: no session,
// no database, just `connection()` and a JSON body), so the ratio shows what our code costs on
// top of the framework. Runs alternate A B, B A, … so that a noisy neighbour on the shared
// machine hits both routes alike; the medians are reported.

export interface RouteFigures {
  rps: number;
  p50: number;
  p99: number;
  /** The app's CPU time per request: hardly moved by neighbours, unlike req/s. Null without /proc. */
  cpuMsPerRequest: number | null;
  runs: (LoadRun & { cpuMsPerRequest: number | null })[];
}

export interface RouteComparison {
  route: RouteFigures;
  floor: RouteFigures;
  connections: number;
  durationS: number;
  rounds: number;
  /** Any run that was not all-2xx: the figures would then describe error pages. */
  problems: string[];
}

type MeasuredRun = RouteFigures['runs'][number];

const figures = (runs: MeasuredRun[]): RouteFigures => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  cpuMsPerRequest: runs.every((r) => r.cpuMsPerRequest !== null) ? median(runs.map((r) => r.cpuMsPerRequest!)) : null,
  runs,
});

export async function compareWithFloor(options: {
  routeUrl: string;
  floorUrl: string;
  /** One set per request in turn (each agent's cookie: the lookup is limited per agent). */
  rotate: readonly Record<string, string>[];
  checkRoute: (body: unknown) => boolean;
  /** The app's CPU seconds so far (see AppStack.appCpuSeconds). */
  appCpuSeconds: () => number | null;
  connections: number;
  durationS: number;
  rounds: number;
}): Promise<RouteComparison> {
  const { routeUrl, floorUrl, rotate, connections, durationS } = options;
  await warmUp(floorUrl, {}, (body) => (body as { ok?: boolean } | null)?.ok === true);
  await warmUp(routeUrl, {}, options.checkRoute, { rotate });
  const measure = async (url: string, sets?: readonly Record<string, string>[]): Promise<MeasuredRun> => {
    const before = options.appCpuSeconds();
    const run = await runLoad({ url, rotate: sets, connections, durationS });
    const after = options.appCpuSeconds();
    const cpuMsPerRequest = before === null || after === null || run.requests === 0 ? null : ((after - before) * 1000) / run.requests;
    return { ...run, cpuMsPerRequest };
  };
  const route: MeasuredRun[] = [];
  const floor: MeasuredRun[] = [];
  for (let i = 0; i < options.rounds; i++) {
    const runRoute = async () => route.push(await measure(routeUrl, rotate));
    const runFloor = async () => floor.push(await measure(floorUrl));
    if (i % 2 === 0) {
      await runRoute();
      await runFloor();
    } else {
      await runFloor();
      await runRoute();
    }
  }
  const problems = [...route, ...floor].flatMap((run) => loadProblems(run).map((p) => `${run.url}: ${p}`));
  return { route: figures(route), floor: figures(floor), connections, durationS, rounds: options.rounds, problems };
}

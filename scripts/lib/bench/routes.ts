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
  runs: LoadRun[];
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

const figures = (runs: LoadRun[]): RouteFigures => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  runs,
});

export async function compareWithFloor(options: {
  routeUrl: string;
  floorUrl: string;
  headers: Record<string, string>;
  checkRoute: (body: unknown) => boolean;
  connections: number;
  durationS: number;
  rounds: number;
}): Promise<RouteComparison> {
  const { routeUrl, floorUrl, headers, connections, durationS } = options;
  await warmUp(floorUrl, {}, (body) => (body as { ok?: boolean } | null)?.ok === true);
  await warmUp(routeUrl, headers, options.checkRoute);
  const route: LoadRun[] = [];
  const floor: LoadRun[] = [];
  for (let i = 0; i < options.rounds; i++) {
    const runRoute = async () => route.push(await runLoad({ url: routeUrl, headers, connections, durationS }));
    const runFloor = async () => floor.push(await runLoad({ url: floorUrl, connections, durationS }));
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

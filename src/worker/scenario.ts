/**
 * Scenarios in the worker: building one from the running cluster, and checking one
 * that came from outside (IndexedDB, an imported file, a shared URL) before the
 * engine rebuilds a cluster from it. Anything from outside is untrusted, so the
 * checks answer in words a learner can act on and nothing is replaced until the
 * new cluster has been built completely.
 */
import { type Cluster, type ClusterSnapshot, restoreCluster } from '../engine/index';
import { clampSpeed, SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario } from '../protocol/messages';

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The scenario of a running cluster; the app fills in the editor and UI parts. */
export function buildScenario(cluster: Cluster, clock: { speed: number; running: boolean }): Scenario {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    snapshot: cluster.snapshot(),
    clock: { speed: clock.speed, running: clock.running },
    editor: { text: '' },
    ui: {},
    lessons: {},
  };
}

/** Checks the scenario's own fields (the snapshot is checked by restoreCluster). */
export function validateScenario(input: unknown): Scenario {
  if (!isObject(input) || input.format !== SCENARIO_FORMAT) {
    throw new ScenarioError('not a Kube Playground scenario');
  }
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ScenarioError(`not a Kube Playground scenario (version ${JSON.stringify(version)} is not a version)`);
  }
  if (version > SCENARIO_VERSION) {
    throw new ScenarioError(
      `made by a newer version of Kube Playground (scenario version ${version}, this page reads up to ${SCENARIO_VERSION}); reload the page to update`,
    );
  }
  if (!isObject(input.snapshot)) throw new ScenarioError('snapshot is damaged: the cluster snapshot is missing');
  const clock = isObject(input.clock) ? input.clock : {};
  const speed = typeof clock.speed === 'number' ? clampSpeed(clock.speed) : 1;
  const running = typeof clock.running === 'boolean' ? clock.running : true;
  const editor = isObject(input.editor) && typeof input.editor.text === 'string' ? input.editor.text : '';
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    snapshot: input.snapshot as unknown as ClusterSnapshot,
    clock: { speed, running },
    editor: { text: editor },
    ui: isObject(input.ui) ? input.ui : {},
    lessons: isObject(input.lessons) ? input.lessons : {},
  };
}

export interface LoadedScenario {
  cluster: Cluster;
  clock: { speed: number; running: boolean };
  /** the lesson progress it carries (checked by the lesson host, not here) */
  lessons: Record<string, unknown>;
}

/**
 * Validates and rebuilds. Throws ScenarioError and builds nothing the caller could
 * mistake for a cluster, so the caller's current cluster stays as it was.
 */
export function loadScenario(
  input: unknown,
  restore: (s: ClusterSnapshot) => Cluster = restoreCluster,
): LoadedScenario {
  const scenario = validateScenario(input);
  let cluster: Cluster;
  try {
    cluster = restore(scenario.snapshot);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(/^restoreCluster:\s*/, '');
    throw new ScenarioError(`snapshot is damaged: ${message}`);
  }
  return { cluster, clock: scenario.clock, lessons: scenario.lessons };
}

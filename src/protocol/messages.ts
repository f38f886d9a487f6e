/**
 * The one typed protocol between the UI thread and the engine worker.
 * Commands go in; views, results and errors come out. Everything here is plain
 * data (structured-clone safe) and imports engine *types* only, so the app can use
 * it without pulling the engine into the main bundle.
 */
import type { ApplyResult, ClusterSnapshot, ExecResult } from '../engine/index';
import type { Inspection, InspectRef } from './inspection';
import type { LessonAction, LessonSummary, LessonView } from './lessons';
import type { StatusTone } from './podstatus';

export type { Inspection, InspectRef } from './inspection';
export type { LessonAction, LessonCheckView, LessonStepView, LessonSummary, LessonView } from './lessons';
export type { ApplyResult, ExecResult };

/** Simulation speeds the worker accepts (multiples of wall time). */
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 60;
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 30, 60] as const;

/** What a reset may change; anything left out keeps the engine's default. */
export interface ResetOptions {
  seed?: number;
  /** worker node count (the control-plane node is always added) */
  nodes?: number;
  timings?: 'real' | 'fast';
}

/** Every command carries an optional id; its result echoes it back. */
export type Command =
  | { type: 'apply'; id?: number; text: string }
  | { type: 'kubectl'; id?: number; line: string }
  | { type: 'play'; id?: number }
  | { type: 'pause'; id?: number }
  | { type: 'step'; id?: number; ms: number }
  | { type: 'setSpeed'; id?: number; speed: number }
  | { type: 'reset'; id?: number; options?: ResetOptions }
  | { type: 'chaos'; id?: number; action: 'killNode' | 'restoreNode'; node: string }
  | { type: 'chaos'; id?: number; action: 'killPod'; namespace: string; name: string }
  | { type: 'chaos'; id?: number; action: 'cordonNode' | 'uncordonNode' | 'drainNode'; node: string }
  | { type: 'chaos'; id?: number; action: 'crashContainer'; namespace: string; name: string; container?: string }
  | { type: 'chaos'; id?: number; action: 'addNode' }
  /** advance the clock to the next pending timer (the next moment anything can happen by itself) */
  | { type: 'skipToNextEvent'; id?: number }
  /** start inspecting one object (null stops); the worker re-sends it while it changes */
  | { type: 'inspect'; id?: number; ref: InspectRef | null }
  | { type: 'saveScenario'; id?: number }
  | { type: 'loadScenario'; id?: number; scenario: unknown }
  /** tab completion of the console line at `cursor` */
  | { type: 'complete'; id?: number; line: string; cursor: number }
  /** the verbs the console's `help` lists */
  | { type: 'kubectlHelp'; id?: number }
  /** the lessons there are (answered with lessonList) */
  | { type: 'lessons'; id?: number }
  /** start, move through or leave a lesson; the worker answers with lesson views */
  | ({ type: 'lesson'; id?: number } & LessonAction);

export type CommandType = Command['type'];

/** kubectl resource usage figures for one resource on a node. */
export interface ResourceView {
  /** status.allocatable: cpu as the API shows it ("2"), memory readable ("3.9Gi") */
  allocatable: string;
  /** sum of the requests of the pods bound to the node ("350m", "170Mi") */
  requested: string;
  /** requested / allocatable, 0–100 (rounded down like kubectl describe node) */
  percent: number;
}

export interface NodeView {
  name: string;
  /** kubectl's STATUS column: "Ready", "NotReady", "Ready,SchedulingDisabled" */
  status: string;
  ready: boolean;
  /** node-role.kubernetes.io/* labels, e.g. ["control-plane"] */
  roles: string[];
  cpu: ResourceView;
  memory: ResourceView;
  podCIDR: string;
  unschedulable: boolean;
  /** the machine under the node is switched off (chaos), which the API cannot see */
  machineDown?: boolean;
}

export interface PodView {
  namespace: string;
  name: string;
  /** spec.nodeName, or "" while unscheduled */
  node: string;
  phase: string;
  /** kubectl's STATUS column text */
  status: string;
  /** kubectl's READY column, "1/1" (ready containers / containers) */
  ready: string;
  /** the pod's Ready condition: false on a dead node even while READY still says 1/1 */
  podReady: boolean;
  restarts: number;
  /** status.podIP, or "" */
  ip: string;
  /** the controller ownerReference (the ReplicaSet, Job, DaemonSet… that made the pod) */
  owner?: { kind: string; name: string };
}

/** The workload kinds the view lists, in the order the UI shows their tables. */
export const WORKLOAD_KINDS = [
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
] as const;

export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** One workload as `kubectl get <kind>` prints it, plus how it is doing in plain words. */
export interface WorkloadView {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  /** the kind's table header, from the engine's printer ("NAME", "READY", …, "AGE") */
  columns: string[];
  /** this object's row under those columns */
  cells: string[];
  tone: StatusTone;
  /** one short sentence a beginner understands ("3 of 3 pods ready", "completed 1/1") */
  summary: string;
}

export interface EventView {
  type: 'Normal' | 'Warning';
  reason: string;
  /** "pod/web", "node/node-1" like kubectl get events' OBJECT column */
  object: string;
  /** the involved object's kind ("Pod", "ReplicaSet") and name, so a row can select it */
  kind?: string;
  name?: string;
  /** the Event's own name: stable while its count goes up */
  id?: string;
  namespace?: string;
  message: string;
  count: number;
  /** sim ms of lastTimestamp */
  at: number;
}

/** The compact mirror of the cluster the UI renders. */
export interface ClusterView {
  now: number;
  nodes: NodeView[];
  pods: PodView[];
  /** the workload objects of WORKLOAD_KINDS, by kind in that order, then namespace and name */
  workloads: WorkloadView[];
  /** the last VIEW_EVENTS (200) events, oldest first */
  events: EventView[];
}

export interface ClockState {
  now: number;
  running: boolean;
  speed: number;
}

export type WorkerMessage =
  | { type: 'view'; view: ClusterView }
  | { type: 'clock'; clock: ClockState }
  /** `lines` are what kubectl apply prints on success ("pod/web created", "deployment.apps/web configured") */
  | { type: 'applyResult'; id?: number; result: ApplyResult; lines: string[] }
  | { type: 'kubectlResult'; id?: number; line: string; result: ExecResult }
  | { type: 'error'; id?: number; command?: CommandType | 'tick'; message: string }
  /** the inspected object as it is now; `id` is the inspect command's */
  | { type: 'inspection'; id?: number; data: Inspection }
  /** answers saveScenario; editor and ui are left empty for the app to fill */
  | { type: 'scenario'; id?: number; scenario: Scenario }
  /** answers loadScenario once the cluster, speed and running state are restored */
  | { type: 'scenarioLoaded'; id?: number; clock: ClockState }
  /** what a chaos command did: the output of the kubectl it ran (cordon, drain) or one line */
  | { type: 'chaosResult'; id?: number; action: string; ok: boolean; output: string }
  /** the last SERIES_WINDOW_MS of per-second samples, at most ~2× a second */
  | { type: 'series'; series: SeriesView }
  /** `candidates` replace line[replaceFrom, cursor) of the complete command */
  | { type: 'completion'; id?: number; candidates: string[]; replaceFrom: number }
  /** every verb the engine runs, with kubectl's one-line description ("" if none) */
  | { type: 'kubectlHelp'; id?: number; verbs: { name: string; summary: string }[] }
  /** every lesson that loaded, in order; `broken` names lesson files that did not load, and why */
  | { type: 'lessonList'; id?: number; lessons: LessonSummary[]; broken: { dir: string; error: string }[] }
  /** the running lesson as it is now; null when no lesson runs */
  | { type: 'lesson'; view: LessonView | null };

/** How much simulated history the charts keep (10 minutes at one sample a second). */
export const SERIES_WINDOW_MS = 600_000;

/** Columns of samples aligned on `t`; null where the object did not exist at that sample. */
export interface SeriesView {
  /** sample instants, sim ms, one a simulated second, oldest first */
  t: number[];
  deployments: {
    namespace: string;
    name: string;
    desired: (number | null)[];
    updated: (number | null)[];
    ready: (number | null)[];
    available: (number | null)[];
  }[];
  pods: { running: number[]; pending: number[] };
  /** CPU requested as % of allocatable, per node */
  nodes: { name: string; cpuPercent: (number | null)[] }[];
}

export const SCENARIO_FORMAT = 'kube-playground/scenario';
export const SCENARIO_VERSION = 1;

/**
 * Everything a learner's session is made of, as versioned JSON: the cluster, the
 * clock settings, the editor text, the UI preferences and (reserved) lesson progress.
 * Autosave, export files and share URLs all carry this one shape.
 */
export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  version: typeof SCENARIO_VERSION;
  snapshot: ClusterSnapshot;
  clock: { speed: number; running: boolean };
  editor: { text: string };
  ui: Record<string, unknown>;
  /** `current`: the running lesson's progress (src/worker/lessons.ts checks it on load) */
  lessons: Record<string, unknown>;
}

/** Clamps a requested speed into the supported range (NaN becomes 1×). */
export function clampSpeed(x: number): number {
  if (!Number.isFinite(x)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));
}

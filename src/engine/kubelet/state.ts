/**
 * Everything the kubelets remember, as plain JSON inside the controller's state (so a
 * snapshot carries it). Per-pod records are kept small: a running pod with nothing
 * happening costs a few hundred bytes here and no work at all.
 */

import type { BackoffEntry } from './backoff';
import type { IpamState } from './ipam';
import type { ProcessState, SandboxState } from './runtime/types';

export type StopReason = 'delete' | 'terminal' | 'deadline' | 'liveness' | 'startup' | 'poststart' | 'spec';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

export interface ProbeState {
  /** consecutive results equal to `last` */
  run: number;
  /** last raw result: s(uccess) / f(ailure) */
  last: 's' | 'f' | '';
  /** the result the prober reports (thresholds applied): s / f / '' (none yet) */
  result: 's' | 'f' | '';
  /** next tick (sim ms) */
  next: number;
  /** liveness/startup failed: no more probing until a new container instance */
  hold?: boolean;
}

export interface PullRecord {
  /** when the kubelet asked for the image */
  requested: number;
  /** when the serial image puller began this pull */
  began: number;
  /** normalized reference (absent when the registry does not have the image) */
  ref?: string;
  fails?: boolean;
}

export interface Termination {
  exitCode: number;
  reason: string;
  message?: string;
  signal?: number;
  startedAt: number;
  finishedAt: number;
  /** container ID of the instance (without the containerd:// prefix) */
  id: string;
  /** startedAt was never set (StartError): shown as the Unix epoch, like containerd */
  neverStarted?: boolean;
  /** the runtime lost the container (machine reboot): only exit code, reason and message are known */
  lost?: boolean;
}

/**
 * One container of a pod, as the kubelet's runtime manager sees it.
 *  waiting  – nothing running; `reason` says why (ContainerCreating, CrashLoopBackOff, ErrImagePull…)
 *  pulling  – the image is being pulled until `at`
 *  creating – created and starting until `at`
 *  running  – `proc` is the process
 *  exited   – `exit` describes the ended instance; the kubelet acts on it at `at`
 */
export interface ContainerRec {
  name: string;
  step: 'waiting' | 'pulling' | 'creating' | 'running' | 'exited';
  at?: number;
  reason?: string;
  message?: string;
  /** the spec image this instance was made from (a change restarts the container) */
  image?: string;
  /** normalized reference of the pulled image (status.image, imageID via the catalog) */
  imageRef?: string;
  id?: string;
  startedAt?: number;
  exit?: Termination;
  last?: Termination;
  restarts: number;
  proc?: ProcessState;
  /** when the process asked to be stepped again */
  wake?: number;
  pull?: PullRecord;
  backoff?: BackoffEntry;
  probes?: Partial<Record<ProbeKind, ProbeState>>;
  /** being stopped: SIGKILL at `killAt`; `why` decides what happens after */
  stopping?: { termAt?: number; killAt: number; why: StopReason };
  /** restart the next instance whatever the restart policy says (the spec changed) */
  forceRestart?: boolean;
  /** log of the current instance: lines "<ms> <o|e> <text>" joined by \n */
  log?: string;
  /** log of the previous instance (kubectl logs --previous) */
  prevLog?: string;
  /** the last pull error (kept for the ImagePullBackOff message) */
  pullError?: string;
  /** next time a retry may happen after a failed start (config errors) */
  retryAt?: number;
}

export interface PodRec {
  uid: string;
  node: string;
  /** machine boot number the sandbox and processes belong to */
  boot: number;
  /** when the pod worker first saw the pod (probe ticks are phased from here) */
  created: number;
  startTime?: number;
  /** sandbox being created until `sandboxAt` */
  sandboxAt?: number;
  sandbox?: SandboxState;
  ip?: string;
  hostNetwork?: boolean;
  /** had a sandbox before (a new one means SandboxChanged) */
  hadSandbox?: boolean;
  init: ContainerRec[];
  containers: ContainerRec[];
  /** the pod worker is busy (pull, create) until this time */
  busyUntil?: number;
  /** image pull back-off per image (key = image as written in the spec) */
  imageBackoff?: Record<string, BackoffEntry>;
  /** termination in progress: deadline for everything */
  terminating?: { since: number; deadline: number };
  /** activeDeadlineSeconds fired */
  deadlineExceeded?: boolean;
  /** mounted ConfigMap/Secret files are rewritten at this periodic sync */
  volumesAt?: number;
  /** the earliest pending timer for this pod */
  timerAt?: number;
  /** terminal phase reached and written: nothing more to do */
  finished?: boolean;
}

export interface ImageRecord {
  /** normalized reference, e.g. docker.io/library/nginx:1.27 */
  ref: string;
  /** sim ms when the image is complete on the node */
  readyAt: number;
}

export interface NodeAgent {
  /** the boot this agent runs in (machines().boots) */
  boot: number;
  bootID: string;
  /** layer digest → sim ms when it is on disk */
  layers: Record<string, number>;
  /** images by normalized reference */
  images: Record<string, ImageRecord>;
  /** bumps whenever the image list changes */
  imagesVersion: number;
  reportedImagesVersion: number;
  /** the serial image puller is busy until */
  pullBusyUntil: number;
  lastLeaseRenew: number;
  lastStatusReport: number;
  lastStatusCheck: number;
  /** a boot that has not been announced yet (Starting events, NodeReady) */
  starting?: boolean;
  timerAt?: number;
  ipam: IpamState;
}

export interface KubeletState {
  nodes: Record<string, NodeAgent>;
  /** key: namespace/name */
  pods: Record<string, PodRec>;
}

export function newKubeletState(): KubeletState {
  return { nodes: {}, pods: {} };
}

/**
 * How a workload is doing, in one tone and one plain sentence a beginner can read.
 * The order of the checks follows kubectl's rollout status viewers
 * (kubectl pkg/polymorphichelpers/rollout_status.go) for Deployments, DaemonSets and
 * StatefulSets, and the conditions the controllers write (Progressing, ReplicaFailure,
 * Complete, Failed, Suspended) for the rest; the words are ours. Everything here reads
 * the object alone and never the clock, so a result can be cached by object identity.
 */
import type { Condition, KubeObject } from '../engine/api/types';
import type {
  CronJob,
  DaemonSet,
  Deployment,
  Job,
  ReplicaSet,
  ReplicationController,
  StatefulSet,
} from '../engine/api/workload-types';
import { jobCompletionsText, jobStatusText } from '../engine/kubectl/printers/job';
import type { StatusTone } from '../protocol/podstatus';

export interface WorkloadStatus {
  tone: StatusTone;
  summary: string;
}

export function workloadStatus(obj: KubeObject): WorkloadStatus {
  // A workload being deleted says so first, whatever its counts (kubectl's Job STATUS
  // column does the same with "Terminating").
  if (obj.metadata.deletionTimestamp) return { tone: 'warning', summary: 'being deleted' };
  switch (obj.kind) {
    case 'Deployment':
      return deploymentStatus(obj as Deployment);
    case 'ReplicaSet':
    case 'ReplicationController':
      return replicaSetStatus(obj as ReplicaSet | ReplicationController);
    case 'StatefulSet':
      return statefulSetStatus(obj as StatefulSet);
    case 'DaemonSet':
      return daemonSetStatus(obj as DaemonSet);
    case 'Job':
      return jobStatus(obj as Job);
    case 'CronJob':
      return cronJobStatus(obj as CronJob);
    default:
      return { tone: 'ok', summary: '' };
  }
}

const WAITING_FOR_CONTROLLER: WorkloadStatus = {
  tone: 'progress',
  summary: 'waiting for its controller to pick up the change',
};

function condition(obj: { status?: { conditions?: Condition[] } }, type: string): Condition | undefined {
  return obj.status?.conditions?.find((c) => c.type === type);
}

/** "1 pod", "3 pods" */
function pods(n: number): string {
  return `${n} pod${n === 1 ? '' : 's'}`;
}

/** The API server defaults spec.replicas to 1; a missing value reads the same here. */
function desiredReplicas(obj: { spec?: { replicas?: number } }): number {
  return obj.spec?.replicas ?? 1;
}

/** The controller has not written status for the latest spec yet (metadata.generation). */
function unobserved(obj: KubeObject): boolean {
  const observed = obj.status?.observedGeneration ?? 0;
  return (obj.metadata.generation ?? 0) > observed;
}

function deploymentStatus(d: Deployment): WorkloadStatus {
  if (unobserved(d)) return WAITING_FOR_CONTROLLER;
  const s = d.status ?? {};
  const desired = desiredReplicas(d);
  const updated = s.updatedReplicas ?? 0;
  const replicas = s.replicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const ready = s.readyReplicas ?? 0;
  const progressing = condition(d, 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return {
      tone: 'error',
      summary: `rollout stuck: ${available} of ${desired} pods available, no progress within ${d.spec.progressDeadlineSeconds ?? 600}s`,
    };
  }
  const failure = condition(d, 'ReplicaFailure');
  if (failure?.status === 'True') {
    return { tone: 'error', summary: `cannot create pods: ${failure.message || failure.reason || 'ReplicaFailure'}` };
  }
  if (d.spec.paused) return { tone: 'warning', summary: `rollout paused: ${ready} of ${desired} pods ready` };
  if (updated < desired) return { tone: 'progress', summary: `rolling out: ${updated} of ${desired} updated` };
  if (replicas > updated) {
    const old = replicas - updated;
    return { tone: 'progress', summary: `rolling out: ${pods(old)} of the old version still stopping` };
  }
  if (available < updated) {
    // a first rollout and a scale-up end here too, so no "rolling out"
    return { tone: 'progress', summary: `starting pods: ${available} of ${updated} available` };
  }
  if (desired === 0) return { tone: 'done', summary: 'scaled to 0' };
  return { tone: 'ok', summary: `${ready} of ${pods(desired)} ready` };
}

function replicaSetStatus(rs: ReplicaSet | ReplicationController): WorkloadStatus {
  if (unobserved(rs)) return WAITING_FOR_CONTROLLER;
  const desired = desiredReplicas(rs);
  const current = rs.status?.replicas ?? 0;
  const ready = rs.status?.readyReplicas ?? 0;
  const failure = condition(rs, 'ReplicaFailure');
  if (failure?.status === 'True') {
    return { tone: 'error', summary: `cannot create pods: ${failure.message || failure.reason || 'ReplicaFailure'}` };
  }
  if (desired === 0 && current === 0) {
    // A Deployment keeps its old ReplicaSets at 0 so that `kubectl rollout undo` can go back.
    const byDeployment = rs.metadata.ownerReferences?.some((r) => r.controller && r.kind === 'Deployment');
    return { tone: 'done', summary: byDeployment ? 'scaled to 0, kept for rollback' : 'scaled to 0' };
  }
  if (current > desired) {
    return { tone: 'progress', summary: `scaling down: ${pods(current - desired)} to remove` };
  }
  if (current < desired) return { tone: 'progress', summary: `creating pods: ${current} of ${desired} exist` };
  return { tone: ready < desired ? 'progress' : 'ok', summary: `${ready} of ${pods(desired)} ready` };
}

function statefulSetStatus(sts: StatefulSet): WorkloadStatus {
  // The viewer also waits while observedGeneration is still 0.
  if (unobserved(sts) || !sts.status?.observedGeneration) return WAITING_FOR_CONTROLLER;
  const s = sts.status;
  const desired = desiredReplicas(sts);
  const ready = s.readyReplicas ?? 0;
  if (ready < desired) {
    const ordered = (sts.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    return {
      tone: 'progress',
      summary: `${ready} of ${pods(desired)} ready${ordered ? ', started one at a time in order' : ''}`,
    };
  }
  const updated = s.updatedReplicas ?? 0;
  const rolling = sts.spec.updateStrategy?.rollingUpdate;
  if ((sts.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && rolling) {
    const partition = rolling.partition ?? 0;
    if (updated < desired - partition) {
      return { tone: 'progress', summary: `rolling out: ${updated} of ${desired - partition} updated` };
    }
  } else if (s.updateRevision !== s.currentRevision) {
    return { tone: 'progress', summary: `rolling out: ${updated} of ${desired} updated` };
  }
  if (desired === 0) return { tone: 'done', summary: 'scaled to 0' };
  return { tone: 'ok', summary: `${ready} of ${pods(desired)} ready` };
}

function daemonSetStatus(ds: DaemonSet): WorkloadStatus {
  if (unobserved(ds)) return WAITING_FOR_CONTROLLER;
  const s = ds.status;
  const desired = s?.desiredNumberScheduled ?? 0;
  const updated = s?.updatedNumberScheduled ?? 0;
  const available = s?.numberAvailable ?? 0;
  const misscheduled = s?.numberMisscheduled ?? 0;
  if (desired === 0) {
    return { tone: 'warning', summary: 'no node is eligible to run its pod (check nodeSelector and tolerations)' };
  }
  const rolling = (ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  if (rolling && updated < desired) {
    return { tone: 'progress', summary: `rolling out: ${updated} of ${desired} nodes updated` };
  }
  if (available < desired) {
    return { tone: 'progress', summary: `${available} of ${desired} nodes have an available pod` };
  }
  if (misscheduled > 0) {
    return { tone: 'warning', summary: `${pods(misscheduled)} on nodes that should not run it` };
  }
  return { tone: 'ok', summary: `one pod on each of ${desired} node${desired === 1 ? '' : 's'}, all available` };
}

function jobStatus(job: Job): WorkloadStatus {
  const status = jobStatusText(job);
  const completions = jobCompletionsText(job);
  const s = job.status ?? {};
  switch (status) {
    case 'Complete':
      return { tone: 'done', summary: `completed ${completions}` };
    case 'Failed': {
      const failed = condition(job, 'Failed');
      return { tone: 'error', summary: `failed: ${failed?.message || failed?.reason || 'Failed'}` };
    }
    case 'Suspended':
      return { tone: 'warning', summary: 'suspended: no pods run until spec.suspend is false' };
    case 'FailureTarget':
      return { tone: 'error', summary: 'failing: waiting for its pods to stop' };
    case 'SuccessCriteriaMet':
      return { tone: 'progress', summary: 'succeeded: waiting for its pods to stop' };
  }
  const active = s.active ?? 0;
  const failed = s.failed ?? 0;
  const running = `running: ${pods(active)} active, ${completions} completed`;
  if (failed > 0) {
    return { tone: 'warning', summary: `${running}, ${failed} failed so far (retried up to backoffLimit)` };
  }
  return { tone: 'progress', summary: running };
}

function cronJobStatus(cj: CronJob): WorkloadStatus {
  const schedule = cj.spec.schedule;
  if (cj.spec.suspend) return { tone: 'warning', summary: `suspended: no new jobs for "${schedule}"` };
  const active = cj.status?.active?.length ?? 0;
  if (active > 0) return { tone: 'progress', summary: `${active} job${active === 1 ? '' : 's'} running now` };
  if (!cj.status?.lastScheduleTime) return { tone: 'ok', summary: `waiting for its first run ("${schedule}")` };
  return { tone: 'ok', summary: `runs on schedule "${schedule}", idle now` };
}

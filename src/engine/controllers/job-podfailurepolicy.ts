/**
 * spec.podFailurePolicy, after pkg/controller/job/pod_failure_policy.go: the first
 * rule that matches a failed pod decides. FailJob fails the whole Job (with a message
 * naming the container or condition), Ignore keeps the failure out of backoffLimit,
 * Count counts it as usual. FailIndex needs backoffLimitPerIndex, which this engine
 * does not run, so such a rule is skipped like an unknown action.
 */
import type { ContainerStatus, Pod } from '../api/types';
import type { JobSpec, PodFailurePolicyRule } from '../api/workload-types';

export type PodFailurePolicyAction = PodFailurePolicyRule['action'];

export interface PolicyMatch {
  /** set when a FailJob rule matched: the Job's Failed condition message */
  failJobMessage?: string;
  /** whether the failure counts toward backoffLimit (false for Ignore) */
  countFailed: boolean;
  action?: PodFailurePolicyAction;
}

const NO_MATCH: PolicyMatch = { countFailed: true };

/** matchPodFailurePolicy */
export function matchPodFailurePolicy(policy: JobSpec['podFailurePolicy'], pod: Pod): PolicyMatch {
  if (!policy) return NO_MATCH;
  const rules = policy.rules ?? [];
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index];
    if (rule.onExitCodes) {
      const cs = matchOnExitCodes(pod, rule.onExitCodes);
      if (!cs) continue;
      const decided = decide(rule, () => {
        const code = cs.state.terminated?.exitCode;
        const ns = pod.metadata.namespace;
        return `Container ${cs.name} for pod ${ns}/${pod.metadata.name} failed with exit code ${code} matching ${rule.action} rule at index ${index}`;
      });
      if (decided) return decided;
    } else if (rule.onPodConditions) {
      const cond = matchOnPodConditions(pod, rule.onPodConditions);
      if (!cond) continue;
      const decided = decide(
        rule,
        () =>
          `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${cond} matching ${rule.action} rule at index ${index}`,
      );
      if (decided) return decided;
    }
  }
  return NO_MATCH;
}

function decide(rule: PodFailurePolicyRule, message: () => string): PolicyMatch | undefined {
  switch (rule.action) {
    case 'Ignore':
      return { countFailed: false, action: 'Ignore' };
    case 'Count':
      return { countFailed: true, action: 'Count' };
    case 'FailJob':
      return { failJobMessage: message(), countFailed: true, action: 'FailJob' };
    default:
      // FailIndex without backoffLimitPerIndex, or an action this version does not know.
      return undefined;
  }
}

/** matchOnExitCodes: app containers first, then init containers; exit code 0 never matches. */
function matchOnExitCodes(
  pod: Pod,
  req: NonNullable<PodFailurePolicyRule['onExitCodes']>,
): ContainerStatus | undefined {
  const lists = [pod.status?.containerStatuses ?? [], pod.status?.initContainerStatuses ?? []];
  for (const list of lists) {
    for (const cs of list) {
      const t = cs.state?.terminated;
      if (!t) continue;
      if (req.containerName !== undefined && req.containerName !== cs.name) continue;
      if (t.exitCode !== 0 && exitCodeMatches(t.exitCode, req)) return cs;
    }
  }
  return undefined;
}

function exitCodeMatches(code: number, req: NonNullable<PodFailurePolicyRule['onExitCodes']>): boolean {
  const values = req.values ?? [];
  if (req.operator === 'In') return values.includes(code);
  if (req.operator === 'NotIn') return !values.includes(code);
  return false;
}

/** matchOnPodConditions: the type of the first pod condition some pattern matches. */
function matchOnPodConditions(
  pod: Pod,
  patterns: NonNullable<PodFailurePolicyRule['onPodConditions']>,
): string | undefined {
  for (const c of pod.status?.conditions ?? []) {
    for (const p of patterns) if (c.type === p.type && c.status === (p.status ?? 'True')) return c.type;
  }
  return undefined;
}

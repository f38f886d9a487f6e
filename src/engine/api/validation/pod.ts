/**
 * Pod validation (pkg/apis/core/validation/validation.go): ValidatePodCreate →
 * ObjectMeta, then ValidatePodSpec in upstream's field order — volumes, containers,
 * initContainers, restartPolicy, dnsPolicy, nodeSelector, serviceAccountName,
 * nodeName, activeDeadlineSeconds, hostname, subdomain, tolerations, preemptionPolicy.
 */
import { validateContainers, validateInitContainers } from './container';
import { duplicate, type ErrorList, forbidden, invalid, isRecord, notSupported, Path, required } from './field';
import { validateObjectMeta } from './meta';
import { isDNS1123Label, isDNS1123Subdomain, isValidLabelValue, validateLabelName, validateLabels } from './names';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const PREEMPTION_POLICIES = ['Never', 'PreemptLowerPriority'];

export function validatePod(pod: Record<string, any>): ErrorList {
  const errs = validateObjectMeta(pod.metadata, true, 'subdomain', Path.root('metadata'));
  errs.push(...validatePodSpec(isRecord(pod.spec) ? pod.spec : {}, Path.root('spec')));
  return errs;
}

export function validatePodSpec(spec: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const { names: volumes, errs: volErrs } = validateVolumes(spec.volumes, path.child('volumes'));
  errs.push(...volErrs);
  const ctx = { volumes };
  errs.push(...validateContainers(spec.containers, ctx, path.child('containers')));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, ctx, path.child('initContainers')));
  errs.push(...oneOf(spec.restartPolicy, RESTART_POLICIES, path.child('restartPolicy')));
  errs.push(...oneOf(spec.dnsPolicy, DNS_POLICIES, path.child('dnsPolicy')));
  errs.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  if (spec.serviceAccountName) {
    for (const m of isDNS1123Subdomain(spec.serviceAccountName)) {
      errs.push(invalid(path.child('serviceAccountName'), spec.serviceAccountName, m));
    }
  }
  if (spec.nodeName) {
    for (const m of isDNS1123Subdomain(spec.nodeName)) errs.push(invalid(path.child('nodeName'), spec.nodeName, m));
  }
  if (spec.activeDeadlineSeconds !== undefined) {
    const v = spec.activeDeadlineSeconds;
    if (v < 1 || v > 2 ** 31 - 1) {
      errs.push(invalid(path.child('activeDeadlineSeconds'), v, `must be between 1 and ${2 ** 31 - 1}, inclusive`));
    }
  }
  for (const f of ['hostname', 'subdomain']) {
    if (spec[f]) for (const m of isDNS1123Label(spec[f])) errs.push(invalid(path.child(f), spec[f], m));
  }
  errs.push(...validateTolerations(spec.tolerations, path.child('tolerations')));
  if (spec.preemptionPolicy !== undefined && !PREEMPTION_POLICIES.includes(spec.preemptionPolicy)) {
    errs.push(notSupported(path.child('preemptionPolicy'), spec.preemptionPolicy, PREEMPTION_POLICIES));
  }
  errs.push(...validateNodeAffinity(spec.affinity?.nodeAffinity, path.child('affinity', 'nodeAffinity')));
  return errs;
}

function oneOf(value: unknown, supported: string[], path: Path): ErrorList {
  if (value === undefined || value === '') return [required(path, '')];
  return supported.includes(value as string) ? [] : [notSupported(path, value, supported)];
}

const VOLUME_SOURCES: Record<string, string | undefined> = {
  emptyDir: undefined,
  hostPath: 'path',
  configMap: 'name',
  secret: 'secretName',
  persistentVolumeClaim: 'claimName',
  projected: undefined,
  downwardAPI: undefined,
  nfs: 'server',
  csi: 'driver',
  ephemeral: undefined,
  image: undefined,
};
const HOST_PATH_TYPES = [
  '',
  'DirectoryOrCreate',
  'Directory',
  'FileOrCreate',
  'File',
  'Socket',
  'CharDevice',
  'BlockDevice',
];

/** ValidateVolumes: each volume has a DNS-label name, unique, and exactly one source. */
function validateVolumes(volumes: unknown, path: Path): { names: Set<string>; errs: ErrorList } {
  const names = new Set<string>();
  const errs: ErrorList = [];
  if (!Array.isArray(volumes)) return { names, errs };
  volumes.forEach((vol, i) => {
    const p = path.index(i);
    const v = isRecord(vol) ? vol : {};
    const sources = Object.keys(v).filter((k) => k !== 'name');
    if (sources.length === 0) errs.push(required(p, 'must specify a volume type'));
    sources.forEach((s, n) => {
      if (n > 0) {
        errs.push(forbidden(p.child(s), 'may not specify more than 1 volume type'));
        return;
      }
      const field = VOLUME_SOURCES[s];
      if (field && !(isRecord(v[s]) && v[s][field])) errs.push(required(p.child(s, field), ''));
      if (s === 'hostPath' && v[s]?.type !== undefined && !HOST_PATH_TYPES.includes(v[s].type)) {
        errs.push(notSupported(p.child(s, 'type'), v[s].type, HOST_PATH_TYPES));
      }
    });
    if (!v.name) errs.push(required(p.child('name'), ''));
    else for (const m of isDNS1123Label(v.name)) errs.push(invalid(p.child('name'), v.name, m));
    if (v.name && names.has(v.name)) errs.push(duplicate(p.child('name'), v.name));
    names.add(v.name);
  });
  return { names, errs };
}

/** ValidateTolerations, message for message. */
export function validateTolerations(tolerations: unknown, path: Path): ErrorList {
  if (!Array.isArray(tolerations)) return [];
  const errs: ErrorList = [];
  tolerations.forEach((tol, i) => {
    const p = path.index(i);
    const t = isRecord(tol) ? tol : {};
    if (t.key) errs.push(...validateLabelName(t.key, p.child('key')));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(
        invalid(
          p.child('operator'),
          t.operator ?? '',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(
        invalid(p.child('effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      );
    }
    if (t.operator === 'Equal' || !t.operator) {
      const msgs = isValidLabelValue(String(t.value ?? ''));
      if (msgs.length > 0) errs.push(invalid(p.child('operator'), t.value, msgs.join(';')));
    } else if (t.operator === 'Exists') {
      if (t.value) errs.push(invalid(p.child('operator'), t, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(p.child('operator'), t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect))
      errs.push(notSupported(p.child('effect'), t.effect, TAINT_EFFECTS));
  });
  return errs;
}

const SELECTOR_OPS = ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'];

/** validateNodeSelector / validateNodeSelectorRequirement for required node affinity. */
function validateNodeAffinity(na: unknown, path: Path): ErrorList {
  if (!isRecord(na)) return [];
  const errs: ErrorList = [];
  const req = na.requiredDuringSchedulingIgnoredDuringExecution;
  if (isRecord(req)) {
    const tp = path.child('requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
    const terms = Array.isArray(req.nodeSelectorTerms) ? req.nodeSelectorTerms : [];
    if (terms.length === 0) errs.push(required(tp, 'must have at least one node selector term'));
    terms.forEach((term: any, i: number) => {
      (Array.isArray(term?.matchExpressions) ? term.matchExpressions : []).forEach((r: any, j: number) => {
        errs.push(...validateRequirement(r, tp.index(i).child('matchExpressions').index(j)));
      });
    });
  }
  return errs;
}

function validateRequirement(r: Record<string, any>, p: Path): ErrorList {
  const errs: ErrorList = [];
  const values = Array.isArray(r?.values) ? r.values : [];
  switch (r?.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0)
        errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1)
        errs.push(required(p.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(notSupported(p.child('operator'), r?.operator ?? '', SELECTOR_OPS));
  }
  errs.push(...validateLabelName(String(r?.key ?? ''), p.child('key')));
  return errs;
}

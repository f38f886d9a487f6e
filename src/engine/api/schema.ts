/**
 * The Go types behind the kinds served today (k8s.io/api/core/v1, coordination/v1),
 * field for field, so the decoder can name a wrong type or an unknown field the way
 * the API server does. Structs we do not model in full are `open`: their fields are
 * type-checked where listed, and unknown ones pass.
 */
import type { GoType } from './decode';

const str: GoType = { t: 'string' };
const bool: GoType = { t: 'bool' };
const i32: GoType = { t: 'int32' };
const i64: GoType = { t: 'int64' };
const quantity: GoType = { t: 'quantity' };
const intOrString: GoType = { t: 'intOrString' };
const any: GoType = { t: 'any' };
const strings: GoType = { t: 'list', of: str };
const stringMap: GoType = { t: 'map', of: str, go: 'map[string]string' };
const resourceList: GoType = { t: 'map', of: quantity, go: 'v1.ResourceList' };
const list = (of: GoType): GoType => ({ t: 'list', of });
const struct = (go: string, fields: () => Record<string, GoType>): GoType => ({ t: 'struct', go, fields });
const open = (go: string, fields: () => Record<string, GoType> = () => ({})): GoType => ({
  t: 'struct',
  go,
  fields,
  open: true,
});

const ownerReference = struct('v1.OwnerReference', () => ({
  apiVersion: str,
  kind: str,
  name: str,
  uid: str,
  controller: bool,
  blockOwnerDeletion: bool,
}));

export const objectMeta = struct('v1.ObjectMeta', () => ({
  name: str,
  generateName: str,
  namespace: str,
  selfLink: str,
  uid: str,
  resourceVersion: str,
  generation: i64,
  creationTimestamp: any,
  deletionTimestamp: any,
  deletionGracePeriodSeconds: i64,
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: list(ownerReference),
  finalizers: strings,
  managedFields: list(open('v1.ManagedFieldsEntry')),
}));

const execAction = struct('v1.ExecAction', () => ({ command: strings }));
const httpGet = struct('v1.HTTPGetAction', () => ({
  path: str,
  port: intOrString,
  host: str,
  scheme: str,
  httpHeaders: list(struct('v1.HTTPHeader', () => ({ name: str, value: str }))),
}));
const tcpSocket = struct('v1.TCPSocketAction', () => ({ port: intOrString, host: str }));
const grpc = struct('v1.GRPCAction', () => ({ port: i32, service: str }));

const probe = struct('v1.Probe', () => ({
  exec: execAction,
  httpGet,
  tcpSocket,
  grpc,
  initialDelaySeconds: i32,
  timeoutSeconds: i32,
  periodSeconds: i32,
  successThreshold: i32,
  failureThreshold: i32,
  terminationGracePeriodSeconds: i64,
}));

const lifecycleHandler = struct('v1.LifecycleHandler', () => ({
  exec: execAction,
  httpGet,
  tcpSocket,
  sleep: struct('v1.SleepAction', () => ({ seconds: i64 })),
}));

const containerPort = struct('v1.ContainerPort', () => ({
  name: str,
  hostPort: i32,
  containerPort: i32,
  protocol: str,
  hostIP: str,
}));

const envVar = struct('v1.EnvVar', () => ({
  name: str,
  value: str,
  valueFrom: open('v1.EnvVarSource'),
}));

const container = struct('v1.Container', () => ({
  name: str,
  image: str,
  command: strings,
  args: strings,
  workingDir: str,
  ports: list(containerPort),
  envFrom: list(open('v1.EnvFromSource', () => ({ prefix: str }))),
  env: list(envVar),
  resources: struct('v1.ResourceRequirements', () => ({
    limits: resourceList,
    requests: resourceList,
    claims: list(open('v1.ResourceClaim', () => ({ name: str, request: str }))),
  })),
  resizePolicy: list(open('v1.ContainerResizePolicy', () => ({ resourceName: str, restartPolicy: str }))),
  restartPolicy: str,
  restartPolicyRules: list(open('v1.ContainerRestartRule')),
  volumeMounts: list(
    struct('v1.VolumeMount', () => ({
      name: str,
      readOnly: bool,
      recursiveReadOnly: str,
      mountPath: str,
      subPath: str,
      mountPropagation: str,
      subPathExpr: str,
    })),
  ),
  volumeDevices: list(open('v1.VolumeDevice', () => ({ name: str, devicePath: str }))),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: struct('v1.Lifecycle', () => ({
    postStart: lifecycleHandler,
    preStop: lifecycleHandler,
    stopSignal: str,
  })),
  terminationMessagePath: str,
  terminationMessagePolicy: str,
  imagePullPolicy: str,
  securityContext: open('v1.SecurityContext', () => ({
    privileged: bool,
    runAsUser: i64,
    runAsGroup: i64,
    runAsNonRoot: bool,
    readOnlyRootFilesystem: bool,
    allowPrivilegeEscalation: bool,
  })),
  stdin: bool,
  stdinOnce: bool,
  tty: bool,
}));

const toleration = struct('v1.Toleration', () => ({
  key: str,
  operator: str,
  value: str,
  effect: str,
  tolerationSeconds: i64,
}));

const volume = open('v1.Volume', () => ({
  name: str,
  emptyDir: open('v1.EmptyDirVolumeSource', () => ({ medium: str, sizeLimit: quantity })),
  hostPath: open('v1.HostPathVolumeSource', () => ({ path: str, type: str })),
  configMap: open('v1.ConfigMapVolumeSource', () => ({ name: str, optional: bool, defaultMode: i32 })),
  secret: open('v1.SecretVolumeSource', () => ({ secretName: str, optional: bool, defaultMode: i32 })),
  persistentVolumeClaim: open('v1.PersistentVolumeClaimVolumeSource', () => ({ claimName: str, readOnly: bool })),
}));

export const podSpec = struct('v1.PodSpec', () => ({
  volumes: list(volume),
  initContainers: list(container),
  containers: list(container),
  ephemeralContainers: list(open('v1.EphemeralContainer')),
  restartPolicy: str,
  terminationGracePeriodSeconds: i64,
  activeDeadlineSeconds: i64,
  dnsPolicy: str,
  nodeSelector: stringMap,
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  nodeName: str,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  shareProcessNamespace: bool,
  securityContext: open('v1.PodSecurityContext', () => ({ runAsUser: i64, runAsGroup: i64, fsGroup: i64 })),
  imagePullSecrets: list(struct('v1.LocalObjectReference', () => ({ name: str }))),
  hostname: str,
  subdomain: str,
  affinity: open('v1.Affinity'),
  schedulerName: str,
  tolerations: list(toleration),
  hostAliases: list(struct('v1.HostAlias', () => ({ ip: str, hostnames: strings }))),
  priorityClassName: str,
  priority: i32,
  dnsConfig: open('v1.PodDNSConfig'),
  readinessGates: list(struct('v1.PodReadinessGate', () => ({ conditionType: str }))),
  runtimeClassName: str,
  enableServiceLinks: bool,
  preemptionPolicy: str,
  overhead: resourceList,
  topologySpreadConstraints: list(open('v1.TopologySpreadConstraint', () => ({ maxSkew: i32 }))),
  setHostnameAsFQDN: bool,
  os: struct('v1.PodOS', () => ({ name: str })),
  hostUsers: bool,
  schedulingGates: list(struct('v1.PodSchedulingGate', () => ({ name: str }))),
  resourceClaims: list(open('v1.PodResourceClaim')),
  resources: open('v1.ResourceRequirements', () => ({ limits: resourceList, requests: resourceList })),
  hostnameOverride: str,
}));

/** spec.template of the workload kinds. */
export const podTemplateSpec = struct('v1.PodTemplateSpec', () => ({ metadata: objectMeta, spec: podSpec }));

/** A top-level object: apiVersion, kind, metadata, then the kind's own fields. */
export function topLevel(go: string, fields: () => Record<string, GoType>): GoType {
  return struct(go, () => ({ apiVersion: str, kind: str, metadata: objectMeta, ...fields() }));
}

const SCHEMAS = new Map<string, GoType>([
  ['Pod', topLevel('v1.Pod', () => ({ spec: podSpec, status: open('v1.PodStatus') }))],
  [
    'Namespace',
    topLevel('v1.Namespace', () => ({
      spec: struct('v1.NamespaceSpec', () => ({ finalizers: strings })),
      status: open('v1.NamespaceStatus'),
    })),
  ],
  [
    'Node',
    topLevel('v1.Node', () => ({
      spec: struct('v1.NodeSpec', () => ({
        podCIDR: str,
        podCIDRs: strings,
        providerID: str,
        unschedulable: bool,
        taints: list(struct('v1.Taint', () => ({ key: str, value: str, effect: str, timeAdded: any }))),
        configSource: open('v1.NodeConfigSource'),
        externalID: str,
      })),
      status: open('v1.NodeStatus'),
    })),
  ],
  ['Event', open('v1.Event', () => ({ metadata: objectMeta, count: i32, message: str, reason: str, type: str }))],
  [
    'Lease',
    topLevel('v1.Lease', () => ({
      spec: struct('v1.LeaseSpec', () => ({
        holderIdentity: str,
        leaseDurationSeconds: i32,
        acquireTime: any,
        renewTime: any,
        leaseTransitions: i32,
        strategy: str,
        preferredHolder: str,
      })),
    })),
  ],
]);

/** The Go type of a kind, if we model it (kinds without one skip decode checks). */
export function schemaFor(kind: string): GoType | undefined {
  return SCHEMAS.get(kind);
}

/** Lets a kind added later bring its Go type. */
export function registerSchema(kind: string, type: GoType): void {
  SCHEMAS.set(kind, type);
}

export const goTypes = {
  str,
  bool,
  i32,
  i64,
  quantity,
  intOrString,
  any,
  strings,
  stringMap,
  resourceList,
  list,
  struct,
  open,
};

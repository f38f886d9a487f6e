// kubectl describe pod / node in kubectl's layout (kubectl pkg/describe/describe.go:
// describePod, describeContainers, DescribeEvents, describeNode, describeNodeResource).
// Alignment is Go's tabwriter: a column runs across every consecutive line with a tab,
// which is why the volume fields line up with "QoS Class:" as they do in real output.
import { expect, describe as group, it } from 'vitest';
import { at, kubectl, makePod, quietCluster, running, ts } from './testutil';

function podCluster() {
  const c = quietCluster(1);
  const pod = makePod(c, 'web', {
    labels: { app: 'web', tier: 'frontend' },
    spec: {
      nodeName: 'node-1',
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80 }],
          resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
          livenessProbe: { httpGet: { path: '/healthz', port: 80 }, initialDelaySeconds: 3, periodSeconds: 3 },
          env: [{ name: 'MODE', value: 'prod' }],
          volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
        },
      ],
      volumes: [{ name: 'cache', emptyDir: {} }],
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: ts(0),
      conditions: [
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'True' },
        { type: 'PodScheduled', status: 'True' },
      ],
      containerStatuses: [
        running('nginx', {
          restartCount: 1,
          lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: ts(1000), finishedAt: ts(4000) } },
        }),
      ],
    },
  });
  c.core.events.normal(
    { component: 'default-scheduler' },
    pod,
    'Scheduled',
    'Successfully assigned default/web to node-1',
  );
  at(c, 2000);
  c.core.events.normal(
    { component: 'kubelet', host: 'node-1' },
    pod,
    'Pulled',
    'Container image "nginx:1.27" already present on machine',
  );
  at(c, 4000);
  c.core.events.normal(
    { component: 'kubelet', host: 'node-1' },
    pod,
    'Pulled',
    'Container image "nginx:1.27" already present on machine',
  );
  at(c, 65000);
  return c;
}

const POD_GOLDEN = `Name:             web
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-1/172.18.0.3
Start Time:       Thu, 01 Jan 2026 09:00:00 +0000
Labels:           app=web
                  tier=frontend
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:  10.244.1.5
Containers:
  nginx:
    Container ID:   containerd://nginx
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:0000
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 09:00:05 +0000
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      Thu, 01 Jan 2026 09:00:01 +0000
      Finished:     Thu, 01 Jan 2026 09:00:04 +0000
    Ready:          True
    Restart Count:  1
    Limits:
      cpu:     500m
      memory:  128Mi
    Requests:
      cpu:     250m
      memory:  64Mi
    Liveness:  http-get http://:80/healthz delay=3s timeout=1s period=3s #success=1 #failure=3
    Environment:
      MODE:  prod
    Mounts:
      /cache from cache (rw)
Conditions:
  Type           Status
  Initialized    True 
  Ready          True 
  PodScheduled   True 
Volumes:
  cache:
    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:      
    SizeLimit:   <unset>
QoS Class:       Burstable
Node-Selectors:  <none>
Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age                From               Message
  ----    ------     ----               ----               -------
  Normal  Scheduled  65s                default-scheduler  Successfully assigned default/web to node-1
  Normal  Pulled     61s (x2 over 63s)  kubelet            Container image "nginx:1.27" already present on machine
`;

group('kubectl describe pod', () => {
  it('prints the fields, containers, conditions, volumes and events like kubectl', () => {
    const r = kubectl(podCluster(), 'describe pod web');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(POD_GOLDEN);
  });

  it('a pending pod: Node <none>, Waiting state, no IPs, Events <none>', () => {
    const c = quietCluster(1);
    makePod(c, 'p', {
      status: {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'app',
            state: { waiting: { reason: 'ContainerCreating' } },
            lastState: {},
            ready: false,
            restartCount: 0,
            image: 'nginx:1.27',
            imageID: '',
          },
        ],
      },
    });
    const out = kubectl(c, 'describe pods p').stdout;
    expect(out).toContain('\nNode:             <none>\n');
    expect(out).toContain('\n    State:          Waiting\n      Reason:       ContainerCreating\n');
    expect(out).toContain('\nIPs:              <none>\n');
    expect(out).toMatch(/\nTolerations: {8}node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s\n/);
    expect(out).toMatch(/\nEvents: {13}<none>\n$/);
  });

  it('a terminating pod says how long it lasts', () => {
    const c = quietCluster(1);
    makePod(c, 'p', { spec: { nodeName: 'node-1' }, status: { phase: 'Running' } });
    c.delete('Pod', 'p');
    expect(kubectl(c, 'describe pod p').stdout).toContain(
      '\nStatus:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n',
    );
  });

  it('matches a name prefix, separates several pods, reports NotFound', () => {
    const c = quietCluster(1);
    makePod(c, 'web-1');
    makePod(c, 'web-2');
    const out = kubectl(c, 'describe pod web').stdout;
    expect(out.match(/^Name: {13}web-\d$/gm)).toEqual(['Name:             web-1', 'Name:             web-2']);
    expect(out).toContain('<none>\n\n\nName:');
    expect(kubectl(c, 'describe pod nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });
});

group('kubectl describe pod: init containers, owner, downward API', () => {
  it('lists init containers first and resolves fieldRef / resourceFieldRef env values', () => {
    const c = quietCluster(1);
    const p = makePod(c, 'job-x', {
      spec: {
        nodeName: 'node-1',
        initContainers: [{ name: 'setup', image: 'busybox', command: ['sh', '-c', 'echo ready'] }],
        containers: [
          {
            name: 'app',
            image: 'busybox',
            resources: { limits: { cpu: '500m' } },
            env: [
              { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
              { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
              { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
              { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } },
            ],
          },
        ],
      },
      status: { phase: 'Pending' },
    });
    c.core.api.replace({
      ...p,
      metadata: {
        ...p.metadata,
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'job', uid: 'j', controller: true }],
      },
    });
    const out = kubectl(c, 'describe pod job-x').stdout;
    expect(out).toContain('\nControlled By:    Job/job\nInit Containers:\n  setup:\n    Image:      busybox\n');
    expect(out).toContain('    Command:\n      sh\n      -c\n      echo ready\n');
    expect(out).toMatch(/\n {6}POD_NAME: +job-x \(v1:metadata\.name\)\n {6}NODE: +node-1 \(v1:spec\.nodeName\)\n/);
    expect(out).toMatch(/\n {6}CPU: +1 \(limits\.cpu\)\n {6}MEM: +node allocatable \(limits\.memory\)\n/);
  });
});

group('kubectl describe node', () => {
  it('prints roles, taints, lease, conditions, capacity, pods and allocated resources', () => {
    const c = quietCluster(1);
    makePod(c, 'web', {
      spec: {
        nodeName: 'node-1',
        containers: [
          {
            name: 'app',
            image: 'nginx',
            resources: { requests: { cpu: '500m', memory: '256Mi' }, limits: { memory: '512Mi' } },
          },
        ],
      },
      status: { phase: 'Running' },
    });
    at(c, 120000);
    const out = kubectl(c, 'describe node node-1').stdout;
    const lines = out.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Name:               node-1', 'Roles:              <none>']);
    expect(out).toContain(
      '\nTaints:             <none>\nUnschedulable:      false\nLease:\n  HolderIdentity:  node-1\n  AcquireTime:     <unset>\n',
    );
    expect(out).toContain(
      '\nConditions:\n  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message\n  ----             ------  -----------------                 ------------------                ------                       -------\n  MemoryPressure   False   ',
    );
    expect(out).toMatch(/\nAddresses:\n {2}InternalIP: {2}172\.18\.0\.3\n {2}Hostname: {4}node-1\n/);
    expect(out).toContain('\nSystem Info:\n  Machine ID:');
    expect(out).toMatch(/\n {2}default {21}web +500m \(25%\) {4}0 \(0%\) {6}256Mi \(6%\) {7}512Mi \(12%\) {4}2m\n/);
    expect(out).toContain(
      'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n  Resource           Requests',
    );
    expect(out).toMatch(/\n {2}cpu {16}\d+m \(\d+%\)/);
  });

  it('a control-plane node shows its role and taint', () => {
    const out = kubectl(quietCluster(1), 'describe node control-plane').stdout;
    expect(out).toContain('Roles:              control-plane\n');
    expect(out).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n');
  });
});

group('kubectl describe other kinds', () => {
  it('a namespace', () => {
    expect(kubectl(quietCluster(1), 'describe ns default').stdout).toBe(
      'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n',
    );
  });

  it('a lease through the generic describer', () => {
    const out = kubectl(quietCluster(1), 'describe lease node-1 -n kube-node-lease').stdout;
    expect(out.split('\n').slice(0, 6)).toEqual([
      'Name:         node-1',
      'Namespace:    kube-node-lease',
      'Labels:       <none>',
      'Annotations:  <none>',
      'API Version:  coordination.k8s.io/v1',
      'Kind:         Lease',
    ]);
    expect(out).toMatch(/\nSpec:\n {2}Holder Identity: +node-1\n/);
  });

  it('without a type', () => {
    expect(kubectl(quietCluster(1), 'describe').stderr).toContain('error: Required resource not specified.');
  });
});

group('smartLabelFor', () => {
  it('splits camel case and keeps the common acronyms upper case', async () => {
    const { smartLabel } = await import('./describe');
    expect(['holderIdentity', 'apiVersion', 'uid', 'podCIDR', 'HTTPServer', 'v1beta1', 'x-y'].map(smartLabel)).toEqual([
      'Holder Identity',
      'API Version',
      'UID',
      'Pod CIDR',
      'HTTP Server',
      'v1beta1',
      'X - Y',
    ]);
  });
});

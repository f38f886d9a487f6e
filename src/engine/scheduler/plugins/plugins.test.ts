// Filter and score plugins on their own, each case naming the upstream behaviour
// (pkg/scheduler/framework/plugins/...) it mirrors.
import { describe, expect, it } from 'vitest';
import { addPod, contributionOf, nodeInfoFrom } from '../nodeinfo';
import { podSchedInfo } from '../podinfo';
import { testNode, testPod } from '../testutil';
import { imageLocalityPriority, imageLocalityScore, MIN_THRESHOLD, normalizedImageName } from './imagelocality';
import {
  matchesRequired,
  nodeAffinityFilter,
  nodeAffinityScore,
  podNodeAffinity,
  preFilterNodeNames,
  requirementMatches,
} from './nodeaffinity';
import { nodeNameFilter } from './nodename';
import { nodePortsFilter } from './nodeports';
import {
  balancedAllocationScore,
  balancedResourceScore,
  nodeResourcesFitFilter,
  nodeResourcesFitScore,
} from './noderesources';
import { nodeUnschedulableFilter } from './nodeunschedulable';
import { taintTolerationFilter, taintTolerationScore, toleratesTaint } from './tainttoleration';

const GI = 1024 ** 3;
const MI = 1024 ** 2;

describe('NodeResourcesFit Filter (fit.go fitsRequest)', () => {
  it('Insufficient cpu on a full node is Unschedulable (preemption may help)', () => {
    const ni = nodeInfoFrom(testNode('n', { cpu: '2' }), [
      testPod('a', { containers: [{ name: 'c', resources: { requests: { cpu: '1500m' } } }] }, 'n'),
    ]);
    const s = nodeResourcesFitFilter(
      podSchedInfo(testPod('p', { containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }] })).request,
      ni,
    );
    expect(s).toEqual({ plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu'] });
  });
  it('a request above allocatable is UnschedulableAndUnresolvable (Unresolvable: request > allocatable)', () => {
    const ni = nodeInfoFrom(testNode('n', { cpu: '2' }));
    const s = nodeResourcesFitFilter({ cpu: 3000, memory: 0, ephemeral: 0 }, ni);
    expect(s?.code).toBe('UnschedulableAndUnresolvable');
  });
  it('Too many pods comes first and counts even for a pod with no requests', () => {
    const ni = nodeInfoFrom(testNode('n', { pods: '1' }), [testPod('a', {}, 'n')]);
    expect(nodeResourcesFitFilter({ cpu: 0, memory: 0, ephemeral: 0 }, ni)?.reasons).toEqual(['Too many pods']);
    expect(nodeResourcesFitFilter({ cpu: 99_000, memory: 0, ephemeral: 0 }, ni)?.reasons).toEqual([
      'Too many pods',
      'Insufficient cpu',
    ]);
  });
  it('extended resources are checked by name (Insufficient example.com/gpu)', () => {
    const ni = nodeInfoFrom(testNode('n'));
    expect(
      nodeResourcesFitFilter({ cpu: 0, memory: 0, ephemeral: 0, scalar: { 'example.com/gpu': 1 } }, ni)?.reasons,
    ).toEqual(['Insufficient example.com/gpu']);
  });
  it('pods that finished (Succeeded/Failed) no longer hold resources on the node', () => {
    const done = testPod('a', { containers: [{ name: 'c', resources: { requests: { cpu: '2' } } }] }, 'n');
    done.status.phase = 'Succeeded';
    const ni = nodeInfoFrom(testNode('n'), [done]);
    expect(ni.requested.cpu).toBe(0);
    expect(ni.podCount).toBe(0);
  });
});

describe('pod requests (component-helpers resource.PodRequests)', () => {
  it('init containers: the max of (sum of app containers, largest init container)', () => {
    const pod = testPod('p', {
      initContainers: [{ name: 'i', resources: { requests: { cpu: '1500m', memory: '64Mi' } } }],
      containers: [
        { name: 'a', resources: { requests: { cpu: '500m', memory: '128Mi' } } },
        { name: 'b', resources: { requests: { cpu: '200m', memory: '128Mi' } } },
      ],
    });
    const r = podSchedInfo(pod).request;
    expect(r.cpu).toBe(1500);
    expect(r.memory).toBe(256 * MI);
  });
  it('sidecars (restartPolicy Always init containers) add to the app containers', () => {
    const pod = testPod('p', {
      initContainers: [{ name: 's', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } }],
      containers: [{ name: 'a', resources: { requests: { cpu: '500m' } } }],
    });
    expect(podSchedInfo(pod).request.cpu).toBe(600);
  });
  it('pod overhead is added on top', () => {
    const pod = testPod('p', {
      overhead: { cpu: '250m', memory: '120Mi' },
      containers: [{ name: 'a', resources: { requests: { cpu: '500m' } } }],
    });
    expect(podSchedInfo(pod).request).toMatchObject({ cpu: 750, memory: 120 * MI });
  });
  it('scoring counts a container without requests as 100m / 200Mi (DefaultMilliCPURequest, DefaultMemoryRequest)', () => {
    const info = podSchedInfo(testPod('p'));
    expect(info.request).toMatchObject({ cpu: 0, memory: 0 });
    expect([info.nonZeroCpu, info.nonZeroMemory]).toEqual([100, 200 * MI]);
  });
});

describe('NodeResourcesFit Score LeastAllocated and BalancedAllocation', () => {
  it('LeastAllocated on an empty 2-CPU/4Gi node for a 500m/1Gi pod: (75 + 75) / 2', () => {
    const ni = nodeInfoFrom(testNode('n'));
    expect(nodeResourcesFitScore(500, GI, ni)).toBe(75);
  });
  it('BalancedAllocation: 100 × (1 − |cpu fraction − memory fraction| / 2)', () => {
    const ni = nodeInfoFrom(testNode('n'));
    // cpu 1000/2000 = 0.5, memory 1Gi/4Gi = 0.25 → std 0.125 → 87
    expect(balancedAllocationScore(1000, GI, ni)).toBe(87);
    expect(balancedResourceScore([1000, GI], [2000, 4 * GI])).toBe(87);
  });
  it('BalancedAllocation caps fractions at 1', () => {
    expect(balancedResourceScore([3000, 4 * GI], [2000, 4 * GI])).toBe(100);
  });
});

describe('NodeName', () => {
  it('rejects other nodes with "node(s) didn\'t match the requested node name"', () => {
    const ni = nodeInfoFrom(testNode('a'));
    expect(nodeNameFilter('b', ni)?.reasons).toEqual(["node(s) didn't match the requested node name"]);
    expect(nodeNameFilter('a', ni)).toBeUndefined();
    expect(nodeNameFilter(undefined, ni)).toBeUndefined();
  });
});

describe('NodeUnschedulable', () => {
  const cordoned = nodeInfoFrom(testNode('a', { unschedulable: true }));
  it('a cordoned node: "node(s) were unschedulable", UnschedulableAndUnresolvable', () => {
    expect(nodeUnschedulableFilter([], cordoned)).toEqual({
      plugin: 'NodeUnschedulable',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) were unschedulable'],
    });
  });
  it('tolerating node.kubernetes.io/unschedulable:NoSchedule lets the pod in (as DaemonSet pods do)', () => {
    expect(
      nodeUnschedulableFilter(
        [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
        cordoned,
      ),
    ).toBeUndefined();
    expect(nodeUnschedulableFilter([{ operator: 'Exists' }], cordoned)).toBeUndefined();
  });
});

describe('TaintToleration', () => {
  const taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' as const };
  it('ToleratesTaint: Equal needs key and value, Exists only the key, empty key + Exists matches all', () => {
    expect(toleratesTaint({ key: 'dedicated', operator: 'Equal', value: 'gpu' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', value: 'cpu' }, taint)).toBe(false);
    expect(toleratesTaint({ key: 'dedicated', operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, taint)).toBe(false);
  });
  it('NoExecute taints are filtered like NoSchedule; the first untolerated one is named', () => {
    const ni = nodeInfoFrom(
      testNode('a', {
        taints: [
          { key: 'a', value: '1', effect: 'NoExecute' },
          { key: 'b', effect: 'NoSchedule' },
        ],
      }),
    );
    expect(taintTolerationFilter([], ni)?.reasons).toEqual(['node(s) had untolerated taint {a: 1}']);
    expect(taintTolerationFilter([{ key: 'a', operator: 'Exists' }], ni)?.reasons).toEqual([
      'node(s) had untolerated taint {b: }',
    ]);
  });
  it('PreferNoSchedule never filters; the score counts the untolerated ones', () => {
    const ni = nodeInfoFrom(
      testNode('a', {
        taints: [
          { key: 'x', effect: 'PreferNoSchedule' },
          { key: 'y', effect: 'PreferNoSchedule' },
        ],
      }),
    );
    expect(taintTolerationFilter([], ni)).toBeUndefined();
    expect(taintTolerationScore([], ni)).toBe(2);
    expect(taintTolerationScore([{ key: 'x', operator: 'Exists' }], ni)).toBe(1);
  });
});

describe('NodeAffinity (component-helpers nodeaffinity)', () => {
  const labels = { zone: 'a', gen: '5', disktype: 'ssd' };
  const req = (operator: string, key: string, values?: string[]) =>
    requirementMatches({ key, operator, values }, labels);
  it('In / NotIn / Exists / DoesNotExist / Gt / Lt', () => {
    expect(req('In', 'zone', ['a', 'b'])).toBe(true);
    expect(req('In', 'zone', ['b'])).toBe(false);
    expect(req('NotIn', 'zone', ['b'])).toBe(true);
    expect(req('NotIn', 'missing', ['b'])).toBe(true);
    expect(req('Exists', 'disktype')).toBe(true);
    expect(req('DoesNotExist', 'disktype')).toBe(false);
    expect(req('DoesNotExist', 'gpu')).toBe(true);
    expect(req('Gt', 'gen', ['4'])).toBe(true);
    expect(req('Gt', 'gen', ['5'])).toBe(false);
    expect(req('Lt', 'gen', ['6'])).toBe(true);
    expect(req('Lt', 'zone', ['6'])).toBe(false);
  });
  it('nodeSelector AND required terms; terms are ORed, expressions inside a term ANDed', () => {
    const a = podNodeAffinity({
      nodeSelector: { disktype: 'ssd' },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] },
              {
                matchExpressions: [
                  { key: 'zone', operator: 'In', values: ['a'] },
                  { key: 'gen', operator: 'Gt', values: ['3'] },
                ],
              },
            ],
          },
        },
      },
    });
    expect(matchesRequired(a, labels, 'n1')).toBe(true);
    expect(matchesRequired(a, { ...labels, disktype: 'hdd' }, 'n1')).toBe(false);
    expect(matchesRequired(a, { ...labels, gen: '2' }, 'n1')).toBe(false);
  });
  it('matchFields metadata.name pins the node, and PreFilter narrows the nodes to it', () => {
    const terms = [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }];
    const a = podNodeAffinity({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
    });
    expect(nodeAffinityFilter(a, nodeInfoFrom(testNode('node-2')))).toBeUndefined();
    expect(nodeAffinityFilter(a, nodeInfoFrom(testNode('node-1')))?.reasons).toEqual([
      "node(s) didn't match Pod's node affinity/selector",
    ]);
    expect(preFilterNodeNames(terms)).toEqual(new Set(['node-2']));
    // Terms without a name field allow every node (terms are ORed).
    expect(preFilterNodeNames([...terms, { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }])).toBeUndefined();
    // ANDed names that do not intersect: "pod affinity terms conflict".
    expect(
      preFilterNodeNames([
        {
          matchFields: [
            { key: 'metadata.name', operator: 'In', values: ['a'] },
            { key: 'metadata.name', operator: 'In', values: ['b'] },
          ],
        },
      ]),
    ).toBe('conflict');
  });
  it('preferred terms score the sum of matching weights; weight 0 is ignored', () => {
    const a = podNodeAffinity({
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
            { weight: 50, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } },
            { weight: 0, preference: { matchExpressions: [{ key: 'gen', operator: 'Exists' }] } },
          ],
        },
      },
    });
    expect(nodeAffinityScore(a, nodeInfoFrom(testNode('n', { labels })))).toBe(51);
    expect(nodeAffinityScore(a, nodeInfoFrom(testNode('n', { labels: { zone: 'a' } })))).toBe(1);
  });
});

describe('NodePorts (HostPortInfo.CheckConflict)', () => {
  const withPort = (hostPort: number, hostIP?: string, protocol?: string) =>
    testPod('a', { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort, hostIP, protocol }] }] }, 'n');
  it('the same protocol/port on 0.0.0.0 conflicts with any IP, and a specific IP with itself', () => {
    const ni = nodeInfoFrom(testNode('n'), [withPort(8080)]);
    expect(nodePortsFilter([{ protocol: 'TCP', ip: '0.0.0.0', port: 8080 }], ni.usedPorts)?.reasons).toEqual([
      "node(s) didn't have free ports for the requested pod ports",
    ]);
    expect(nodePortsFilter([{ protocol: 'TCP', ip: '10.0.0.1', port: 8080 }], ni.usedPorts)).toBeDefined();
    expect(nodePortsFilter([{ protocol: 'UDP', ip: '0.0.0.0', port: 8080 }], ni.usedPorts)).toBeUndefined();
    expect(nodePortsFilter([{ protocol: 'TCP', ip: '0.0.0.0', port: 8081 }], ni.usedPorts)).toBeUndefined();
  });
  it('two specific IPs do not conflict', () => {
    const ni = nodeInfoFrom(testNode('n'), [withPort(8080, '10.0.0.1')]);
    expect(nodePortsFilter([{ protocol: 'TCP', ip: '10.0.0.2', port: 8080 }], ni.usedPorts)).toBeUndefined();
    expect(nodePortsFilter([{ protocol: 'TCP', ip: '10.0.0.1', port: 8080 }], ni.usedPorts)).toBeDefined();
  });
  it('removing the pod frees the port', () => {
    const ni = nodeInfoFrom(testNode('n'));
    const c = contributionOf(withPort(8080))!;
    addPod(ni, c);
    expect(ni.usedPorts.size).toBe(1);
  });
});

describe('ImageLocality', () => {
  it('normalizedImageName adds :latest only when there is no tag', () => {
    expect(normalizedImageName('nginx')).toBe('nginx:latest');
    expect(normalizedImageName('nginx:1.27')).toBe('nginx:1.27');
    expect(normalizedImageName('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });
  it('below the 23MB threshold an image scores 0; spread scales the size', () => {
    expect(imageLocalityPriority(MIN_THRESHOLD - 1, 1)).toBe(0);
    const node = testNode('n', { images: [{ names: ['big:1'], sizeBytes: 500 * MI }] });
    const ni = nodeInfoFrom(node);
    // 500MB held by 1 of 2 nodes → 250MB: 100 × (250 − 23) / (1000 − 23) = 23
    expect(imageLocalityScore(['big:1'], ni, () => 1, 2)).toBe(23);
    expect(imageLocalityScore(['other:1'], ni, () => 1, 2)).toBe(0);
  });
});

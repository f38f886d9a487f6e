// mirrors pkg/controller/endpointslice (endpointslice_controller_test.go, utils_test.go podToEndpoint)
// and the reconciler's slice layout (staging/src/k8s.io/endpointslice/reconciler_test.go).
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../api/network-types';
import type { KubeObject, Pod } from '../api/types';
import { testCluster } from '../testing';
import { fakePod, webService } from './endpoint-testing';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME, MANAGED_BY, podToEndpoint } from './endpointslice';

type T = ReturnType<typeof testCluster>;

function slices(t: T, name = 'web'): EndpointSlice[] {
  return t
    .list<EndpointSlice>('EndpointSlice', 'default')
    .filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === name);
}

describe('EndpointSlice controller', () => {
  it('creates one slice named <svc>-xxxxx, labelled, owned by the Service, listing ready pods', () => {
    const t = testCluster();
    fakePod(t, 'a', { ip: '10.244.1.5' });
    fakePod(t, 'b', { ip: '10.244.2.3' });
    webService(t);
    const [s, ...rest] = slices(t);
    expect(rest).toEqual([]);
    expect(s.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(s.metadata.labels).toEqual({
      tier: 'front',
      [LABEL_SERVICE_NAME]: 'web',
      [LABEL_MANAGED_BY]: MANAGED_BY,
    });
    const svc = t.get<Service>('service', 'web') as Service;
    expect(s.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'web',
        uid: svc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(s.endpoints).toEqual([
      {
        addresses: ['10.244.1.5'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'ghost',
        targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' },
      },
      {
        addresses: ['10.244.2.3'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'ghost',
        targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' },
      },
    ]);
  });

  it('follows pods: a new pod is added, a pod without an IP or finished is left out, a deleted one removed', () => {
    const t = testCluster();
    webService(t);
    expect(slices(t)[0].endpoints).toEqual([]);
    expect(slices(t)[0].ports).toEqual([]);
    fakePod(t, 'a', { ip: '10.244.1.5' });
    fakePod(t, 'noip');
    fakePod(t, 'done', { ip: '10.244.1.9', phase: 'Succeeded' });
    fakePod(t, 'other', { ip: '10.244.1.7', labels: { app: 'db' } });
    expect(slices(t)[0].endpoints?.map((e) => e.addresses[0])).toEqual(['10.244.1.5']);
    t.core.store.remove('Pod', 'default', 'a');
    t.core.settle();
    expect(slices(t)[0].endpoints).toEqual([]);
  });

  it('not-ready pods are listed with ready false; terminating pods ready false, terminating true, serving per readiness', () => {
    const t = testCluster();
    fakePod(t, 'slow', { ip: '10.244.1.5', ready: false });
    fakePod(t, 'leaving', { ip: '10.244.1.6', terminating: true });
    fakePod(t, 'leaving-unready', { ip: '10.244.1.7', terminating: true, ready: false });
    webService(t);
    const conds = Object.fromEntries((slices(t)[0].endpoints ?? []).map((e) => [e.targetRef?.name, e.conditions]));
    expect(conds).toEqual({
      slow: { ready: false, serving: false, terminating: false },
      leaving: { ready: false, serving: true, terminating: true },
      'leaving-unready': { ready: false, serving: false, terminating: true },
    });
  });

  it('publishNotReadyAddresses makes every endpoint ready and serving', () => {
    const svc = { metadata: { name: 'web' }, spec: { publishNotReadyAddresses: true } } as unknown as Service;
    const pod = {
      metadata: { name: 'p', namespace: 'default', uid: 'u', deletionTimestamp: 'x' },
      spec: {},
      status: { podIP: '10.0.0.1', conditions: [{ type: 'Ready', status: 'False' }] },
    } as unknown as Pod;
    expect(podToEndpoint(pod, svc).conditions).toEqual({ ready: true, serving: true, terminating: true });
  });

  it('resolves a named targetPort per pod; pods that resolve differently get separate slices', () => {
    const t = testCluster();
    fakePod(t, 'a', { ip: '10.244.1.5', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] });
    fakePod(t, 'b', { ip: '10.244.1.6', ports: [{ name: 'http', containerPort: 9090, protocol: 'TCP' }] });
    fakePod(t, 'c', { ip: '10.244.1.7' });
    webService(t, { ports: [{ name: 'web', port: 80, targetPort: 'http' }] });
    const byPort = Object.fromEntries(
      slices(t).map((s) => [JSON.stringify(s.ports), (s.endpoints ?? []).map((e) => e.targetRef?.name)]),
    );
    expect(byPort).toEqual({
      [JSON.stringify([{ name: 'web', port: 8080, protocol: 'TCP' }])]: ['a'],
      [JSON.stringify([{ name: 'web', port: 9090, protocol: 'TCP' }])]: ['b'],
      '[]': ['c'],
    });
  });

  it('puts at most 100 endpoints in a slice', () => {
    const t = testCluster();
    webService(t);
    for (let i = 0; i < 250; i++) fakePod(t, `p${i}`, { ip: `10.244.${Math.floor(i / 200)}.${(i % 200) + 2}` });
    const sizes = slices(t)
      .map((s) => s.endpoints?.length)
      .sort();
    expect(sizes).toEqual([100, 100, 50]);
  });

  it('leaves a Service without a selector alone, and its slices go with the Service', () => {
    const t = testCluster();
    t.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'manual' }, spec: { ports: [{ port: 80 }] } });
    expect(slices(t, 'manual')).toEqual([]);
    webService(t);
    expect(slices(t)).toHaveLength(1);
    t.delete('service', 'web');
    t.advance('1s');
    expect(slices(t)).toEqual([]);
  });

  it('puts back a slice someone edits by hand', () => {
    const t = testCluster();
    fakePod(t, 'a', { ip: '10.244.1.5' });
    webService(t);
    const s = slices(t)[0];
    t.core.api.replace({ ...s, endpoints: [] } as KubeObject);
    t.core.settle();
    expect(slices(t)[0].endpoints).toHaveLength(1);
  });
});

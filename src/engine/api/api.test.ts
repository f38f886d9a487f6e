// The API's delete path (pkg/registry: graceful deletion, finalizers, namespaces).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

describe('namespace deletion (namespace REST.Delete + /finalize)', () => {
  it('a namespace turns Terminating and refuses new content until it is finalized', () => {
    const c = createCluster();
    c.apply('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n');
    c.core.api.delete('Namespace', undefined, 'dev');
    const ns = c.get('Namespace', 'dev');
    expect(ns?.status.phase).toBe('Terminating');
    expect(ns?.metadata.deletionTimestamp).toBeTruthy();
    const r = c.apply(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: dev\nspec:\n  containers:\n  - {name: a, image: nginx}\n',
    );
    expect(r.errors[0]).toMatchObject({
      message: 'pods "web" is forbidden: unable to create new content in namespace dev because it is being terminated',
      reason: 'Forbidden',
    });
    c.core.api.finalizeNamespace('dev');
    expect(c.get('Namespace', 'dev')).toBeUndefined();
  });
});

describe('pod deletion', () => {
  it('a pod bound to a node waits for its kubelet for terminationGracePeriodSeconds; an unbound one goes at once', () => {
    const c = createCluster();
    const pod = (name: string, extra = '') =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n  - {name: a, image: nginx}\n`;
    c.apply(pod('bound', '  nodeName: node-1\n'));
    c.apply(pod('pending', '  nodeSelector: {none: none}\n'));
    const bound = c.core.api.delete('Pod', 'default', 'bound');
    expect(c.get('Pod', 'bound')?.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(bound.metadata.name).toBe('bound');
    c.core.api.delete('Pod', 'default', 'pending');
    expect(c.get('Pod', 'pending')).toBeUndefined();
  });

  it('a finalizer keeps an object until it is removed', () => {
    const c = createCluster();
    c.apply(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: keep\n  finalizers: [example.com/hold]\nspec:\n  containers:\n  - {name: a, image: nginx}\n',
    );
    c.core.api.delete('Pod', 'default', 'keep');
    const p = c.get('Pod', 'keep');
    expect(p?.metadata.deletionTimestamp).toBeTruthy();
    c.core.api.replace({ ...p, metadata: { ...p?.metadata, finalizers: [] } } as never);
    expect(c.get('Pod', 'keep')).toBeUndefined();
  });
});

describe('API errors name the group-qualified resource (schema.GroupResource)', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };

  it('deployments.apps for a Deployment, pods for the core group', () => {
    const c = createCluster({ nodes: 1 });
    c.core.api.create(structuredClone(deployment) as never);
    expect(() => c.core.api.create(structuredClone(deployment) as never)).toThrow(
      'deployments.apps "web" already exists',
    );
    expect(() => c.core.api.delete('Deployment', 'default', 'nope')).toThrow('deployments.apps "nope" not found');
    expect(() => c.core.api.delete('Pod', 'default', 'nope')).toThrow(/^pods "nope" not found$/);
  });
});

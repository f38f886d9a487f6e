// Kinds without a dedicated printer get the API server's default table (NAME, AGE);
// a feature adds columns with one printer file and registerPrinter.
import { describe, expect, it } from 'vitest';
import { registerKind } from '../../api/kinds';
import type { KubeObject } from '../../api/types';
import { at, kubectl, quietCluster } from '../testutil';
import { registerPrinter } from './index';

registerKind({
  kind: 'Widget',
  apiVersion: 'example.com/v1',
  plural: 'widgets',
  singular: 'widget',
  shortNames: ['wd'],
  namespaced: true,
  group: 'example.com',
});

function cluster() {
  const c = quietCluster(1);
  c.core.store.create({
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w1', namespace: 'default' } as KubeObject['metadata'],
    spec: { size: 3 },
  } as KubeObject);
  at(c, 90_000);
  return c;
}

describe('printers', () => {
  it('a kind without a printer: NAME AGE, group-qualified names', () => {
    const c = cluster();
    expect(kubectl(c, 'get widgets').stdout).toBe('NAME   AGE\nw1     90s\n');
    expect(kubectl(c, 'get wd -o name').stdout).toBe('widget.example.com/w1\n');
    expect(kubectl(c, 'get widgets.example.com w1 -o jsonpath={.spec.size}').stdout).toBe('3');
  });

  it('registerPrinter gives a kind its columns', () => {
    registerPrinter('Widget', {
      headers: (wide) => ['NAME', 'SIZE', ...(wide ? ['NAMESPACE-OF'] : [])],
      row: (o, ctx) => [o.metadata.name, String(o.spec?.size), ...(ctx.wide ? [o.metadata.namespace ?? ''] : [])],
    });
    const c = cluster();
    expect(kubectl(c, 'get widgets -o wide').stdout).toBe('NAME   SIZE   NAMESPACE-OF\nw1     3      default\n');
  });
});

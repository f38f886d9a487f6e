import { it } from 'vitest';
import { createCluster } from '../index';

it('smoke', () => {
  const c = createCluster();
  const show = (line: string, stdin?: string) => {
    const r = c.kubectl(line, stdin);
    console.log(`$ kubectl ${line}\n${r.stdout}${r.stderr ? `[stderr]\n${r.stderr}` : ''}[exit ${r.exitCode}]\n`);
  };
  show('get pods');
  show('get nodes');
  show('get nodes -o wide');
  show('get pods -A -o wide');
  show('apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n');
  c.advance(65000);
  show('get pods');
  show('get pod nginx -o yaml');
  show('describe pod nginx');
  show('describe node node-1');
  show('get ns');
  show('get events');
  show('get leases -A');
  show('get pods,nodes');
  show('get pod nginx -o jsonpath={.spec.containers[0].image}');
  show('get pods -A -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName');
  show('delete pod nginx');
  show('gett pods');
  show('get foo');
  show('get pods --bogus');
});

// kubectl get: columns, spacing and wording as kubectl pkg/cmd/get/get.go and
// pkg/printers/internalversion/printers.go print them. Pod statuses are set directly
// so the goldens do not depend on the kubelet.
import { describe, expect, it } from 'vitest';
import { at, kubectl, makePod, quietCluster, running, terminated, ts, waiting } from './testutil';

function cluster() {
  const c = quietCluster(2);
  makePod(c, 'web', {
    labels: { app: 'web' },
    spec: { nodeName: 'node-1' },
    status: {
      phase: 'Running',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      containerStatuses: [running()],
    },
  });
  makePod(c, 'crash', {
    labels: { app: 'crash', tier: 'db' },
    spec: { nodeName: 'node-2' },
    status: {
      phase: 'Running',
      containerStatuses: [
        waiting('CrashLoopBackOff', 'app', {
          restartCount: 3,
          lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ts(60000), finishedAt: ts(65000) } },
        }),
      ],
    },
  });
  makePod(c, 'pending', { status: { phase: 'Pending' } });
  at(c, 185000);
  return c;
}

describe('kubectl get pods', () => {
  it('prints NAME READY STATUS RESTARTS AGE, sorted by name', () => {
    const r = kubectl(cluster(), 'get pods');
    expect(r).toEqual({
      stdout: [
        'NAME      READY   STATUS             RESTARTS     AGE',
        'crash     0/1     CrashLoopBackOff   3 (2m ago)   3m5s',
        'pending   0/1     Pending            0            3m5s',
        'web       1/1     Running            0            3m5s',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('-o wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    expect(kubectl(cluster(), 'get pod web -o wide').stdout).toBe(
      [
        'NAME   READY   STATUS    RESTARTS   AGE    IP           NODE     NOMINATED NODE   READINESS GATES',
        'web    1/1     Running   0          3m5s   10.244.1.5   node-1   <none>           <none>',
        '',
      ].join('\n'),
    );
  });

  it('--show-labels, --no-headers and -L', () => {
    const c = cluster();
    expect(kubectl(c, 'get pods web crash --show-labels --no-headers').stdout).toBe(
      [
        'web     1/1   Running            0            3m5s   app=web',
        'crash   0/1   CrashLoopBackOff   3 (2m ago)   3m5s   app=crash,tier=db',
        '',
      ].join('\n'),
    );
    expect(kubectl(c, 'get pods -L tier').stdout.split('\n')[0]).toBe(
      'NAME      READY   STATUS             RESTARTS     AGE    TIER',
    );
  });

  it('selects by label (=, !=, in, notin, exists, !key)', () => {
    const c = cluster();
    const names = (sel: string) => kubectl(c, `get pods -l ${sel} -o name`).stdout.trim().split('\n').filter(Boolean);
    expect(names('app=web')).toEqual(['pod/web']);
    expect(names('app!=web')).toEqual(['pod/crash', 'pod/pending']);
    expect(names("'app in (web,crash)'")).toEqual(['pod/crash', 'pod/web']);
    expect(names("'app notin (web)'")).toEqual(['pod/crash', 'pod/pending']);
    expect(names('tier')).toEqual(['pod/crash']);
    expect(names("'!app'")).toEqual(['pod/pending']);
  });

  it('selects by field', () => {
    const c = cluster();
    expect(kubectl(c, 'get pods --field-selector status.phase=Pending -o name').stdout).toBe('pod/pending\n');
    expect(kubectl(c, 'get pods --field-selector spec.nodeName=node-2,metadata.name!=x -o name').stdout).toBe(
      'pod/crash\n',
    );
    expect(kubectl(c, 'get pods --field-selector foo=bar').stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n',
    );
  });

  it('says so on stderr when nothing matches', () => {
    const c = cluster();
    expect(kubectl(c, 'get pods -l app=nope')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(kubectl(c, 'get pods -n kube-public').stderr).toBe('No resources found in kube-public namespace.\n');
    expect(kubectl(c, 'get pods -A -l app=nope').stderr).toBe('No resources found\n');
  });

  it('-A adds the NAMESPACE column', () => {
    const out = kubectl(cluster(), 'get pods -A').stdout.split('\n');
    expect(out[0]).toMatch(/^NAMESPACE {5}NAME {2,}READY {3}STATUS/);
    expect(out[1]).toMatch(/^default {7}crash /);
    expect(out.some((l) => l.startsWith('kube-system   etcd-control-plane'))).toBe(true);
  });

  it('prints what it finds and a NotFound error for the rest', () => {
    const r = kubectl(cluster(), 'get pod web nope');
    expect(r.stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          3m5s\n');
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('--ignore-not-found: silence, exit 0', () => {
    expect(kubectl(cluster(), 'get pod nope --ignore-not-found')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('accepts kind/name and short names', () => {
    const c = cluster();
    expect(kubectl(c, 'get pod/web -o name').stdout).toBe('pod/web\n');
    expect(kubectl(c, 'get po web -o name').stdout).toBe('pod/web\n');
  });

  it('shows Completed, Error and Terminating', () => {
    const c = quietCluster(1);
    makePod(c, 'done', { status: { phase: 'Succeeded', containerStatuses: [terminated('Completed', 0)] } });
    makePod(c, 'failed', { status: { phase: 'Failed', containerStatuses: [terminated('Error', 1)] } });
    makePod(c, 'going', { spec: { nodeName: 'node-1' }, status: { phase: 'Running', containerStatuses: [running()] } });
    c.delete('Pod', 'going');
    expect(kubectl(c, 'get pods').stdout).toBe(
      [
        'NAME     READY   STATUS        RESTARTS   AGE',
        'done     0/1     Completed     0          0s',
        'failed   0/1     Error         0          0s',
        'going    1/1     Terminating   0          0s',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl get other kinds', () => {
  it('nodes: NAME STATUS ROLES AGE VERSION, SchedulingDisabled when cordoned, NotReady', () => {
    const c = quietCluster(2);
    at(c, 3600_000);
    const n1 = c.get('Node', 'node-1');
    c.core.api.replace({ ...n1, spec: { ...n1?.spec, unschedulable: true } } as any);
    const n2 = c.get('Node', 'node-2') as any;
    c.core.api.updateStatus({
      ...n2,
      status: {
        ...n2.status,
        conditions: n2.status.conditions.map((x: any) => (x.type === 'Ready' ? { ...x, status: 'Unknown' } : x)),
      },
    });
    expect(kubectl(c, 'get nodes').stdout).toBe(
      [
        'NAME            STATUS                     ROLES           AGE   VERSION',
        'control-plane   Ready                      control-plane   60m   v1.34.1',
        'node-1          Ready,SchedulingDisabled   <none>          60m   v1.34.1',
        'node-2          NotReady                   <none>          60m   v1.34.1',
        '',
      ].join('\n'),
    );
    expect(kubectl(c, 'get no node-1 -o wide').stdout.split('\n')[0]).toBe(
      'NAME     STATUS                     ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION       CONTAINER-RUNTIME',
    );
  });

  it('namespaces: NAME STATUS AGE', () => {
    const c = quietCluster(1);
    at(c, 5000);
    expect(kubectl(c, 'get ns').stdout).toBe(
      [
        'NAME              STATUS   AGE',
        'default           Active   5s',
        'kube-node-lease   Active   5s',
        'kube-public       Active   5s',
        'kube-system       Active   5s',
        '',
      ].join('\n'),
    );
  });

  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE, oldest first, with repeat counts', () => {
    const c = quietCluster(1);
    const pod = makePod(c, 'web');
    c.core.events.warning({ component: 'kubelet' }, pod, 'BackOff', 'Back-off restarting failed container app');
    at(c, 30000);
    c.core.events.warning({ component: 'kubelet' }, pod, 'BackOff', 'Back-off restarting failed container app');
    at(c, 90000);
    const lines = kubectl(c, 'get events --field-selector involvedObject.name=web').stdout.split('\n');
    expect(lines[0]).toBe('LAST SEEN           TYPE      REASON    OBJECT    MESSAGE');
    expect(lines[1]).toBe('60s (x2 over 90s)   Warning   BackOff   pod/web   Back-off restarting failed container app');
  });

  it('leases: NAME HOLDER AGE', () => {
    const out = kubectl(quietCluster(1), 'get leases -n kube-node-lease').stdout;
    expect(out).toBe(
      'NAME            HOLDER          AGE\ncontrol-plane   control-plane   0s\nnode-1          node-1          0s\n',
    );
  });

  it('several kinds: one table each, names prefixed with the kind', () => {
    const c = quietCluster(1);
    makePod(c, 'web', { status: { phase: 'Pending' } });
    expect(kubectl(c, 'get all').stdout).toBe(
      'NAME      READY   STATUS    RESTARTS   AGE\npod/web   0/1     Pending   0          0s\n\n' +
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s\n',
    );
    const out = kubectl(c, 'get pods,nodes').stdout;
    expect(out).toBe(
      [
        'NAME      READY   STATUS    RESTARTS   AGE',
        'pod/web   0/1     Pending   0          0s',
        '',
        'NAME                 STATUS   ROLES           AGE   VERSION',
        'node/control-plane   Ready    control-plane   0s    v1.34.1',
        'node/node-1          Ready    <none>          0s    v1.34.1',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl get -o', () => {
  it('yaml: one object as itself, sorted keys, quoted timestamps', () => {
    const out = kubectl(cluster(), 'get pod pending -o yaml').stdout;
    expect(out.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2026-01-01T09:00:00Z"\n')).toBe(
      true,
    );
    expect(out).toContain('\nstatus:\n  phase: Pending\n');
  });

  it('yaml and json: a list as kind List', () => {
    const c = cluster();
    const yaml = kubectl(c, 'get pods -l app=web -o yaml').stdout;
    expect(yaml.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n')).toBe(true);
    expect(yaml.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    const json = JSON.parse(kubectl(c, 'get pods -o json').stdout);
    expect(json.kind).toBe('List');
    expect(json.items.map((p: any) => p.metadata.name)).toEqual(['crash', 'pending', 'web']);
    expect(kubectl(c, 'get pod web -o json').stdout).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Pod",/);
  });

  it('name', () => {
    expect(kubectl(cluster(), 'get pods -o name').stdout).toBe('pod/crash\npod/pending\npod/web\n');
  });

  it('jsonpath over the list and over one object', () => {
    const c = cluster();
    expect(kubectl(c, 'get pods -o jsonpath={.items[*].metadata.name}').stdout).toBe('crash pending web');
    expect(
      kubectl(c, 'get pods -o jsonpath=\'{range .items[*]}{.metadata.name}={.status.phase}{"\\n"}{end}\'').stdout,
    ).toBe('crash=Running\npending=Pending\nweb=Running\n');
    expect(kubectl(c, 'get pod web -o jsonpath={.status.podIP}').stdout).toBe('10.244.1.5');
    expect(kubectl(c, "get pod web -o jsonpath='{.spec.containers[0].name}'").stdout).toBe('app');
    expect(kubectl(c, 'get pod web -o=jsonpath={.kind').stderr).toBe(
      'error: error parsing jsonpath {.kind, unclosed action\n',
    );
  });

  it('custom-columns, <none> for missing values', () => {
    expect(kubectl(cluster(), 'get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName').stdout).toBe(
      'NAME      NODE\ncrash     node-2\npending   <none>\nweb       node-1\n',
    );
  });

  it('--sort-by', () => {
    expect(kubectl(cluster(), 'get pods --sort-by=.spec.nodeName -o name').stdout).toBe(
      'pod/pending\npod/web\npod/crash\n',
    );
  });

  it('rejects an unknown format with the list of allowed ones', () => {
    expect(kubectl(cluster(), 'get pods -o table').stderr).toBe(
      'error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });
});

describe('kubectl get: printGeneric vs the table printers (get.go)', () => {
  it('only tables say "No resources found"; -o name prints nothing, -o yaml an empty List', () => {
    const c = cluster();
    expect(kubectl(c, 'get pods -l app=nope -o name')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(kubectl(c, 'get pods -l app=nope -o yaml').stdout).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
    expect(kubectl(c, 'get pods -l app=nope -o custom-columns=NAME:.metadata.name').stdout).toBe('NAME\n');
  });

  it('a single missing name prints only the error', () => {
    expect(kubectl(cluster(), 'get pod nope -o yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });

  it('--no-headers drops the blank line between kinds', () => {
    const c = quietCluster(1);
    makePod(c, 'web', { status: { phase: 'Pending' } });
    expect(
      kubectl(c, 'get pods,ns --no-headers')
        .stdout.split('\n')
        .filter((l) => l === '').length,
    ).toBe(1);
  });

  it('--show-labels only with tables', () => {
    expect(kubectl(cluster(), 'get pods --show-labels -o yaml').stderr).toBe(
      'error: --show-labels option cannot be used with yaml printer\n',
    );
  });
});

describe('kubectl get errors', () => {
  it('an unknown resource type', () => {
    expect(kubectl(cluster(), 'get foo')).toEqual({
      stdout: '',
      stderr: 'error: the server doesn\'t have a resource type "foo"\n',
      exitCode: 1,
    });
  });

  it('no resource type', () => {
    const r = kubectl(cluster(), 'get');
    expect(r.stderr).toContain('error: Required resource not specified.');
    expect(r.exitCode).toBe(1);
  });

  it('an unknown flag', () => {
    expect(kubectl(cluster(), 'get pods --x').stderr).toBe(
      "error: unknown flag: --x\nSee 'kubectl get --help' for usage.\n",
    );
  });

  it('a name with -A', () => {
    expect(kubectl(cluster(), 'get pod web -A').stderr).toBe(
      'error: a resource cannot be retrieved by name across all namespaces\n',
    );
  });

  it('--watch is refused with a clear message', () => {
    const r = kubectl(cluster(), 'get pods -w');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: --watch is not supported here/);
  });
});

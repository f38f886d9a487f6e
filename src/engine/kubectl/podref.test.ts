// mirrors kubectl's polymorphichelpers.AttachablePodForObject / GetFirstPod: `logs` and
// `exec` on a workload pick its most active pod (sort.Reverse(podutils.ActivePods)).
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx:1.27}]}
`;

describe('a workload as the pod argument', () => {
  it('kubectl logs deployment/web reads one of its pods and says which', () => {
    const t = testCluster({ nodes: 2 }).apply(deployment).advance('30s');
    const r = t.run('logs deployment/web');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    const name = r.stderr.trim().split('pod/')[1];
    expect(r.stdout).toBe(t.run(`logs ${name}`).stdout);
  });

  it('prefers a running, ready pod over a pending one', () => {
    const t = testCluster({ nodes: 1 }).apply(deployment).advance('30s');
    t.apply(deployment.replace('replicas: 2', 'replicas: 3').replace('nginx:1.27', 'nginx:1.26'));
    t.advance('5s');
    const r = t.run('logs deploy/web');
    const picked = t.pod(r.stderr.trim().split('pod/')[1]);
    expect(picked.status?.phase).toBe('Running');
    expect(picked.spec.containers[0].image).toBe('nginx:1.27');
  });

  it('works for a Job, and exec too', () => {
    const t = testCluster({ nodes: 1 }).apply(`apiVersion: batch/v1
kind: Job
metadata: {name: hello}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox:1.36, command: [sh, -c, 'echo hi from the job; sleep 3600']}]
`);
    t.advance('20s');
    const r = t.run('logs job/hello');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('hi from the job');
    expect(t.run('exec job/hello -- echo inside').stdout).toBe('inside\n');
  });

  it('names what is missing as the API server does', () => {
    const t = testCluster({ nodes: 1 });
    expect(t.run('logs deployment/nope').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(t.run('logs widget/x').stderr).toBe('error: the server doesn\'t have a resource type "widget"\n');
    expect(t.run('logs node/control-plane').stderr).toContain('cannot attach to Node');
  });
});

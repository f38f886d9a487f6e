// The kubernetes.io tutorial "Connecting Applications with Services"
// (content/en/docs/tutorials/services/connect-applications-service.md), as far as
// Services, EndpointSlices and kubectl expose go: kubectl's output mirrors
// pkg/printers/internalversion/printers.go (printService, printEndpointSlice) and
// kubectl describe's describeService.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { testCluster } from '../testing';

const RUN_MY_NGINX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
spec:
  selector:
    matchLabels:
      run: my-nginx
  replicas: 2
  template:
    metadata:
      labels:
        run: my-nginx
    spec:
      containers:
      - name: my-nginx
        image: nginx
        ports:
        - containerPort: 80
`;

describe('Connecting Applications with Services', () => {
  it('expose → get svc → describe svc → get endpointslices', () => {
    const t = testCluster({ nodes: 2 }).apply(RUN_MY_NGINX).advance('60s');
    const ips = t
      .list<Pod>('Pod', 'default')
      .filter((p) => p.metadata.labels?.run === 'my-nginx')
      .map((p) => p.status?.podIP as string)
      .sort();
    expect(ips).toHaveLength(2);

    const exposed = t.run('kubectl expose deployment/my-nginx');
    expect(exposed).toMatchObject({ exitCode: 0, stdout: 'service/my-nginx exposed\n' });
    t.advance('21s');

    const svc = t.run('kubectl get svc my-nginx').stdout.split('\n');
    expect(svc[0].split(/\s{2,}/)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    const [name, type, clusterIP, external, ports, age] = svc[1].split(/\s+/);
    expect([name, type, external, ports, age]).toEqual(['my-nginx', 'ClusterIP', '<none>', '80/TCP', '21s']);
    expect(clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);

    const described = t.run('kubectl describe svc my-nginx').stdout;
    expect(described).toMatch(/^Name:\s+my-nginx\n/);
    expect(described).toMatch(/\nSelector:\s+run=my-nginx\n/);
    expect(described).toMatch(/\nType:\s+ClusterIP\n/);
    expect(described).toMatch(/\nIP Family Policy:\s+SingleStack\n/);
    expect(described).toMatch(/\nIP Families:\s+IPv4\n/);
    expect(described).toContain(`IP:                       ${clusterIP}\n`);
    expect(described).toMatch(/\nPort:\s+<unset>\s+80\/TCP\n/);
    expect(described).toMatch(/\nTargetPort:\s+80\/TCP\n/);
    const endpoints = /\nEndpoints:\s+(\S+)\n/.exec(described)?.[1] ?? '';
    expect(endpoints.split(',').sort()).toEqual(ips.map((ip) => `${ip}:80`));
    expect(described).toMatch(/\nSession Affinity:\s+None\n/);
    expect(described).toMatch(/\nEvents:\s+<none>\n/);

    const slices = t.run('kubectl get endpointslices -l kubernetes.io/service-name=my-nginx').stdout.split('\n');
    expect(slices[0].split(/\s{2,}/)).toEqual(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
    const row = slices[1].split(/\s+/);
    expect(row[0]).toMatch(/^my-nginx-[a-z0-9]{5}$/);
    expect([row[1], row[2], row[4]]).toEqual(['IPv4', '80', '21s']);
    expect(row[3].split(',').sort()).toEqual(ips);

    // The legacy Endpoints list addresses by IP.
    expect(t.run('kubectl get ep my-nginx').stdout.split('\n')[1].split(/\s+/).slice(0, 2)).toEqual([
      'my-nginx',
      ips.map((ip) => `${ip}:80`).join(','),
    ]);
  });

  it('the service follows the pods: scaling up adds endpoints', () => {
    const t = testCluster({ nodes: 2 }).apply(RUN_MY_NGINX).advance('60s');
    t.kubectl('kubectl expose deployment my-nginx --port=80 --target-port=80 --name=web --type=NodePort');
    t.kubectl('kubectl scale deployment my-nginx --replicas=5').advance('60s');
    const out = t.run('kubectl get ep web').stdout.split('\n')[1];
    expect(out).toMatch(/^web\s+(\d+\.\d+\.\d+\.\d+:80,){2}\d+\.\d+\.\d+\.\d+:80 \+ 2 more\.\.\.\s+/);
    expect(t.run('kubectl get svc web').stdout).toMatch(/\nweb\s+NodePort\s+\S+\s+<none>\s+80:3\d{4}\/TCP\s+/);
  });
});

// Cluster DNS and kube-proxy end to end through kubectl exec: a Deployment of three
// demo-app pods behind a Service, reached by name from a client pod (kubernetes.io
// "Connecting Applications with Services" and "Debugging DNS Resolution": busybox's
// nslookup and wget, curl in a debugging image).
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/network-types';
import type { Pod } from '../api/types';
import { testCluster } from '../testing';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: docker.io/playground/web
        ports:
        - containerPort: 8080
          name: http
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: http
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: client
    image: busybox:1.36
    command: ["sleep", "infinity"]
`;

function cluster() {
  return testCluster({ nodes: 3 }).apply(WEB).advance('60s');
}

describe('DNS and kube-proxy through kubectl exec', () => {
  it('wget -qO- web answers from one of the pods; 30 requests reach all three', () => {
    const t = cluster();
    const names = t
      .list<Pod>('Pod', 'default')
      .filter((p) => p.metadata.labels?.app === 'web')
      .map((p) => p.metadata.name);
    expect(names).toHaveLength(3);
    const first = t.run('kubectl exec client -- wget -qO- web');
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Hello from web v1\nServed by pod (\S+) \(10\.244\.\d+\.\d+\) at /);
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const out = t.run('kubectl exec client -- wget -qO- http://web.default.svc.cluster.local/').stdout;
      seen.add(/Served by pod (\S+)/.exec(out)?.[1] ?? '');
    }
    expect([...seen].sort()).toEqual([...names].sort());
  });

  it('scaled to zero: connection refused', () => {
    const t = cluster().kubectl('scale deployment web --replicas=0').advance('40s');
    const ip = t.get<Service>('service', 'web')?.spec.clusterIP;
    const r = t.run('kubectl exec client -- wget -qO- web');
    expect(r.stderr.split('\n')[0]).toBe(`wget: can't connect to remote host (${ip}): Connection refused`);
    expect(r.exitCode).toBe(1);
  });

  it("nslookup web.default prints the ClusterIP in busybox's format; a missing name is NXDOMAIN", () => {
    const t = cluster();
    const ip = t.get<Service>('service', 'web')?.spec.clusterIP;
    expect(t.run('kubectl exec client -- nslookup web.default').stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`,
    );
    const missing = t.run('kubectl exec client -- nslookup nosuch');
    expect(missing.stdout).toBe(
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nosuch: NXDOMAIN\n\n",
    );
    expect(missing.exitCode).toBe(1);
  });

  it('curl -s http://web.default.svc.cluster.local/ from agnhost; the answering pod logs the client', () => {
    const t = cluster()
      .apply({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'tools' },
        spec: { containers: [{ name: 'agnhost', image: 'registry.k8s.io/e2e-test-images/agnhost:2.39' }] },
      })
      .advance('30s');
    const r = t.run('kubectl exec tools -- curl -s http://web.default.svc.cluster.local/');
    expect(r.exitCode).toBe(0);
    const name = /Served by pod (\S+)/.exec(r.stdout)?.[1] ?? '';
    t.advance('1s');
    const clientIP = t.pod('default/tools').status?.podIP;
    expect(t.run(`kubectl logs ${name}`).stdout).toContain(`${clientIP} GET / 200`);
  });

  it('both CoreDNS pods gone: lookups time out, addresses still work', () => {
    const t = cluster();
    for (const p of t.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith('coredns-'))) {
      t.delete('pod', `kube-system/${p.metadata.name}`);
    }
    t.advance('40s');
    const r = t.run('kubectl exec client -- nslookup web');
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(r.exitCode).toBe(1);
    expect(t.run('kubectl exec client -- wget -qO- web').stderr.split('\n')[0]).toBe("wget: bad address 'web'");
    const ip = t.get<Service>('service', 'web')?.spec.clusterIP;
    expect(t.run(`kubectl exec client -- wget -qO- http://${ip}/`).stdout).toMatch(/^Hello from web v1\n/);
  });

  it('dnsPolicy Default: the node resolver does not know cluster names', () => {
    const t = cluster()
      .apply({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'outside' },
        spec: { dnsPolicy: 'Default', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '1d'] }] },
      })
      .advance('30s');
    expect(t.run('kubectl exec outside -- cat /etc/resolv.conf').stdout).toBe('nameserver 172.18.0.1\n');
    expect(t.run('kubectl exec outside -- wget -qO- web').stderr.split('\n')[0]).toBe("wget: bad address 'web'");
  });

  it('a pod on a machine that went down does not answer: the connection times out', () => {
    const t = cluster();
    const clientNode = t.pod('default/client').spec.nodeName;
    const target = t
      .list<Pod>('Pod', 'default')
      .find((p) => p.metadata.labels?.app === 'web' && p.spec.nodeName !== clientNode) as Pod;
    t.kill(target.spec.nodeName as string);
    const r = t.run(`kubectl exec client -- wget -qO- http://${target.status?.podIP}:8080/`);
    expect(r.stderr.split('\n')[0]).toBe('wget: download timed out');
  });

  it('a LoadBalancer address and a NodePort answer from inside the cluster too', () => {
    const t = cluster()
      .apply({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web-lb' },
        spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
      })
      .advance('5s');
    const svc = t.get<Service>('service', 'web-lb') as Service;
    const lbIP = svc.status?.loadBalancer?.ingress?.[0].ip;
    expect(lbIP).toBe('203.0.113.1');
    expect(t.run(`kubectl exec client -- wget -qO- http://${lbIP}/`).stdout).toMatch(/^Hello from web v1\n/);
    const nodePort = svc.spec.ports?.[0].nodePort;
    expect(t.run(`kubectl exec client -- wget -qO- http://172.18.0.3:${nodePort}/`).stdout).toMatch(
      /^Hello from web v1\n/,
    );
  });

  it('busybox 1.28 as on the "Debugging DNS Resolution" page: nslookup kubernetes.default with reverse names', () => {
    const t = cluster()
      .apply({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'dnsutils' },
        spec: { containers: [{ name: 'b', image: 'busybox:1.28', command: ['sleep', '3600'] }] },
      })
      .advance('30s');
    expect(t.run('kubectl exec -ti dnsutils -- nslookup kubernetes.default').stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        'Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
    );
  });

  it('an ExternalName Service: nslookup shows the CNAME, wget follows it to the site', () => {
    const t = cluster().apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'site' },
      spec: { type: 'ExternalName', externalName: 'example.com' },
    });
    expect(t.run('kubectl exec client -- nslookup site').stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'site.default.svc.cluster.local\tcanonical name = example.com\nName:\texample.com\nAddress: 23.192.228.80\n\n',
    );
    expect(t.run('kubectl exec client -- wget -qO- http://site/').stdout).toContain('Example Domain');
  });
});

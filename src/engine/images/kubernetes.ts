/**
 * Images published by the Kubernetes project (registry.k8s.io and the frozen
 * k8s.gcr.io), Google's samples and the stress images the resource tutorials use.
 */
import { BASES } from './base';
import { image } from './define';
import { type ImageSpec, KB, layer, MB } from './spec';

const K8S = '1.34.1';

function pause(repository: string, tags: string[], version: string, size: number): ImageSpec {
  return image({
    repository,
    tags,
    layers: [layer(`pause ${version}`, size * KB)],
    entrypoint: ['/pause'],
    cmd: [],
    os: 'scratch',
    tools: ['/pause'],
    description: 'The pause container: holds the pod sandbox, sleeps forever, exits on SIGTERM.',
  });
}

function controlPlane(name: string, size: number, ports: number[]): ImageSpec {
  return image({
    repository: `registry.k8s.io/${name}`,
    tags: [`v${K8S}`],
    layers: [...BASES.distrolessStatic, ...BASES.goRunner, layer(`${name} v${K8S} binary`, size * MB)],
    entrypoint: ['/go-runner'],
    cmd: [],
    os: 'distroless',
    tools: ['/go-runner', name, `/usr/local/bin/${name}`],
    ports: ports.map((p) => `${p}/tcp`),
    version: `v${K8S}`,
    description: `Kubernetes ${name} v${K8S} (a control-plane static pod). Health on port ${ports[0]}.`,
  });
}

function agnhost(tag: string, size: number): ImageSpec {
  return image({
    repository: 'registry.k8s.io/e2e-test-images/agnhost',
    tags: [tag],
    layers: [...BASES.alpine312, layer(`agnhost ${tag} tools`, 7.4 * MB), layer(`agnhost ${tag} binary`, size * MB)],
    entrypoint: ['/agnhost'],
    cmd: ['pause'],
    os: 'alpine',
    tools: ['/agnhost', 'agnhost', 'curl', 'dig', 'nslookup', 'iperf'],
    ports: ['80/tcp', '8080/tcp', '9376/tcp'],
    version: tag,
    description:
      'Kubernetes e2e test server. Subcommands: liveness (/healthz 200 for 10 s, then 500), netexec (HTTP 8080: /hostname, /echo?msg=, /healthz), serve-hostname (9376), pause.',
  });
}

function helloApp(tag: string): ImageSpec {
  return image({
    repository: 'gcr.io/google-samples/hello-app',
    tags: [tag],
    // kubernetes-engine-samples/quickstarts/hello-app: FROM alpine, CMD ["./hello-app"]
    layers: [...BASES.alpine320, layer(`hello-app ${tag} binary`, 2.8 * MB)],
    entrypoint: [],
    cmd: ['./hello-app'],
    env: { PORT: '8080' },
    os: 'alpine',
    tools: ['./hello-app', '/hello-app'],
    ports: ['8080/tcp'],
    version: `${tag}.0`,
    description: `Google's hello-app ${tag}: HTTP 8080, "Hello, world! Version: ${tag}.0 Hostname: <pod>".`,
  });
}

export const KUBERNETES: ImageSpec[] = [
  pause('registry.k8s.io/pause', ['3.10', '3.10.1'], '3.10', 320),
  pause('registry.k8s.io/pause', ['3.9'], '3.9', 322),
  pause('k8s.gcr.io/pause', ['3.2', '3.1', 'latest'], '3.2', 299),
  pause('k8s.gcr.io/pause', ['2.0'], '2.0', 240),
  controlPlane('kube-apiserver', 27.1, [6443]),
  controlPlane('kube-controller-manager', 22.8, [10257]),
  controlPlane('kube-scheduler', 17.4, [10259]),
  image({
    repository: 'registry.k8s.io/kube-proxy',
    tags: [`v${K8S}`],
    layers: [...BASES.distrolessIptables, ...BASES.goRunner, layer(`kube-proxy v${K8S} binary`, 11.3 * MB)],
    entrypoint: ['/go-runner'],
    cmd: [],
    os: 'distroless',
    tools: ['/go-runner', 'kube-proxy', '/usr/local/bin/kube-proxy', 'iptables'],
    ports: ['10256/tcp'],
    version: `v${K8S}`,
    description: `Kubernetes kube-proxy v${K8S} (a DaemonSet on every node). Health on 10256.`,
  }),
  image({
    repository: 'registry.k8s.io/etcd',
    tags: ['3.6.4-0'],
    layers: [...BASES.distrolessStatic, layer('etcd 3.6.4 binaries', 22.4 * MB)],
    entrypoint: [],
    cmd: ['/usr/local/bin/etcd'],
    os: 'distroless',
    tools: ['etcd', 'etcdctl', 'etcdutl', '/usr/local/bin/etcd'],
    ports: ['2379/tcp', '2380/tcp'],
    version: '3.6.4',
    description: 'etcd 3.6.4, the cluster store (static pod). Clients on 2379, health on 2381.',
  }),
  image({
    repository: 'registry.k8s.io/coredns/coredns',
    tags: ['v1.12.1'],
    layers: [...BASES.distrolessStatic, layer('coredns 1.12.1 binary', 20.6 * MB)],
    entrypoint: ['/coredns'],
    cmd: [],
    os: 'distroless',
    tools: ['/coredns'],
    ports: ['53/udp', '53/tcp', '9153/tcp'],
    version: '1.12.1',
    description: 'CoreDNS 1.12.1, cluster DNS. /health on 8080, /ready on 8181.',
  }),
  agnhost('2.39', 44.1),
  agnhost('2.40', 44.6),
  agnhost('2.53', 46.0),
  image({
    repository: 'registry.k8s.io/goproxy',
    tags: ['0.1'],
    layers: [layer('goproxy 0.1 binary', 2.45 * MB)],
    entrypoint: [],
    cmd: ['/goproxy'],
    os: 'scratch',
    tools: ['/goproxy'],
    ports: ['8080/tcp'],
    description: 'A tiny Go HTTP proxy listening on TCP 8080 (the TCP probe example).',
  }),
  helloApp('1.0'),
  helloApp('2.0'),
  ...['registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox'].map((repository) =>
    image({
      repository,
      tags: ['latest', '1.24'],
      layers: [layer('k8s busybox 1.24 rootfs', 0.676 * MB)],
      entrypoint: [],
      cmd: ['sh'],
      os: 'busybox',
      version: 'BusyBox v1.24.2',
      description: 'An old BusyBox (1.24) that the Kubernetes docs long used.',
    }),
  ),
  image({
    repository: 'registry.k8s.io/busybox',
    tags: ['1.27.2'],
    layers: BASES.busybox1272,
    entrypoint: [],
    cmd: ['sh'],
    os: 'busybox',
    version: 'BusyBox v1.27.2',
    description: 'BusyBox 1.27.2 as mirrored on registry.k8s.io.',
  }),
  image({
    repository: 'k8s.gcr.io/fluentd-elasticsearch',
    tags: ['1.20'],
    layers: [
      ...BASES.ubuntuJammy,
      layer('fluentd-elasticsearch 1.20 td-agent', 98.6 * MB),
      layer('fluentd-elasticsearch 1.20 config', 4 * KB),
    ],
    entrypoint: [],
    cmd: ['/run.sh'],
    os: 'ubuntu',
    tools: ['/run.sh', 'td-agent', 'fluentd', 'ruby'],
    description: 'Fluentd log collector (the DaemonSet example). Runs and tails /var/log.',
  }),
  image({
    repository: 'docker.io/vish/stress',
    tags: ['latest'],
    layers: [...BASES.busybox1272, layer('vish stress binary', 1.9 * MB)],
    entrypoint: ['/stress', '-logtostderr'],
    cmd: [],
    os: 'busybox',
    tools: ['/stress'],
    description: 'Burns CPU (-cpus N) or memory (-mem-total, -mem-alloc-size) to show limits at work.',
  }),
  image({
    repository: 'docker.io/polinux/stress',
    tags: ['latest', '1.0.4'],
    layers: [...BASES.alpine312, layer('polinux stress 1.0.4', 1.2 * MB)],
    entrypoint: [],
    cmd: ['stress', '--help'],
    os: 'alpine',
    tools: ['stress', '/usr/local/bin/stress'],
    description: 'stress(1): --vm 1 --vm-bytes 150M holds memory; above the limit it is OOMKilled.',
  }),
];

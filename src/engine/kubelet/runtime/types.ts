/**
 * The contract between the kubelet (pod lifecycle, probes, restarts, status) and the
 * container runtime (images, processes, the small shell, files, ports). Everything
 * here is plain JSON so a snapshot carries it; nothing holds a closure.
 *
 * Who implements what:
 *  - src/engine/images/catalog.ts : lookupImage, normalizeImageRef
 *  - src/engine/kubelet/runtime/  : startProcess, stepProcess, signalProcess, httpRequest,
 *                                   tcpConnect, execInContainer
 *  - src/engine/kubelet/          : everything that calls them
 */

export interface ImageLayer {
  digest: string;
  sizeBytes: number;
}

/** A simulated image from the catalog. */
export interface ImageInfo {
  /** fully qualified reference, e.g. docker.io/library/nginx:1.27 */
  ref: string;
  /** repository without tag, e.g. docker.io/library/nginx */
  repository: string;
  tag: string;
  /** sha256:... of the manifest (the imageID kubelet reports) */
  digest: string;
  layers: ImageLayer[];
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workingDir: string;
}

/** Pod-level runtime state shared by the pod's containers (the sandbox). */
export interface SandboxState {
  podIP: string;
  hostname: string;
  /** volume name → files (relative path → content) */
  volumes: Record<string, Record<string, string>>;
  /** "TCP/80" → container name bound to it (containers share one network namespace) */
  listening: Record<string, string>;
  /** the pod's /etc/resolv.conf as the kubelet writes it (dnsPolicy ClusterFirst etc.); absent = none */
  dns?: { nameservers: string[]; searches: string[]; options: string[] };
}

/**
 * The pod network as a process inside the pod sees it (wget, curl, nslookup). The
 * kubelet passes it in when it has one; without it only the simulated internet
 * (info.cern.ch, example.com) answers. Functions only, never stored in a process.
 */
export interface PodNetwork {
  /** a name through the pod's resolver (search path applied): the name found and its addresses */
  lookup?(name: string): { fqdn: string; addresses: string[]; cname?: string } | undefined;
  /** no DNS server answers (cluster DNS has no ready CoreDNS): every lookup times out */
  resolverDown?(): boolean;
  /** PTR: the name of an address (busybox 1.28's nslookup prints it) */
  reverse?(ip: string): string | undefined;
  /** an HTTP GET from this pod to host (a name or an IP) : port / path */
  http?(host: string, port: number, path: string): HttpResponse | ConnectError | 'unknown host';
}

export interface MountState {
  mountPath: string;
  volume: string;
  readOnly?: boolean;
  subPath?: string;
}

export interface LogLine {
  /** sim ms */
  at: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** One container's main process. `data` is runtime-private (the interpreter's state). */
export interface ProcessState {
  containerName: string;
  image: string;
  /** the resolved argv (entrypoint/cmd combined with command/args) */
  argv: string[];
  env: Record<string, string>;
  /** the container's own filesystem (absolute path → content), on top of the image */
  rootfs: Record<string, string>;
  mounts: MountState[];
  startedAt: number;
  /** bytes; the runtime reports OOMKilled when usage exceeds it */
  memoryLimitBytes?: number;
  /** runtime-private, JSON only */
  data: Record<string, unknown>;
}

export interface ExitInfo {
  exitCode: number;
  reason: 'Completed' | 'Error' | 'OOMKilled' | 'StartError' | 'ContainerCannotRun';
  message?: string;
  signal?: number;
}

export interface StepResult {
  /** lines written since the last step */
  output: LogLine[];
  /** the process ended (at the sim time `at`) */
  exited?: ExitInfo & { at: number };
  /** when to step again (sim ms) if the process is waiting on time; undefined = only on demand */
  wakeAt?: number;
}

export interface StartRequest {
  image: ImageInfo;
  containerName: string;
  command?: string[];
  args?: string[];
  env: Record<string, string>;
  mounts: MountState[];
  memoryLimitBytes?: number;
  now: number;
}

export interface HttpResponse {
  status: number;
  body: string;
}

/**
 * Who sends an HTTP request. Given, the server writes its access-log line (nginx:
 * `10.244.0.1 - - [...] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.34" "-"`), which the
 * next stepProcess returns.
 */
export interface HttpClient {
  ip: string;
  /** e.g. kube-probe/1.34 for the kubelet's probes, curl/8.5.0 for traffic */
  userAgent?: string;
}

export type ConnectError = 'connection refused' | 'timeout';

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What the kubelet imports from the runtime (see the implementing modules). */
export interface ContainerRuntime {
  /** Starts a process; a start failure (e.g. unknown executable) comes back as exited with StartError/128. */
  startProcess(req: StartRequest, sandbox: SandboxState): { process: ProcessState; result: StepResult };
  /** Runs the process up to `now`: prints, sleeps, binds ports, exits. */
  stepProcess(p: ProcessState, sandbox: SandboxState, now: number, net?: PodNetwork): StepResult;
  /** Delivers SIGTERM or SIGKILL. PID 1 without a handler ignores SIGTERM (sleep, sh). */
  signalProcess(p: ProcessState, sandbox: SandboxState, signal: 'SIGTERM' | 'SIGKILL', now: number): StepResult;
  /** An HTTP GET to the container's port (probes, traffic). */
  httpRequest(
    p: ProcessState,
    sandbox: SandboxState,
    port: number,
    path: string,
    now: number,
    client?: HttpClient,
  ): HttpResponse | ConnectError;
  /** A TCP connect to the container's port. */
  tcpConnect(p: ProcessState, sandbox: SandboxState, port: number, now: number): boolean;
  /** Runs a command inside the container (exec probes, kubectl exec). Never blocks on time. */
  execInContainer(p: ProcessState, sandbox: SandboxState, argv: string[], now: number, net?: PodNetwork): ExecOutput;
  /** Resource use now (kubectl top): CPU in millicores, resident memory in bytes. Optional for fakes. */
  usage?(p: ProcessState, sandbox: SandboxState, now: number): { cpuMilli: number; memoryBytes: number };
}

/**
 * docs/images.md, generated from the catalog so the page and the registry cannot drift
 * apart (doc.test.ts fails when the file is stale; UPDATE_DOCS=1 rewrites it).
 */
import { sizeOf } from './base';
import { catalog } from './catalog';
import type { ImageSpec } from './spec';

/** How a learner writes the repository in a pod spec. */
export function shortName(repository: string): string {
  return repository.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}

function mb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
}

function row(s: ImageSpec): string {
  const ports = (s.ports ?? []).join(', ') || '—';
  const tags = s.tags.map((t) => `\`${t}\``).join(' ');
  return `| \`${shortName(s.repository)}\` | ${tags} | ${mb(sizeOf(s.layers))} | ${ports} | ${s.description.replace(/\|/g, '\\|')} |`;
}

const INTRO = `# Images in the playground

The playground has its own small registry. An image that is listed here can be pulled;
any other name or tag fails the way a real cluster fails: \`ErrImagePull\`, then
\`ImagePullBackOff\`. For example \`nginx:1.161\` (a typo of 1.16.1) gives

    failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found

and a repository that does not exist on Docker Hub gives \`pull access denied, repository
does not exist or may require authorization\`.

Names are read as the container runtime reads them: \`nginx\` is
\`docker.io/library/nginx:latest\`, \`playground/web:v2\` is \`docker.io/playground/web:v2\`.

Sizes are the compressed download sizes of the real images (linux/amd64). Layers are
shared: images built on the same base (the Debian tags of nginx, redis, httpd, postgres
and python-slim; the Alpine tags; python and node on buildpack-deps) list the same base
layer, so a node that already has one pulls only the rest of the other.

## What runs inside

Containers run their image's ENTRYPOINT and CMD; \`command\` replaces the ENTRYPOINT and
drops CMD, \`args\` replaces CMD. busybox, alpine, bash and the Debian-based images have a
small shell: \`sleep\`, \`echo\` (to the log), \`exit\`, \`true\`/\`false\`, \`&&\`, \`||\`, \`;\`,
\`while\`/\`for\`/\`if\`, \`$VAR\`, \`$(date)\`, \`$((i+1))\`, \`date\`, \`env\`, \`printenv\`,
\`hostname\`, \`touch\`, \`rm\`, \`cat\`, \`ls\`, \`mkdir -p\`, \`cp\`, \`mv\`, \`head\`, \`tail\`,
\`grep\`, \`wc\`, \`seq\`, \`wget\` (only info.cern.ch and example.com are on the "internet"),
\`> file\` and \`>> file\` on the container's files and on mounted volumes. A command the
image does not have prints \`sh: X: not found\` and exits 127. A container without a
terminal whose command is a bare shell, \`python\` or \`node\` exits at once (status 0),
so on its own it ends in CrashLoopBackOff, as on a real cluster.

The containers of one pod share one network: a second container binding a port that the
first holds fails with its program's own message (nginx: \`bind() to 0.0.0.0:80 failed
(98: Address already in use)\`).

## The demo web app: \`playground/web\`

Tags \`v1\`, \`v2\`, \`v3\` answer HTTP on 8080 with their version and the pod's name;
\`/healthz\` and \`/ready\` answer 200. The variant tags switch on one behaviour each by
setting an environment default, so the same switch works on any tag through \`env\` or a
ConfigMap:

| Variable | Tag | Effect |
|---|---|---|
| \`CRASH_AFTER\` | \`crash\` (5) | exits 1 after that many seconds → CrashLoopBackOff |
| \`START_DELAY\` | \`slow\` (20) | listens only after that many seconds → probes fail meanwhile |
| \`UNREADY\` | \`unready\` (true) | \`/ready\` answers 503 → never Ready, no endpoints |
| \`LEAK_MB_PER_S\` | \`leak\` (10) | memory grows that fast until the limit → OOMKilled, exit 137 |
| \`WORK_SECONDS\` | \`job\` (10) | prints progress, exits 0 after that many seconds → for Jobs |
| \`PORT\` | — (8080) | the HTTP port |

## The catalog
`;

export function renderImagesDoc(): string {
  const groups: [string, (s: ImageSpec) => boolean][] = [
    ['Web servers', (s) => /\/(nginx|httpd|nginx-slim)$/.test(s.repository)],
    ['Shells and base images', (s) => /\/(busybox|alpine|bash|ubuntu|debian)$/.test(s.repository)],
    ['Databases and languages', (s) => /\/(redis|postgres|python|node)$/.test(s.repository)],
    ['Demo and test servers', (s) => /playground\/web|agnhost|goproxy|hello-app|stress/.test(s.repository)],
    ['Kubernetes system images', () => true],
  ];
  const seen = new Set<ImageSpec>();
  let out = INTRO;
  for (const [title, match] of groups) {
    const specs = catalog().filter((s) => !seen.has(s) && match(s));
    for (const s of specs) seen.add(s);
    out += `\n### ${title}\n\n| Image | Tags | Size | Ports | What it does |\n|---|---|---|---|---|\n`;
    out += `${specs.map(row).join('\n')}\n`;
  }
  return out;
}

/**
 * kubectl run NAME --image=IMAGE (kubectl pkg/cmd/run/run.go with the run-pod/v1
 * generator): a Pod labelled run=NAME with one container named NAME.
 */
import { validateLabelKey, validateLabelValue } from '../api/labels';
import type { KubeObject } from '../api/types';
import { flagArray, flagBool, flagString } from './args';
import { type Invocation, namespaceOf } from './cmd';
import { api, KubectlError } from './errors';
import { parseOutput, printJsonPath, toJson, toYaml } from './output';

export function run(inv: Invocation): number {
  const { p, io } = inv;
  const image = flagString(p, 'image');
  // cobra's MarkFlagRequired("image")
  if (!image) throw new KubectlError('error: required flag(s) "image" not set');
  const name = p.args[0];
  if (!name || p.argsLenAtDash === 0)
    throw new KubectlError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  const restart = flagString(p, 'restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart))
    throw new KubectlError(`error: invalid restart policy: ${restart}`);
  if (flagBool(p, 'rm') || flagBool(p, 'attach') || flagBool(p, 'stdin') || flagBool(p, 'tty')) {
    throw new KubectlError(
      'error: --rm, --attach, -i and -t need an interactive session, which the playground does not have',
    );
  }
  const labels = parseLabels(flagString(p, 'labels'), name);
  const rest = p.argsLenAtDash >= 0 ? p.args.slice(p.argsLenAtDash) : p.args.slice(1);
  const container: Record<string, unknown> = { image, name };
  if (rest.length > 0) container[flagBool(p, 'command') ? 'command' : 'args'] = rest;
  const env = flagArray(p, 'env').map((e) => {
    const eq = e.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid env: ${e}`);
    return { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
  if (env.length > 0) container.env = env;
  const pullPolicy = flagString(p, 'image-pull-policy');
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  const port = flagString(p, 'port');
  if (port) {
    if (!/^\d+$/.test(port)) throw new KubectlError(`error: strconv.Atoi: parsing "${port}": invalid syntax`);
    container.ports = [{ containerPort: Number(port) }];
  }
  container.resources = {};
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels, name } as KubeObject['metadata'],
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
  const dryRun = flagString(p, 'dry-run');
  const output = flagString(p, 'output');
  if (dryRun === 'client' || dryRun === 'unchanged') {
    const fmt = parseOutput(output);
    if (fmt.kind === 'yaml') io.out(toYaml(pod));
    else if (fmt.kind === 'json') io.out(toJson(pod));
    else if (fmt.kind === 'jsonpath') io.out(printJsonPath(fmt.template, pod));
    else io.out(`pod/${name} created (dry run)\n`);
    return 0;
  }
  const ns = namespaceOf(inv);
  const input = { ...pod, metadata: { ...pod.metadata, namespace: ns } } as KubeObject;
  delete (input as { status?: unknown }).status;
  const { object, warnings } = api(() => inv.cluster.core.api.createWithWarnings(input));
  for (const w of warnings) io.err(`Warning: ${w}`);
  const fmt = parseOutput(output);
  if (fmt.kind === 'yaml') io.out(toYaml(object));
  else if (fmt.kind === 'json') io.out(toJson(object));
  else if (fmt.kind === 'name') io.out(`pod/${name}\n`);
  else io.out(`pod/${name} created\n`);
  return 0;
}

function parseLabels(spec: string | undefined, name: string): Record<string, string> {
  if (spec === undefined || spec === '') return { run: name };
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new KubectlError(`error: invalid label spec: ${part}`);
    const k = part.slice(0, eq);
    const v = part.slice(eq + 1);
    const err = validateLabelKey(k) ?? validateLabelValue(v);
    if (err) throw new KubectlError(`error: invalid label spec: ${part}: ${err}`);
    out[k] = v;
  }
  return out;
}

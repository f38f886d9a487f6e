/**
 * kubectl create <kind> NAME, the generator subcommands (kubectl pkg/cmd/create). Only
 * the kinds this cluster serves can be made; the namespace one is here now.
 */

import { lookupKind } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { flagString } from './args';
import type { Invocation } from './cmd';
import { createConfig, isConfigGenerator } from './create-config';
import { createWorkload, isWorkloadGenerator } from './create-workload';
import { dryRunOf } from './dryrun';
import { api, KubectlError } from './errors';
import { parseOutput, printJsonPath, toJson, toYaml } from './output';

const GENERATORS: Record<string, (name: string) => KubeObject> = {
  namespace: (name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name } as KubeObject['metadata'],
    spec: {},
    status: {},
  }),
};
const ALIASES: Record<string, string> = { ns: 'namespace' };

/** Known upstream subcommands, so their names get a clear "not yet" instead of nonsense. */
const UPSTREAM = [
  'clusterrole',
  'clusterrolebinding',
  'configmap',
  'cm',
  'cronjob',
  'cj',
  'deployment',
  'deploy',
  'ingress',
  'ing',
  'job',
  'poddisruptionbudget',
  'pdb',
  'priorityclass',
  'pc',
  'quota',
  'resourcequota',
  'role',
  'rolebinding',
  'secret',
  'service',
  'svc',
  'serviceaccount',
  'sa',
  'token',
];

export function isCreateSubcommand(word: string | undefined): boolean {
  return word !== undefined && (word in GENERATORS || word in ALIASES || UPSTREAM.includes(word));
}

export function createSubcommand(inv: Invocation): number {
  const { p, io } = inv;
  if (isWorkloadGenerator(p.args[0])) return createWorkload(inv, p.args[0]);
  if (isConfigGenerator(p.args[0])) return createConfig(inv, p.args[0]);
  const sub = ALIASES[p.args[0]] ?? p.args[0];
  const make = GENERATORS[sub];
  if (!make) {
    throw new KubectlError(`error: "kubectl create ${p.args[0]}" is not available in the playground yet`);
  }
  const name = p.args[1];
  if (!name)
    throw new KubectlError(
      `error: exactly one NAME is required, got 0\nSee 'kubectl create ${sub} -h' for help and examples`,
    );
  if (p.args.length > 2) {
    throw new KubectlError(
      `error: exactly one NAME is required, got ${p.args.length - 1}\nSee 'kubectl create ${sub} -h' for help and examples`,
    );
  }
  const obj = make(name);
  const dry = dryRunOf(p);
  const format = parseOutput(flagString(p, 'output'));
  const print = (o: KubeObject, verb: string) => {
    if (format.kind === 'yaml') io.out(toYaml(o));
    else if (format.kind === 'json') io.out(toJson(o));
    else if (format.kind === 'jsonpath') io.out(printJsonPath(format.template, o));
    else if (format.kind === 'name') io.out(`${sub}/${name}\n`);
    else io.out(`${lookupKind(o.kind)?.singular ?? sub}/${name} ${verb}\n`);
  };
  if (dry === 'client') {
    print(obj, 'created (dry run)');
    return 0;
  }
  const { status: _s, ...input } = obj;
  const { object, warnings } = api(() =>
    inv.cluster.core.api.createWithWarnings(input as KubeObject, { dryRun: dry === 'server' }),
  );
  for (const w of warnings) io.err(`Warning: ${w}`);
  print(object, dry === 'server' ? 'created (server dry run)' : 'created');
  return 0;
}

/** `kubectl`, `kubectl help` and the unknown-command error (cobra's wording). */
import { KubectlError } from './errors';

const COMMANDS: [string, string][] = [
  ['Basic Commands (Beginner):', ''],
  ['create', 'Create a resource from a file or from stdin'],
  ['run', 'Run a particular image on the cluster'],
  ['set', 'Set specific features on objects'],
  ['Basic Commands (Intermediate):', ''],
  ['get', 'Display one or many resources'],
  ['delete', 'Delete resources by file names, stdin, resources and names, or by resources and label selector'],
  ['Deploy Commands:', ''],
  ['rollout', 'Manage the rollout of a resource'],
  ['scale', 'Set a new size for a deployment, replica set, or replication controller'],
  ['Cluster Management Commands:', ''],
  ['cluster-info', 'Display cluster information'],
  ['cordon', 'Mark node as unschedulable'],
  ['uncordon', 'Mark node as schedulable'],
  ['drain', 'Drain node in preparation for maintenance'],
  ['Troubleshooting and Debugging Commands:', ''],
  ['describe', 'Show details of a specific resource or group of resources'],
  ['logs', 'Print the logs for a container in a pod'],
  ['exec', 'Execute a command in a container'],
  ['Advanced Commands:', ''],
  ['apply', 'Apply a configuration to a resource by file name or stdin'],
  ['Settings Commands:', ''],
  ['label', 'Update the labels on a resource'],
  ['annotate', 'Update the annotations on a resource'],
  ['Other Commands:', ''],
  ['api-resources', 'Print the supported API resources on the server'],
  ['version', 'Print the client and server version information'],
];

export function help(verb?: string): string {
  if (verb) {
    const row = COMMANDS.find(([c, d]) => c === verb && d !== '');
    const what = row ? row[1] : verb;
    return `${what}.\n\nUsage:\n  kubectl ${verb} [options]\n\nThe playground supports the common flags of real kubectl ${verb}; see https://kubernetes.io/docs/reference/kubectl/ for the full reference.\n`;
  }
  let out =
    'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n';
  for (const [c, d] of COMMANDS) {
    if (d === '') out += `\n${c}\n`;
    else out += `  ${c.padEnd(15)}${d}\n`;
  }
  out +=
    '\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n';
  return out;
}

/** cobra's suggestions: commands within Levenshtein distance 2, or that the word prefixes. */
export function unknownCommand(verb: string, known: string[]): KubectlError {
  const near = known.filter((k) => k.startsWith(verb.toLowerCase()) || distance(verb.toLowerCase(), k) <= 2);
  const hint = near.length > 0 ? `\n\nDid you mean this?\n${near.map((n) => `\t${n}`).join('\n')}\n` : '';
  return new KubectlError(`error: unknown command "${verb}" for "kubectl"${hint}`);
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/**
 * Runs the engine from a terminal, for people and scripts:
 *
 *   npm run sim -- -f public/examples/web.yaml --for 60s --kubectl "get pods -o wide"
 *
 * Steps run in the order given: `-f` applies a file (`-` reads stdin), `--for` advances
 * simulated time, `--kubectl` prints a command's output. A trailing `--for` is applied
 * before any `--kubectl` that follows it. Exit code: 1 when an apply or a kubectl
 * command failed, 2 for bad usage.
 */
import { readFileSync } from 'node:fs';
import { type Cluster, createCluster } from '../engine/index';

type Step = { kind: 'apply'; file: string } | { kind: 'advance'; ms: number } | { kind: 'kubectl'; line: string };

interface Options {
  seed: number;
  nodes: number;
  timings: 'real' | 'fast';
  steps: Step[];
}

const USAGE = `usage: npm run sim -- [--nodes N] [--seed N] [--timings real|fast]
                      [-f FILE|-]... [--for DURATION]... [--kubectl "LINE"]...
  DURATION: 90s, 5m, 1h30m, 250ms
  example:  npm run sim -- -f public/examples/web.yaml --for 60s --kubectl "get pods -o wide"`;

/** Go-style durations as kubectl and the API use them: 1h2m3s, 500ms. */
export function parseDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(text)) return undefined;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    ms += Number(n) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h'];
  }
  return Math.round(ms);
}

export function parseArgs(argv: string[]): Options | string {
  const o: Options = { seed: 1, nodes: 3, timings: 'real', steps: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const needs = ['-f', '--filename', '--for', '--kubectl', '--seed', '--nodes', '--timings'];
    if (needs.includes(flag) && value === undefined) return `${flag} needs a value`;
    switch (flag) {
      case '-f':
      case '--filename':
        o.steps.push({ kind: 'apply', file: value });
        i++;
        break;
      case '--for': {
        const ms = parseDuration(value);
        if (ms === undefined) return `--for: "${value}" is not a duration (try 30s, 5m, 1h)`;
        o.steps.push({ kind: 'advance', ms });
        i++;
        break;
      }
      case '--kubectl':
        o.steps.push({ kind: 'kubectl', line: value.replace(/^kubectl\s+/, '') });
        i++;
        break;
      case '--seed':
      case '--nodes': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0 || n > 5000) return `${flag}: "${value}" is not a whole number up to 5000`;
        if (flag === '--seed') o.seed = n;
        else o.nodes = n;
        i++;
        break;
      }
      case '--timings':
        if (value !== 'real' && value !== 'fast') return `--timings: "${value}" is not real or fast`;
        o.timings = value;
        i++;
        break;
      case '-h':
      case '--help':
        return '';
      default:
        return `unknown argument "${flag}"`;
    }
  }
  return o;
}

function runStep(cluster: Cluster, step: Step, out: (s: string) => void, err: (s: string) => void): boolean {
  if (step.kind === 'advance') {
    cluster.advance(step.ms);
    return true;
  }
  if (step.kind === 'kubectl') {
    const r = cluster.kubectl(step.line);
    out(r.stdout);
    err(r.stderr);
    return r.exitCode === 0;
  }
  let text: string;
  try {
    text = readFileSync(step.file === '-' ? 0 : step.file, 'utf8');
  } catch {
    err(`error: the path "${step.file}" does not exist\n`);
    return false;
  }
  const r = cluster.kubectl('apply -f -', text);
  out(r.stdout);
  err(r.stderr);
  return r.exitCode === 0;
}

export function main(argv: string[]): number {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    if (parsed) process.stderr.write(`error: ${parsed}\n`);
    process.stderr.write(`${USAGE}\n`);
    return parsed ? 2 : 0;
  }
  const cluster = createCluster({ seed: parsed.seed, nodes: parsed.nodes, timings: parsed.timings });
  let ok = true;
  for (const step of parsed.steps) {
    if (step.kind === 'kubectl' && parsed.steps.length > 1) process.stdout.write(`$ kubectl ${step.line}\n`);
    ok =
      runStep(
        cluster,
        step,
        (s) => process.stdout.write(s),
        (s) => process.stderr.write(s),
      ) && ok;
  }
  return ok ? 0 : 1;
}

const invokedDirectly = process.argv[1]?.endsWith('sim.ts') || process.argv[1]?.endsWith('sim.js');
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));

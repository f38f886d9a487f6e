/**
 * The stress images of the resource tutorials. vish/stress burns -cpus N cores (the
 * CPU limit throttles it); polinux/stress's --vm-bytes holds memory, and a container
 * whose limit is lower is OOM-killed at once (exit 137), as the memory page shows.
 */
import { line, type ProgramDef } from './types';

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  K: 1024,
  M: 1024 ** 2,
  G: 1024 ** 3,
};

function bytes(v: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)([bkmgKMG]?)/.exec(v ?? '');
  return m ? Number(m[1]) * UNITS[m[2]] : 256 * 1024 ** 2;
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export const vishStress: ProgramDef = {
  names: ['/stress'],
  plan(c) {
    const cpus = Number(arg(c.argv, '-cpus') ?? 0);
    const mem = arg(c.argv, '-mem-total');
    const t = c.startedAt;
    return {
      events: [
        line(
          t,
          `I0101 09:00:00.000000       1 main.go:26] Allocating "${mem ?? '0'}" memory, in "${arg(c.argv, '-mem-alloc-size') ?? '4Ki'}" chunks, with a ${arg(c.argv, '-mem-alloc-sleep') ?? '1ms'} sleep between allocations`,
          'stderr',
        ),
        line(t, `I0101 09:00:00.000000       1 main.go:39] Spawning a thread to consume CPU`, 'stderr'),
      ],
      cpuMilli: Math.max(1, cpus * 1000),
      memory: () => (mem ? bytes(mem) : 2 * 1024 ** 2),
      bindFailure: () => [],
    };
  },
};

export const stress: ProgramDef = {
  names: ['stress', '/usr/local/bin/stress', '/usr/bin/stress'],
  plan(c) {
    const t = c.startedAt;
    const vm = Number(arg(c.argv, '--vm') ?? 0);
    const cpu = Number(arg(c.argv, '--cpu') ?? 0);
    if (c.argv.includes('--help') || (vm === 0 && cpu === 0)) {
      return {
        events: [
          line(t, "`stress' imposes certain types of compute stress on your system"),
          line(t, 'Usage: stress [OPTION [ARG]] ...'),
          { at: t, kind: 'exit', code: 1 },
        ],
        bindFailure: () => [],
      };
    }
    const held = vm * bytes(arg(c.argv, '--vm-bytes'));
    return {
      events: [line(t, `stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd`)],
      cpuMilli: Math.max(1, (cpu + vm) * 1000),
      // the hog touches its pages within a few tens of milliseconds
      memory: (now) => (now - t >= 50 ? held : (held * Math.max(0, now - t)) / 50) + 1024 ** 2,
      bindFailure: () => [],
    };
  },
};

/** What a command sees while it runs: its arguments' world (files, env, streams). */
import { EPOCH_MS } from '../../../sim/clock';
import type { FsView } from '../fs';
import type { PodNetwork } from '../types';

/** busybox = busybox and alpine (ash + applets); gnu = debian/ubuntu (dash + coreutils). */
export type Flavor = 'busybox' | 'gnu';

export interface Io {
  fs: FsView;
  cwd: string;
  setCwd(dir: string): void;
  /** the exported environment as `env` prints it, in order */
  environ(): [string, string][];
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  unset(name: string): void;
  exportVar(name: string): void;
  stdin: string;
  out(text: string): void;
  err(text: string): void;
  /** virtual time of the command (sim ms) */
  now: number;
  flavor: Flavor;
  /** the image's program version (BusyBox v1.28.4): old busybox tools print differently */
  version?: string;
  /** the shell running the command: bash's echo differs from dash's and ash's */
  shell: 'sh' | 'bash';
  hostname: string;
  /** executables of the image ($PATH basenames and absolute paths) */
  hasTool(name: string): boolean;
  setTrap(signal: string, action: string | undefined): void;
  /** runs a script in this shell (eval, sh -c inside a script) and returns its status */
  evalScript(src: string, args: string[]): number;
  /** the pod network, when the kubelet provides one */
  net?: PodNetwork;
  /** the container's processes for ps: PID 1 first */
  procs(): string[];
  /** `kill 1`: a signal to the container's main process (PID 1 gets only those it handles) */
  signalMain?(signal: string): void;
}

export interface CmdResult {
  code: number;
  /** block for this long (ms); -1 = forever */
  sleepMs?: number;
  /** the shell itself ends with `code` */
  exit?: boolean;
  /** replace the shell with this program (exec, or a server started from a script) */
  exec?: string[];
  /** `wait`: block until the background jobs end */
  waitBg?: boolean;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number, w = 2, c = '0'): string {
  return String(n).padStart(w, c);
}

/** date(1) in UTC (containers have no TZ): the default format is "%a %b %e %H:%M:%S %Z %Y". */
export function formatDate(simMs: number, format = '%a %b %e %H:%M:%S %Z %Y'): string {
  const d = new Date(EPOCH_MS + simMs);
  return format.replace(/%([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case 'a':
        return DAYS[d.getUTCDay()];
      case 'b':
      case 'h':
        return MONTHS[d.getUTCMonth()];
      case 'd':
        return pad(d.getUTCDate());
      case 'e':
        return pad(d.getUTCDate(), 2, ' ');
      case 'H':
        return pad(d.getUTCHours());
      case 'M':
        return pad(d.getUTCMinutes());
      case 'S':
        return pad(d.getUTCSeconds());
      case 'N':
        return pad(d.getUTCMilliseconds() * 1000000, 9);
      case 'Y':
        return String(d.getUTCFullYear());
      case 'y':
        return pad(d.getUTCFullYear() % 100);
      case 'm':
        return pad(d.getUTCMonth() + 1);
      case 'j':
        return pad(Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1, 3);
      case 's':
        return String(Math.floor(d.getTime() / 1000));
      case 'Z':
        return 'UTC';
      case 'z':
        return '+0000';
      case 'T':
        return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      case 'R':
        return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
      case 'F':
        return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      case 'D':
        return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`;
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case '%':
        return '%';
    }
    return m;
  });
}

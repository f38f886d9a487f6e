/** Every simulated program, found by the executable that starts it. */
import { agnhost, daemon, goproxy, helloApp, pause } from './kubernetes';
import { node, python } from './lang';
import { nginx } from './nginx';
import { httpd, pgIsReady, postgres, redis, redisCli } from './servers';
import { stress, vishStress } from './stress';
import type { ProgramDef } from './types';
import { web } from './web';

const PROGRAMS: Record<string, ProgramDef> = {
  nginx,
  httpd,
  redis,
  redisCli,
  postgres,
  pgIsReady,
  agnhost,
  goproxy,
  helloApp,
  pause,
  daemon,
  web,
  vishStress,
  stress,
  python,
  node,
};

const BY_NAME = new Map<string, string>();
for (const [key, def] of Object.entries(PROGRAMS)) for (const n of def.names) BY_NAME.set(n, key);

/** The program key for an executable as written in argv (basename or absolute path). */
export function programKey(argv0: string): string | undefined {
  return BY_NAME.get(argv0) ?? BY_NAME.get(argv0.slice(argv0.lastIndexOf('/') + 1));
}

export function programDef(key: string): ProgramDef | undefined {
  return PROGRAMS[key];
}

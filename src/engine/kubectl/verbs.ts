/** The verbs this kubectl knows, by name; index.ts dispatches through this table. */

import { apply, create } from './apply';
import type { Verb } from './cmd';
import { apiVersions, config } from './config';
import { cordon, uncordon } from './cordon';
import { del } from './delete';
import { describe } from './describe';
import { drain } from './drain';
import { events } from './events';
import { exec } from './exec';
import { expose } from './expose';
import { get } from './get';
import { apiResources, clusterInfo, version } from './info';
import { annotate, label } from './label';
import { logs } from './logs';
import { rollout } from './rollout';
import { run } from './run';
import { scale } from './scale';
import { set } from './set';
import { taint } from './taint';
import { UNSUPPORTED } from './unsupported';

export const VERBS: Record<string, Verb> = {
  ...UNSUPPORTED,
  get,
  describe,
  apply,
  create,
  delete: del,
  logs,
  exec,
  cordon,
  uncordon,
  drain,
  version,
  'api-resources': apiResources,
  'api-versions': apiVersions,
  config,
  'cluster-info': clusterInfo,
  run,
  label,
  annotate,
  taint,
  events,
  scale,
  rollout,
  set,
  expose,
};

/**
 * kubectl set image TYPE NAME CONTAINER=IMAGE ... (kubectl pkg/cmd/set/set_image.go):
 * changes container images in a pod template (or a bare Pod), init containers
 * included; `*` means every container. An unchanged object is skipped silently, a
 * container name that matches nothing is an error for that pair only.
 */
import type { Container, KubeObject } from '../api/types';
import { flagBool, flagString, hasFlag } from './args';
import type { Invocation } from './cmd';
import { dryRunOf, dryRunSuffix } from './dryrun';
import { KubectlError } from './errors';
import {
  finish,
  hasFilename,
  NO_RESOURCES,
  podSpecOf,
  printResult,
  recordChangeCause,
  resolveTargets,
  updateWrapped,
} from './workload-targets';

/** cmdutil.GetResourcesAndPairs + ParsePairs: resources first, then NAME=IMAGE pairs. */
export function splitImageArgs(args: string[]): { resources: string[]; images: [string, string][] } {
  const resources: string[] = [];
  const images: [string, string][] = [];
  for (const a of args) {
    if (a.includes('=')) {
      const eq = a.indexOf('=');
      if (eq === 0 || eq === a.length - 1) throw new KubectlError(`error: invalid image ${a}`);
      images.push([a.slice(0, eq), a.slice(eq + 1)]);
      continue;
    }
    if (images.length > 0) throw new KubectlError(`error: all resources must be specified before image changes: ${a}`);
    resources.push(a);
  }
  return { resources, images };
}

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      c.image = image;
      found = true;
    }
  }
  return found;
}

export function setImageCommand(inv: Invocation, args: string[]): number {
  const { p } = inv;
  const { resources, images } = splitImageArgs(args);
  const all = hasFlag(p, 'all') && flagBool(p, 'all');
  if (resources.length === 0 && !hasFilename(inv)) throw new KubectlError(NO_RESOURCES);
  // SetImageOptions.Validate, an Aggregate: one message alone, several in brackets.
  const problems: string[] = [];
  if (all && flagString(p, 'selector')) problems.push('cannot set --all and --selector at the same time');
  if (images.length === 0) problems.push('at least one image update is required');
  else if (images.length > 1 && images.some(([n]) => n === '*')) {
    problems.push(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  }
  if (problems.length === 1) throw new KubectlError(`error: ${problems[0]}`);
  if (problems.length > 1) throw new KubectlError(`error: [${problems.join(', ')}]`);
  const dry = dryRunOf(p);
  const { targets, errors } = resolveTargets(inv, resources, false);
  for (const t of targets) {
    const before = JSON.stringify(t.obj);
    const spec = podSpecOf(t.obj);
    if (!spec) {
      errors.push(
        `error: ${t.info.plural}/${t.obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${t.obj.kind}\n`,
      );
      continue;
    }
    for (const [name, image] of images) {
      const inInit = setImage(spec.initContainers, name, image);
      const inMain = setImage(spec.containers, name, image);
      if (!inInit && !inMain) errors.push(`error: unable to find container named "${name}"`);
    }
    if (JSON.stringify(t.obj) === before) continue;
    recordChangeCause(inv, 'set image', args, t.obj);
    let result: KubeObject = t.obj;
    if (dry !== 'client') {
      try {
        result = updateWrapped(inv, t.obj, 'failed to patch image update to pod template', dry === 'server');
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        errors.push(e.text);
        continue;
      }
    }
    printResult(inv, t, result, `image updated${dryRunSuffix(dry)}`);
  }
  return finish(inv, errors);
}

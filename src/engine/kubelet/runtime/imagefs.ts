/** The read-only image layer of a container's filesystem, built once per image. */
import { baseFiles } from '../../images/base';
import type { ImageSpec } from '../../images/spec';

const MEMO = new WeakMap<ImageSpec, Record<string, string>>();

export function imageFileMap(spec: ImageSpec): Record<string, string> {
  let files = MEMO.get(spec);
  if (!files) {
    files = { ...baseFiles(spec.os), ...(spec.files ?? {}) };
    if (spec.workingDir && spec.workingDir !== '/') files[`${spec.workingDir.replace(/\/$/, '')}/`] ??= '';
    MEMO.set(spec, files);
  }
  return files;
}

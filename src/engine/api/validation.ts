/**
 * Validation with the API server's own messages. Returns field errors; the API
 * turns them into `The Pod "x" is invalid: ...`.
 */
import type { FieldError } from './errors';
import type { KubeObject } from './types';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function validateObject(obj: KubeObject, _old?: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  const name = obj.metadata?.name;
  if (!name) {
    errors.push({ field: 'metadata.name', type: 'Required value', detail: 'name or generateName is required' });
  } else if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    errors.push({
      field: 'metadata.name',
      type: 'Invalid value',
      value: name,
      detail:
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    });
  }
  if (obj.kind === 'Pod') {
    const containers = obj.spec?.containers;
    if (!Array.isArray(containers) || containers.length === 0) {
      errors.push({ field: 'spec.containers', type: 'Required value' });
    }
  }
  return errors;
}

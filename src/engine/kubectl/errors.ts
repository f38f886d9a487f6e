/**
 * How kubectl reports failures (cmdutil.CheckErr): API status errors as
 * `Error from server (Reason): message`, invalid objects as `The Pod "x" is invalid: ...`,
 * client-side problems as `error: ...`. Exit code 1 unless a command says otherwise.
 */
import { ApiError, type StatusReason } from '../api/errors';

/** A failure whose text is printed to stderr as is. */
export class KubectlError extends Error {
  constructor(
    readonly text: string,
    readonly exitCode = 1,
  ) {
    super(text);
    this.name = 'KubectlError';
  }
}

/** `error: <message>` */
export function fail(message: string): KubectlError {
  return new KubectlError(`error: ${message}`);
}

/** The text kubectl prints for an API error (StandardErrorMessage / the Invalid special case). */
export function apiErrorText(reason: StatusReason | string, message: string): string {
  if (reason === 'Invalid') return invalidText(message);
  return `Error from server (${reason}): ${message}`;
}

/**
 * Invalid errors print their causes: one on the same line, several as a bulleted
 * list under the heading (cmdutil.MultilineError).
 */
function invalidText(message: string): string {
  const m = /^(.*? is invalid: )\[(.*)\]$/s.exec(message);
  if (!m) return message;
  const causes = splitCauses(m[2]);
  if (causes.length <= 1) return `${m[1]}${causes[0] ?? ''}`;
  return `${m[1]}\n${causes.map((c) => `* ${c}`).join('\n')}`;
}

/** Splits "a: x, b: y" at the commas that start a new field path. */
function splitCauses(body: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"' && body[i - 1] !== '\\') quoted = !quoted;
    if (!quoted && (c === '[' || c === '{')) depth++;
    if (!quoted && (c === ']' || c === '}')) depth--;
    if (
      !quoted &&
      depth === 0 &&
      c === ',' &&
      body[i + 1] === ' ' &&
      /^ [a-zA-Z][\w.[\]-]*: /.test(body.slice(i + 1))
    ) {
      parts.push(cur);
      cur = '';
      i++;
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

/** Turns an engine error into kubectl's text; `source` adds `error when creating "STDIN": `. */
export function fromApiError(e: ApiError, verbing?: string, source?: string): KubectlError {
  const message =
    source && verbing && e.reason !== 'Invalid' ? `error when ${verbing} "${source}": ${e.message}` : e.message;
  return new KubectlError(apiErrorText(e.reason, message));
}

/** Runs an API call, rethrowing its ApiError the way kubectl prints it. */
export function api<T>(fn: () => T, verbing?: string, source?: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiError) throw fromApiError(e, verbing, source);
    throw e;
  }
}

/**
 * The reason behind an engine message that arrived as plain text (ApplyResult errors
 * carry no reason); the shapes are the API server's own.
 */
export function reasonOf(message: string): StatusReason | undefined {
  if (/ is invalid: /.test(message)) return 'Invalid';
  if (/ not found$/.test(message)) return 'NotFound';
  if (/ already exists$/.test(message)) return 'AlreadyExists';
  if (/ is forbidden: /.test(message)) return 'Forbidden';
  if (/the object has been modified/.test(message)) return 'Conflict';
  return undefined;
}

/**
 * API errors shaped like the API server's StatusError, so kubectl can print them
 * the way real kubectl does.
 */

export type StatusReason = 'Invalid' | 'NotFound' | 'AlreadyExists' | 'Forbidden' | 'BadRequest' | 'Conflict';

export interface FieldError {
  /** e.g. spec.containers[0].image */
  field: string;
  type:
    | 'Required value'
    | 'Invalid value'
    | 'Unsupported value'
    | 'Duplicate value'
    | 'Forbidden'
    | 'Too long'
    | 'Too many'
    | 'Not found';
  /** the offending value, rendered as the API server does */
  value?: unknown;
  detail?: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly reason: StatusReason,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Renders one field error like apimachinery's field.Error.Error(). */
export function formatFieldError(e: FieldError): string {
  let s = `${e.field}: ${e.type}`;
  // field.Error.ErrorBody: Required, Forbidden and Too long never print the bad value.
  const quiet = e.type === 'Required value' || e.type === 'Forbidden' || e.type === 'Too long';
  if (!quiet && (e.value !== undefined || e.type !== 'Too many')) s += `: ${renderValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function renderValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'null';
  return JSON.stringify(v);
}

/** `The Pod "x" is invalid: <errors joined by ", ">` (a list in brackets when there are several). */
export function invalidError(kind: string, name: string, errors: FieldError[]): ApiError {
  const parts = errors.map(formatFieldError);
  const body = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return new ApiError(`The ${kind} "${name}" is invalid: ${body}`, 'Invalid', errors);
}

export function notFound(plural: string, name: string): ApiError {
  return new ApiError(`${plural} "${name}" not found`, 'NotFound');
}

export function alreadyExists(plural: string, name: string): ApiError {
  return new ApiError(`${plural} "${name}" already exists`, 'AlreadyExists');
}

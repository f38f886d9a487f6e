/**
 * batch/v1 CronJob validation, after pkg/apis/batch/validation/validation.go
 * (ValidateCronJobCreate / ValidateCronJobUpdate): ObjectMeta with the
 * ReplicationController name rule, a name short enough for the Jobs it names, a
 * schedule cron.ParseStandard accepts and that carries no TZ, a known time zone, the
 * concurrency policy, non-negative limits, and the job template's spec as a Job's.
 */
import { loadLocation, parseStandard } from '../../controllers/cronjob-schedule';
import { type ErrorList, invalid, isRecord, notSupported, Path, required } from './field';
import { validateJobSpecFields } from './job';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta';

/** DNS1035LabelMaxLength minus the 11 characters of `-<minutes since epoch>`. */
export const MAX_CRONJOB_NAME_LENGTH = 52;

/**
 * The characters allowed in one part of a zone name (IANA theory.html naming rules,
 * with digits and + tolerated for the legacy names).
 */
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

export function validateCronJob(cj: Record<string, any>, old?: Record<string, any>): ErrorList {
  const meta = isRecord(cj.metadata) ? cj.metadata : {};
  const errs: ErrorList = [];
  if (!old) errs.push(...validateObjectMeta(meta, true, 'subdomain', Path.root('metadata')));
  else errs.push(...validateObjectMetaUpdate(meta, isRecord(old.metadata) ? old.metadata : {}, Path.root('metadata')));
  const spec = isRecord(cj.spec) ? cj.spec : {};
  const oldSpec = old && isRecord(old.spec) ? old.spec : undefined;
  errs.push(...validateCronJobSpec(spec, oldSpec, Path.root('spec')));
  // The controller appends an 11-character suffix to make the Job name (at most 63).
  if (!old && typeof meta.name === 'string' && meta.name.length > MAX_CRONJOB_NAME_LENGTH) {
    errs.push(
      invalid(
        Path.root('metadata').child('name'),
        meta.name,
        `must be no more than ${MAX_CRONJOB_NAME_LENGTH} characters`,
      ),
    );
  }
  return errs;
}

function validateCronJobSpec(
  spec: Record<string, any>,
  oldSpec: Record<string, any> | undefined,
  path: Path,
): ErrorList {
  const errs: ErrorList = [];
  const schedule = typeof spec.schedule === 'string' ? spec.schedule : '';
  if (schedule === '') errs.push(required(path.child('schedule'), ''));
  else {
    // An object that already had a TZ in its schedule may keep it (it predates the rule).
    const allowTZ = typeof oldSpec?.schedule === 'string' && oldSpec.schedule.includes('TZ');
    errs.push(...validateScheduleFormat(schedule, allowTZ, spec.timeZone, path.child('schedule')));
  }
  errs.push(...nonNegative(spec.startingDeadlineSeconds, path.child('startingDeadlineSeconds')));
  if (!oldSpec || oldSpec.timeZone !== spec.timeZone)
    errs.push(...validateTimeZone(spec.timeZone, path.child('timeZone')));
  errs.push(...validateConcurrencyPolicy(spec.concurrencyPolicy, path.child('concurrencyPolicy')));
  errs.push(...validateJobTemplateSpec(spec.jobTemplate, path.child('jobTemplate')));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, path.child('successfulJobsHistoryLimit')));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, path.child('failedJobsHistoryLimit')));
  return errs;
}

function nonNegative(v: unknown, path: Path): ErrorList {
  return typeof v === 'number' && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
}

function validateScheduleFormat(schedule: string, allowTZ: boolean, timeZone: unknown, path: Path): ErrorList {
  const errs: ErrorList = [];
  const parsed = parseStandard(schedule);
  if (!parsed.ok) errs.push(invalid(path, schedule, parsed.error));
  if (allowTZ && schedule.includes('TZ') && timeZone != null) {
    errs.push(invalid(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZ && schedule.includes('TZ')) {
    errs.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

function validateTimeZone(timeZone: unknown, path: Path): ErrorList {
  if (timeZone == null) return [];
  const tz = String(timeZone);
  if (tz === '') return [invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) {
      return [invalid(path, tz, `unknown time zone ${tz}`)];
    }
  }
  const errs: ErrorList = [];
  if (tz.toLowerCase() === 'local') {
    errs.push(
      invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'),
    );
  }
  const loc = loadLocation(tz);
  if (!loc.ok) errs.push(invalid(path, tz, loc.error));
  return errs;
}

function validateConcurrencyPolicy(policy: unknown, path: Path): ErrorList {
  if (policy === 'Allow' || policy === 'Forbid' || policy === 'Replace') return [];
  if (policy == null || policy === '') return [required(path, '')];
  return [notSupported(path, policy, ['Allow', 'Forbid', 'Replace'])];
}

/** ValidateJobTemplateSpec: the Job spec rules; the selector is always generated. */
function validateJobTemplateSpec(template: unknown, path: Path): ErrorList {
  const t = isRecord(template) ? template : {};
  const spec = isRecord(t.spec) ? t.spec : {};
  const errs = validateJobSpecFields(spec, path.child('spec'));
  if (spec.selector != null) {
    errs.push(invalid(path.child('spec', 'selector'), spec.selector, '`selector` will be auto-generated'));
  }
  if (spec.manualSelector === true) {
    errs.push(notSupported(path.child('spec', 'manualSelector'), true, ['nil', 'false']));
  }
  return errs;
}

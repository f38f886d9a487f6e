import { type ChangeEvent, useRef } from 'react';
import { downloadBlob, exportScenario } from '../actions/exportScenario';
import { importScenario } from '../actions/importScenario';
import { shareScenario } from '../actions/shareScenario';
import { useLocaleStore } from '../i18n/locale';
import { type Translate, useMessages } from '../i18n/messages';
import { type Notice, showNotice, usePersistStore } from '../persist/persistStore';
import { catalog } from './ScenarioMenu.messages';
import './ScenarioMenu.css';

type T = Translate<keyof (typeof catalog)['en']>;

/** Share, Export and Import, the autosave status, and the notice of the last of them. */
export function ScenarioMenu() {
  const t = useMessages(catalog);
  const locale = useLocaleStore((s) => s.locale);
  const savedAt = usePersistStore((s) => s.savedAt);
  const holding = usePersistStore((s) => s.holdingAutosave);
  const notice = usePersistStore((s) => s.notice);
  const file = useRef<HTMLInputElement>(null);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    e.target.value = ''; // the same file may be picked again
    if (chosen) void importScenario(chosen);
  };

  return (
    <fieldset className="scenario-menu">
      <legend className="visually-hidden">{t('menuLabel')}</legend>
      <button type="button" onClick={() => void shareScenario()} title={t('shareTitle')} data-testid="share-scenario">
        <span aria-hidden="true">↗</span> {t('share')}
      </button>
      <button type="button" onClick={() => void exportScenario()} title={t('exportTitle')}>
        <span aria-hidden="true">⤓</span> {t('export')}
      </button>
      <button type="button" onClick={() => file.current?.click()} title={t('importTitle')}>
        <span aria-hidden="true">⤒</span> {t('import')}
      </button>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={onFile}
        data-testid="import-file"
      />
      <span
        className="scenario-saved"
        data-testid="autosave-status"
        data-saved={savedAt ? 'true' : 'false'}
        data-saved-at={savedAt ?? ''}
      >
        {holding
          ? t('holding')
          : savedAt
            ? t('savedAt', { time: new Date(savedAt).toLocaleTimeString(locale) })
            : t('notSaved')}
      </span>
      {notice && <ScenarioNotice notice={notice} t={t} />}
    </fieldset>
  );
}

const ERRORS = new Set<Notice['kind']>(['shareFailed', 'exportFailed', 'importFailed', 'badShareLink', 'brokenSave']);

function ScenarioNotice({ notice, t }: { notice: Notice; t: T }) {
  const error = ERRORS.has(notice.kind);
  const reason = reasonText(notice, t);
  const size = notice.bytes !== undefined ? formatSize(notice.bytes) : '';
  let text: string;
  switch (notice.kind) {
    case 'shared':
      text = notice.copied ? t('linkCopied', { size }) : t('linkNotCopied', { size });
      break;
    case 'exported':
    case 'imported':
      text = t(notice.kind, { name: notice.detail ?? '' });
      break;
    case 'openedShared':
      text = t('openedShared');
      break;
    default:
      text = t(notice.kind, { reason });
  }
  return (
    <div
      className={`scenario-notice ${error ? 'is-error' : 'is-info'}`}
      role={error ? 'alert' : 'status'}
      data-testid="scenario-notice"
      data-kind={notice.kind}
    >
      <p>
        <span aria-hidden="true">{error ? '⚠' : '✓'}</span> {text}
      </p>
      {notice.kind === 'shared' && notice.link && (
        <input
          className="scenario-link"
          readOnly
          value={notice.link}
          aria-label={t('linkLabel')}
          data-testid="share-link"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <div className="scenario-notice-actions">
        {notice.brokenSave !== undefined && (
          <button
            type="button"
            onClick={() =>
              downloadBlob(
                new Blob([notice.brokenSave ?? ''], { type: 'application/json' }),
                'broken-save.kube-playground.json',
              )
            }
          >
            {t('downloadBroken')}
          </button>
        )}
        <button type="button" className="link" onClick={() => showNotice(null)}>
          {t('dismiss')}
        </button>
      </div>
    </div>
  );
}

/** The learner-facing reason: our own words for known problems, the detail otherwise. */
function reasonText(notice: Notice, t: T): string {
  const detail = notice.detail ?? '';
  switch (notice.problem) {
    case 'tooLong':
    case 'notBase64':
    case 'notCompressed':
    case 'tooBig':
    case 'notText':
    case 'notJson':
      return t(notice.problem);
  }
  if (detail.startsWith('not a Kube Playground scenario')) return t('notScenario');
  if (detail.startsWith('made by a newer version')) return t('newerVersion');
  if (detail.startsWith('snapshot is damaged: ')) return t('damaged', { detail: detail.slice(21) });
  return detail;
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

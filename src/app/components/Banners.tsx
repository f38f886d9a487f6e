import { useMessages } from '../i18n/messages';
import { setEngineError, useClusterStore } from '../state/clusterStore';
import { bannerMessages } from './Banners.messages';

/** Worker trouble and engine errors, announced to screen readers as alerts. */
export function Banners() {
  const t = useMessages(bannerMessages);
  const workerProblem = useClusterStore((s) => s.workerProblem);
  const engineError = useClusterStore((s) => s.engineError);
  return (
    <>
      {workerProblem && (
        <div className="banner banner-error" role="alert" data-testid="worker-banner">
          <span aria-hidden="true">⚠</span> {workerProblem}
        </div>
      )}
      {engineError && (
        <div className="banner banner-warning" role="alert" data-testid="engine-error">
          <span aria-hidden="true">⚠</span> {t('engineError', { message: engineError })}
          <button type="button" className="link" onClick={() => setEngineError(null)}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </>
  );
}

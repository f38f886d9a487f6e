import { setEngineError, useClusterStore } from '../state/clusterStore';

/** Worker trouble and engine errors, announced to screen readers as alerts. */
export function Banners() {
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
          <span aria-hidden="true">⚠</span> Engine error: {engineError}
          <button type="button" className="link" onClick={() => setEngineError(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}

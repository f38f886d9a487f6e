import { SPEEDS } from '../../protocol/messages';
import { resetCluster } from '../actions/resetCluster';
import { setSpeed } from '../actions/setSpeed';
import { step } from '../actions/step';
import { togglePlay } from '../actions/togglePlay';
import { formatSimTime, formatSpeed } from '../format';
import { useMessages } from '../i18n/messages';
import { useClusterStore } from '../state/clusterStore';
import { PreferenceControls } from '../theme/PreferenceControls';
import { headerMessages } from './Header.messages';
import { ScenarioMenu } from './ScenarioMenu';

const STEP_MS = 10_000;

export function Header() {
  const t = useMessages(headerMessages);
  const running = useClusterStore((s) => s.clock.running);
  const speed = useClusterStore((s) => s.clock.speed);
  const now = useClusterStore((s) => s.clock.now);
  return (
    <header className="app-header">
      <h1 className="brand">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={28} height={28} />
        Kube Playground
      </h1>
      <fieldset className="controls">
        <legend className="visually-hidden">{t('simulationControls')}</legend>
        <button type="button" className="primary" onClick={togglePlay} aria-label={running ? t('pause') : t('play')}>
          <span aria-hidden="true">{running ? '❚❚' : '▶'}</span> {running ? t('pause') : t('play')}
        </button>
        <button type="button" onClick={() => step(STEP_MS)} title={t('stepTitle')}>
          +10s
        </button>
        <label className="speed">
          {t('speed')}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((x) => (
              <option key={x} value={x}>
                {formatSpeed(x)}
              </option>
            ))}
          </select>
        </label>
        <output className="sim-clock" data-testid="sim-clock" title={t('clockTitle')}>
          t = {formatSimTime(now)}
        </output>
        <button type="button" onClick={() => resetCluster()} title={t('resetTitle')}>
          {t('reset')}
        </button>
      </fieldset>
      <ScenarioMenu />
      <PreferenceControls />
    </header>
  );
}

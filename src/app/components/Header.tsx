import { SPEEDS } from '../../protocol/messages';
import { resetCluster } from '../actions/resetCluster';
import { setSpeed } from '../actions/setSpeed';
import { step } from '../actions/step';
import { togglePlay } from '../actions/togglePlay';
import { formatSimTime, formatSpeed } from '../format';
import { useClusterStore } from '../state/clusterStore';
import { PreferenceControls } from '../theme/PreferenceControls';
import { ScenarioMenu } from './ScenarioMenu';

const STEP_MS = 10_000;

export function Header() {
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
        <legend className="visually-hidden">Simulation controls</legend>
        <button type="button" className="primary" onClick={togglePlay} aria-label={running ? 'Pause' : 'Play'}>
          <span aria-hidden="true">{running ? '❚❚' : '▶'}</span> {running ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => step(STEP_MS)} title="Run 10 simulated seconds at once">
          +10s
        </button>
        <label className="speed">
          Speed
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((x) => (
              <option key={x} value={x}>
                {formatSpeed(x)}
              </option>
            ))}
          </select>
        </label>
        <output className="sim-clock" data-testid="sim-clock" title="Simulated time since the cluster started">
          t = {formatSimTime(now)}
        </output>
        <button type="button" onClick={() => resetCluster()} title="Start over with a fresh cluster">
          Reset
        </button>
      </fieldset>
      <ScenarioMenu />
      <PreferenceControls />
    </header>
  );
}

import { humanDuration } from '../format';
import { useClusterStore } from '../state/clusterStore';

/** The cluster's recent events, newest first, like `kubectl get events` turned upside down. */
export function EventsList() {
  const events = useClusterStore((s) => s.events);
  const now = useClusterStore((s) => s.clock.now);
  return (
    <section className="panel events" aria-labelledby="events-title">
      <div className="panel-head">
        <h2 id="events-title">Events</h2>
        <span className="hint">newest first</span>
      </div>
      {events.length === 0 ? (
        <p className="empty">No events yet.</p>
      ) : (
        <ol className="event-list">
          {[...events].reverse().map((e, i) => (
            <li
              key={`${e.at}-${e.object}-${e.reason}-${i}`}
              className={e.type === 'Warning' ? 'event warning' : 'event'}
              data-kind="Event"
              data-type={e.type}
            >
              <span className="ev-age" title="last seen">
                {humanDuration(now - e.at)}
              </span>
              <span className="ev-type">
                {e.type === 'Warning' ? (
                  <>
                    <span aria-hidden="true">▲</span> Warning
                  </>
                ) : (
                  'Normal'
                )}
              </span>
              <span className="ev-reason">{e.reason}</span>
              <span className="ev-object">{e.object}</span>
              <span className="ev-message">
                {e.message}
                {e.count > 1 && <span className="ev-count"> (×{e.count})</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

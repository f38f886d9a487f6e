import type { InspectRef } from '../../protocol/messages';
import { useMessages } from '../i18n/messages';
import { select } from '../state/selectionStore';
import { catalog } from './Inspector.messages';

/** "pod/web-1", "deployment/web", "node/node-1": the way kubectl names an object. */
export function refText(ref: InspectRef): string {
  return `${ref.kind.toLowerCase()}/${ref.name}`;
}

/** A related object as a button that inspects it (plain text when it no longer exists). */
export function RefButton({
  target,
  exists = true,
  status,
}: {
  target: InspectRef;
  exists?: boolean;
  status?: string;
}) {
  const t = useMessages(catalog);
  const text = refText(target);
  if (!exists) {
    return (
      <span className="inspector-ref gone">
        {text} <span className="hint">({t('gone')})</span>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="inspector-ref link"
      data-kind={target.kind}
      data-name={target.name}
      data-namespace={target.namespace ?? ''}
      data-status={status ?? ''}
      aria-label={t('inspect', { ref: text })}
      onClick={() => select(target)}
    >
      {text}
      {status && <span className="hint"> · {status}</span>}
    </button>
  );
}

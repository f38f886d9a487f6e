/** The events timeline's filters, pure so they are tested without a browser. */
import type { EventView } from '../../protocol/messages';

export interface EventFilter {
  type: '' | 'Normal' | 'Warning';
  /** '' = all; '-' = cluster-scoped objects (nodes) */
  namespace: string;
  /** '' = all, else an involved object kind ("Pod") */
  kind: string;
  /** case-insensitive substring of reason, object or message */
  text: string;
  newestFirst: boolean;
}

export const NO_FILTER: EventFilter = { type: '', namespace: '', kind: '', text: '', newestFirst: true };

/** The involved object's kind: the view's field, else the OBJECT column's "pod/web" prefix. */
export function eventKind(e: EventView): string {
  if (e.kind) return e.kind;
  const prefix = e.object.split('/')[0] ?? '';
  return prefix.charAt(0).toUpperCase() + prefix.slice(1);
}

export function filterEvents(events: readonly EventView[], f: EventFilter): EventView[] {
  const text = f.text.trim().toLowerCase();
  const out = events.filter(
    (e) =>
      (!f.type || e.type === f.type) &&
      (!f.namespace || (f.namespace === '-' ? !e.namespace : e.namespace === f.namespace)) &&
      (!f.kind || eventKind(e) === f.kind) &&
      (!text ||
        e.reason.toLowerCase().includes(text) ||
        e.object.toLowerCase().includes(text) ||
        e.message.toLowerCase().includes(text)),
  );
  // The view lists events oldest first.
  return f.newestFirst ? out.reverse() : out;
}

/** The namespaces and kinds present, sorted, for the filter menus. */
export function eventFacets(events: readonly EventView[]): {
  namespaces: string[];
  kinds: string[];
  clusterScoped: boolean;
} {
  const ns = new Set<string>();
  const kinds = new Set<string>();
  let clusterScoped = false;
  for (const e of events) {
    if (e.namespace) ns.add(e.namespace);
    else clusterScoped = true;
    kinds.add(eventKind(e));
  }
  return { namespaces: [...ns].sort(), kinds: [...kinds].sort(), clusterScoped };
}

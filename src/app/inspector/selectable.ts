/**
 * Makes any graph element, table row or list item select its object: click, Enter or
 * Space inspects it; clicks on the element's own buttons (delete, kill node) or on a
 * selectable inside it (a pod in a node box) do not.
 * The props carry the selected state for CSS (data-selected) and assistive tech
 * (aria-current), so the mark never relies on colour alone.
 */
import type { KeyboardEvent, MouseEvent } from 'react';
import type { InspectRef } from '../../protocol/messages';
import { isSelected, select, useSelectionStore } from '../state/selectionStore';

export interface SelectableProps {
  onClick: (e: MouseEvent<HTMLElement>) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  tabIndex: number;
  'data-selectable': 'true';
  'data-selected': 'true' | undefined;
  'aria-current': 'true' | undefined;
}

/** A click on an inner button, or on an inner selectable (a pod inside a node box), is not ours. */
function fromInnerControl(e: { target: EventTarget; currentTarget: EventTarget }): boolean {
  const el = e.target as HTMLElement;
  const control = el.closest?.('button, a, input, select, textarea, [data-selectable="true"]');
  return control !== null && control !== undefined && control !== e.currentTarget;
}

export function useSelectable(ref: InspectRef): SelectableProps {
  const selected = useSelectionStore((s) => isSelected(s, ref.kind, ref.name, ref.namespace));
  return {
    onClick: (e) => {
      if (fromInnerControl(e)) return;
      select(ref);
    },
    onKeyDown: (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      if (fromInnerControl(e)) return;
      e.preventDefault();
      select(ref);
    },
    tabIndex: 0,
    'data-selectable': 'true',
    'data-selected': selected ? 'true' : undefined,
    'aria-current': selected ? 'true' : undefined,
  };
}

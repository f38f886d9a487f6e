import type { PlacedItem } from './flow';
import { PodCard } from './PodCard';
import { PodGroupCard } from './PodGroupCard';

/** The pods and pod groups of one box, each at its laid-out slot. */
export function BoxItems({ items, label }: { items: PlacedItem[]; label: string }) {
  return (
    <ul className="graph-pods" aria-label={label}>
      {items.map(({ item, rect }) =>
        item.type === 'pod' ? (
          <PodCard key={item.key} pod={item.pod} rect={rect} />
        ) : (
          <PodGroupCard key={item.key} group={item} rect={rect} />
        ),
      )}
    </ul>
  );
}

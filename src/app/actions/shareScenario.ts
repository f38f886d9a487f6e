import { encodeShare, SHARE_PARAM } from '../persist/codec';
import { showNotice } from '../persist/persistStore';
import { collectScenario } from '../persist/scenarioState';

/** Puts the whole session into a link (`#scenario=…`) and copies it to the clipboard. */
export async function shareScenario(): Promise<void> {
  try {
    const payload = await encodeShare(await collectScenario());
    const { origin, pathname, search } = globalThis.location;
    const link = `${origin}${pathname}${search}#${SHARE_PARAM}=${payload}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard permission: the link is shown to copy by hand.
    }
    showNotice({ kind: 'shared', link, copied, bytes: link.length });
  } catch (e) {
    showNotice({ kind: 'shareFailed', detail: e instanceof Error ? e.message : String(e) });
  }
}

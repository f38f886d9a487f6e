import { showNotice } from '../persist/persistStore';
import { collectScenario } from '../persist/scenarioState';

/** A file name for now: kube-playground-2026-12-03-2215.kube-playground.json */
export function exportFileName(date: Date, name = 'kube-playground'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
  return `${name}-${stamp}.kube-playground.json`;
}

/** Downloads the whole session as a `.kube-playground.json` file. */
export async function exportScenario(): Promise<void> {
  try {
    const scenario = await collectScenario();
    const blob = new Blob([JSON.stringify(scenario, null, 2)], { type: 'application/json' });
    const name = exportFileName(new Date());
    downloadBlob(blob, name);
    showNotice({ kind: 'exported', detail: name });
  } catch (e) {
    showNotice({ kind: 'exportFailed', detail: e instanceof Error ? e.message : String(e) });
  }
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

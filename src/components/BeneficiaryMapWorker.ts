/**
 * The map's worker: fetches the beneficiary files and decodes the points (/ban-do/diem.json) into typed columns off
 * the page's main thread, which at 50,000 beneficiaries would otherwise spend hundreds of milliseconds of a slow
 * phone's time receiving and parsing megabytes before the map can answer. Columns come back transferred (no copy);
 * other files (the names) come back as text, parsed by the page when it needs them.
 * Messages: { id, url, as: 'points' | 'text' } → { id, value } or { id, error }.
 */
import { columnBuffers, decodePoints, type PointsFile } from '../lib/map/points';

export interface WorkerRequest {
  id: number;
  url: string;
  as: 'points' | 'text';
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

scope.onmessage = async ({ data: { id, url, as } }) => {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const text = await response.text();
    if (as === 'text') {
      scope.postMessage({ id, value: text });
      return;
    }
    const columns = decodePoints(JSON.parse(text) as PointsFile);
    scope.postMessage({ id, value: columns }, columnBuffers(columns));
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};

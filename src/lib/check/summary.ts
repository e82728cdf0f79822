/**
 * The one-line content summary `npm run check` prints after a clean run: how many records of each kind the site
 * publishes, and how many of the 63 provincial units of before 1/7/2025 have records of their own (a product, an
 * establishment, a round or conference they hosted, a news item, a story or a report naming them).
 */
import { formatNumber } from '../format.ts';

export interface SummaryEntry {
  collection: string;
  id: string;
  data: unknown;
}

const COUNTED: ReadonlyArray<[collection: string, label: string]> = [
  ['products', 'sản phẩm'],
  ['beneficiaries', 'cơ sở'],
  ['stories', 'câu chuyện'],
  ['votingRounds', 'đợt bình chọn'],
  ['conferences', 'hội nghị'],
  ['news', 'tin'],
  ['reports', 'báo cáo số liệu'],
];

/** The day the 34 new units began: a unit that existed before it is one of the 63. */
const MERGER = Date.UTC(2025, 6, 1);

/** Every province a record refers to, wherever in the record the reference sits. */
function* provinceRefs(data: unknown): Generator<string> {
  if (Array.isArray(data)) for (const item of data) yield* provinceRefs(item);
  else if (data && typeof data === 'object' && !(data instanceof Date)) {
    const ref = data as { collection?: unknown; id?: unknown };
    if (ref.collection === 'provinces' && typeof ref.id === 'string') yield ref.id;
    else for (const value of Object.values(data)) yield* provinceRefs(value);
  }
}

export function contentSummary(entries: readonly SummaryEntry[]): string {
  const count = (collection: string) => entries.filter((e) => e.collection === collection).length;
  const before = new Set(
    entries
      .filter((e) => e.collection === 'provinces')
      .filter((e) => {
        const from = (e.data as { validFrom?: Date } | undefined)?.validFrom;
        return !from || from.getTime() < MERGER;
      })
      .map((e) => e.id),
  );
  const named = new Set<string>();
  for (const e of entries) if (e.collection !== 'provinces') for (const id of provinceRefs(e.data)) named.add(id);
  const withRecords = [...before].filter((id) => named.has(id)).length;
  const parts = COUNTED.map(([collection, label]) => `${formatNumber(count(collection))} ${label}`);
  parts.push(`${withRecords}/${before.size} tỉnh, thành (trước 1/7/2025) có mục riêng`);
  return `Nội dung: ${parts.join(' · ')}.`;
}

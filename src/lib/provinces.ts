/**
 * The 2025 crosswalk (NQ 202/2025/QH15): which unit a former province became, and which former units a current one
 * took in. Records keep the province of their time; these functions let pages and search show both.
 */

export interface ProvinceLike {
  id: string;
  name: string;
  kind: 'tinh' | 'thanh-pho';
  mergedInto?: string | undefined;
  validUntil?: Date | undefined;
}

/** The day the 34 new units took office. */
export const REORGANISATION_DATE = new Date('2025-07-01T00:00:00+07:00');

/** "tỉnh Thanh Hóa" / "thành phố Hải Phòng" */
export function fullName(p: Pick<ProvinceLike, 'name' | 'kind'>): string {
  return `${p.kind === 'thanh-pho' ? 'thành phố' : 'tỉnh'} ${p.name}`;
}

/**
 * What surrounds today's unit in a province label: " (nay thuộc " and ")". `nowWord` is the dictionary's
 * common.provinceNowInline; markup that links both units puts today's link between the two.
 */
export const aroundCurrent = (nowWord: string): readonly [string, string] => [` (${nowWord} `, ')'];

/**
 * "Hải Dương (nay thuộc Hải Phòng)": the unit of a record's time, then the unit it is part of today when that differs
 * (`currentName` undefined: the name alone). The one builder of the label, for pages and browser code alike.
 */
export function provinceLabel(name: string, currentName: string | undefined, nowWord: string): string {
  if (currentName === undefined) return name;
  const [before, after] = aroundCurrent(nowWord);
  return `${name}${before}${currentName}${after}`;
}

/** A unit that no longer exists (merged into another on 1/7/2025). */
export const isFormer = (p: ProvinceLike): boolean => p.validUntil !== undefined;

/** Index by id, for the lookups below. */
export const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> =>
  new Map(items.map((item) => [item.id, item]));

/** The unit a province is part of today: itself if it still exists, else what it merged into (followed to the end). */
export function currentUnit<T extends ProvinceLike>(p: T, index: Map<string, T>): T {
  const seen = new Set<string>();
  let unit = p;
  while (unit.mergedInto && !seen.has(unit.id)) {
    seen.add(unit.id);
    const next = index.get(unit.mergedInto);
    if (!next) break;
    unit = next;
  }
  return unit;
}

/** The former units merged into `current` (not including itself), in input order. */
export function predecessors<T extends ProvinceLike>(current: T, all: readonly T[]): T[] {
  const index = byId(all);
  return all.filter((p) => p.id !== current.id && currentUnit(p, index).id === current.id);
}

/** Ids of the unit itself and every unit now part of it: a current province's records include its predecessors'. */
export function idsCoveredBy<T extends ProvinceLike>(current: T, all: readonly T[]): Set<string> {
  return new Set([current.id, ...predecessors(current, all).map((p) => p.id)]);
}

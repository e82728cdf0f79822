/**
 * Matches a province as a sheet writes it ("Hà Tĩnh", "tỉnh Hải Dương", "TP. Hải Phòng", "Hoà Bình", "TT Huế") to a
 * unit of content/provinces.yaml, as of the round's date: a name that no longer exists is the unit of its time in a
 * sheet from before 1/7/2025, and the unit it became in a later one.
 */
import { byId, currentUnit, REORGANISATION_DATE } from '../provinces.ts';
import { matchKey } from './text.ts';

export interface ProvinceRecord {
  id: string;
  name: string;
  kind: 'tinh' | 'thanh-pho';
  mergedInto?: string | undefined;
  validUntil?: Date | undefined;
  centre: { lat: number; lng: number };
  aliases: string[];
}

export type ProvinceMatch = { ok: true; province: ProvinceRecord; note?: string } | { ok: false; message: string };

const PREFIX = /^(tinh|thanh pho|tp|t p)\s+/;

/** "TP. Hồ Chí Minh" → "hochiminh"; "Tỉnh Bà Rịa – Vũng Tàu" → "bariavungtau"; "1. Hà Tĩnh" → "hatinh". */
const provinceKey = (text: string): string =>
  matchKey(text)
    .replace(/^(?:\d+|[ivx]+)\s+/, '')
    .replace(PREFIX, '')
    .replace(/ /g, '');

export class ProvinceMatcher {
  readonly byId: Map<string, ProvinceRecord>;
  private readonly byKey = new Map<string, ProvinceRecord>();

  constructor(provinces: readonly ProvinceRecord[]) {
    this.byId = byId(provinces);
    for (const p of provinces) {
      for (const name of [p.name, p.id, ...p.aliases]) {
        const key = provinceKey(name);
        if (key && !this.byKey.has(key)) this.byKey.set(key, p);
      }
    }
  }

  /** The unit a record filed under `id` belongs to today. */
  current(id: string): string {
    const p = this.byId.get(id);
    return p ? currentUnit(p, this.byId).id : id;
  }

  /**
   * `when` is the round's date, or undefined when it is not known to the day (a round of 2025 without a decision
   * date): then the name is taken as written.
   */
  match(text: string, when: Date | undefined): ProvinceMatch {
    const found = this.byKey.get(provinceKey(text));
    if (!found) {
      return {
        ok: false,
        message:
          'không có tỉnh, thành phố nào tên này: viết tên như "Hà Tĩnh", "Hải Dương", "Thành phố Hải Phòng" ' +
          '(với đợt trước ngày 1/7/2025, ghi tên tỉnh của thời điểm đó)',
      };
    }
    if (found.validUntil && when && when >= REORGANISATION_DATE) {
      const now = currentUnit(found, this.byId);
      return {
        ok: true,
        province: now,
        note: `"${found.name}" đã nhập vào ${now.name} từ 1/7/2025; ghi vào ${now.name}`,
      };
    }
    return { ok: true, province: found };
  }
}

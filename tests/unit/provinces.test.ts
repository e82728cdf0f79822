/** The 2025 crosswalk: which unit a former province became, and what a current unit took in. */
import { describe, expect, it } from 'vitest';
import {
  aroundCurrent,
  byId,
  currentUnit,
  fullName,
  idsCoveredBy,
  isFormer,
  predecessors,
  provinceLabel,
  type ProvinceLike,
} from '../../src/lib/provinces';
import { t } from '../../src/i18n';
import { slugify } from '../../src/lib/vi-text';
import { readProvinces } from '../../scripts/lib/provinces-file.ts';

const unit = (id: string, mergedInto?: string): ProvinceLike => ({
  id,
  name: id,
  kind: 'tinh',
  mergedInto,
  validUntil: mergedInto ? new Date('2025-06-30') : undefined,
});

describe('fullName', () => {
  it('prefixes tỉnh or thành phố', () => {
    expect(fullName({ name: 'Thanh Hóa', kind: 'tinh' })).toBe('tỉnh Thanh Hóa');
    expect(fullName({ name: 'Hải Phòng', kind: 'thanh-pho' })).toBe('thành phố Hải Phòng');
  });
});

describe('provinceLabel', () => {
  const now = t('common.provinceNowInline');

  it("names the unit of the time, then today's unit when that differs", () => {
    expect(provinceLabel('Hải Dương', 'Hải Phòng', now)).toBe('Hải Dương (nay thuộc Hải Phòng)');
    expect(provinceLabel('Hà Nội', undefined, now)).toBe('Hà Nội');
  });

  it("linked markup puts today's unit between the same words", () => {
    const [before, after] = aroundCurrent(now);
    expect(`Hải Dương${before}Hải Phòng${after}`).toBe(provinceLabel('Hải Dương', 'Hải Phòng', now));
  });

  it('the inline word is the dictionary\'s "Nay thuộc" as it reads mid-sentence', () => {
    expect(now).toBe(t('common.provinceNow').toLowerCase());
  });
});

describe('currentUnit and predecessors (small fixtures)', () => {
  it('follows a chain of merges to the end', () => {
    const all = [unit('a', 'b'), unit('b', 'c'), unit('c')];
    expect(currentUnit(all[0]!, byId(all)).id).toBe('c');
    expect(predecessors(all[2]!, all).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('stops on a cycle instead of looping forever', () => {
    const all = [unit('a', 'b'), unit('b', 'a')];
    expect(['a', 'b']).toContain(currentUnit(all[0]!, byId(all)).id);
  });

  it('stops at the last known unit when mergedInto names a missing one', () => {
    const all = [unit('a', 'nowhere')];
    expect(currentUnit(all[0]!, byId(all)).id).toBe('a');
  });

  it('a unit that still exists is its own current unit and has no predecessors of its own', () => {
    const all = [unit('a', 'b'), unit('b')];
    expect(currentUnit(all[1]!, byId(all)).id).toBe('b');
    expect(predecessors(all[0]!, all)).toEqual([]);
    expect(isFormer(all[0]!)).toBe(true);
    expect(isFormer(all[1]!)).toBe(false);
  });
});

describe('content/provinces.yaml through the crosswalk', () => {
  const all = readProvinces();
  const index = byId(all);
  const get = (id: string) => {
    const p = index.get(id);
    if (!p) throw new Error(`no province "${id}" in content/provinces.yaml`);
    return p;
  };

  it('has the 63 units of before 1/7/2025, of which 34 still exist', () => {
    expect(all).toHaveLength(63);
    expect(new Set(all.map((p) => p.id)).size).toBe(63);
    expect(all.filter((p) => !isFormer(p))).toHaveLength(34);
  });

  it('Hải Dương is now part of Hải Phòng', () => {
    expect(currentUnit(get('hai-duong'), index).id).toBe('hai-phong');
    expect(predecessors(get('hai-phong'), all).map((p) => p.id)).toContain('hai-duong');
    expect(idsCoveredBy(get('hai-phong'), all)).toEqual(new Set(['hai-phong', 'hai-duong']));
  });

  it('Thanh Hóa and Quảng Ninh kept their borders', () => {
    for (const id of ['thanh-hoa', 'quang-ninh']) {
      expect(currentUnit(get(id), index).id).toBe(id);
      expect(predecessors(get(id), all)).toEqual([]);
    }
  });

  it('every merged unit names a unit that still exists, and ended on 30/6/2025', () => {
    for (const p of all.filter(isFormer)) {
      expect(p.mergedInto, p.id).toBeDefined();
      expect(isFormer(get(p.mergedInto!)), `${p.id} → ${p.mergedInto}`).toBe(false);
      expect(p.validUntil?.toISOString().slice(0, 10), p.id).toBe('2025-06-30');
    }
  });

  it('every slug is the slug of its name', () => {
    for (const p of all) expect(slugify(p.name), p.name).toBe(p.id);
  });
});

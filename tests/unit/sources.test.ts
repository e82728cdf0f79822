/** The sources page: each source once, with every page that cites it. */
import { describe, expect, it } from 'vitest';
import { collectSources } from '../../src/lib/sources';

const bct = {
  publisher: 'Bộ Công Thương',
  title: 'Hội nghị khuyến công XVI',
  url: 'https://moit.gov.vn/a',
  date: new Date('2022-09-22'),
};
const baoTH = { publisher: 'Báo Thanh Hóa', title: 'Hội nghị khuyến công XVI', date: new Date('2022-09-23') };

describe('collectSources', () => {
  it('lists a source cited by two pages once, with both pages', () => {
    const citations = collectSources([
      { href: '/hoi-nghi/xvi-2022-thanh-hoa/', label: 'Hội nghị XVI', sources: [bct, baoTH] },
      { href: '/tin-tuc/hoi-nghi-xvi/', label: 'Tin hội nghị', sources: [{ ...bct }] },
    ]);
    expect(citations).toHaveLength(2);
    expect(citations[0]!.source.publisher).toBe('Bộ Công Thương');
    expect(citations[0]!.pages.map((p) => p.href)).toEqual(['/hoi-nghi/xvi-2022-thanh-hoa/', '/tin-tuc/hoi-nghi-xvi/']);
    expect(citations[1]!.pages).toHaveLength(1);
  });

  it('does not list a page twice when it cites the same source twice', () => {
    const [citation] = collectSources([{ href: '/a/', label: 'A', sources: [bct, { ...bct }] }]);
    expect(citation?.pages).toEqual([{ href: '/a/', label: 'A' }]);
  });

  it('keeps apart two articles of one publisher that differ by date or link', () => {
    const citations = collectSources([
      {
        href: '/a/',
        label: 'A',
        sources: [bct, { ...bct, date: new Date('2022-09-24') }, { ...bct, url: 'https://moit.gov.vn/b' }],
      },
    ]);
    expect(citations).toHaveLength(3);
  });

  it('returns nothing for pages without sources', () => {
    expect(collectSources([{ href: '/a/', label: 'A', sources: [] }])).toEqual([]);
  });
});

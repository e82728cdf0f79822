/** The content summary counts what the site publishes and the pre-2025 units that have records of their own. */
import { expect, it } from 'vitest';
import { contentSummary } from '../../src/lib/check/summary';

const ref = (id: string) => ({ collection: 'provinces', id });

it('counts each collection and the pre-merger units some record names, wherever the reference sits', () => {
  const line = contentSummary([
    { collection: 'provinces', id: 'hai-duong', data: {} },
    { collection: 'provinces', id: 'ha-tinh', data: {} },
    { collection: 'provinces', id: 'bac-kan', data: {} },
    // One of the 34 units that began on 1/7/2025: not one of the 63.
    { collection: 'provinces', id: 'moi', data: { validFrom: new Date('2025-07-01') } },
    { collection: 'products', id: 'a', data: { province: ref('hai-duong') } },
    { collection: 'products', id: 'b', data: { province: ref('hai-duong') } },
    { collection: 'news', id: 'n', data: { provinces: [ref('ha-tinh'), ref('moi')] } },
    { collection: 'votingRounds', id: 'r', data: { host: ref('hai-duong'), results: [] } },
  ]);
  expect(line).toBe(
    'Nội dung: 2 sản phẩm · 0 cơ sở · 0 câu chuyện · 1 đợt bình chọn · 0 hội nghị · 1 tin · 0 báo cáo số liệu · ' +
      '2/3 tỉnh, thành (trước 1/7/2025) có mục riêng.',
  );
});

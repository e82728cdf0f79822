/** One provincial unit: one of the 63 before 1/7/2025, or one of the 34 after (a unit that kept its name is one entry). */
import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { day, need, point, region, sources } from './shared';

export const provinceSchema = z.object({
  /** Tên có dấu, không kèm chữ "tỉnh"/"thành phố", ví dụ "Thanh Hóa", "Hải Phòng". */
  name: z.string(need('tên (name)')).min(2),
  /** Loại đơn vị: tinh (tỉnh) hoặc thanh-pho (thành phố trực thuộc trung ương). */
  kind: z.enum(['tinh', 'thanh-pho']),
  /** Mã đơn vị hành chính của Tổng cục Thống kê trước 2025 (2 chữ số, ví dụ "38"). */
  gsoCode: z
    .string(need('mã GSO (gsoCode)', 'chuỗi 2 chữ số trong dấu ngoặc kép, ví dụ "38"'))
    .regex(/^\d{2}$/, 'Mã GSO gồm 2 chữ số, ví dụ "38"'),
  /** Vùng khuyến công: bac, trung-tay-nguyen, nam. */
  region,
  /** Tên nơi đặt trung tâm hành chính, ví dụ "TP Thanh Hóa". */
  centreName: z.string(need('trung tâm hành chính (centreName)')).min(2),
  /** Tọa độ trung tâm hành chính của đơn vị mang tên này (dùng để ghim vị trí gần đúng). */
  centre: point,
  /** Ngày bắt đầu có hiệu lực, nếu biết (YYYY-MM-DD). */
  validFrom: day.optional(),
  /** Ngày cuối cùng tồn tại (ví dụ 2025-06-30 với đơn vị đã sáp nhập). Bỏ trống nếu còn tồn tại. */
  validUntil: day.optional(),
  /** Đơn vị mà đơn vị này được nhập vào từ 1/7/2025 (slug). */
  mergedInto: reference('provinces').optional(),
  /** Các cách viết khác, không dấu, để tìm kiếm: "thanh hoa", "hai phong". */
  aliases: z.array(z.string()).default([]),
  /** Văn bản pháp lý làm căn cứ (NQ 202/2025/QH15 với các đơn vị sáp nhập). */
  sources: sources.optional(),
});
export type ProvinceData = z.infer<typeof provinceSchema>;

/** A province's or region's khuyến công figures for a period, as a source reports them. */
import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { figure, need, region, sources, vnd } from './shared';

export const reportSchema = z
  .object({
    /** Tên báo cáo hiển thị. */
    title: z.string(need('tên báo cáo (title)')).min(10),
    /** Năm bắt đầu và kết thúc của thời kỳ; ghi rõ nếu chỉ một phần năm trong periodLabel. */
    period: z.strictObject(
      { from: z.number(need('năm bắt đầu (from)', 'số')).int(), to: z.number(need('năm kết thúc (to)', 'số')).int() },
      need('thời kỳ (period), ví dụ { from: 2021, to: 2022 }', 'cặp năm from, to'),
    ),
    /** Thời kỳ viết như trên trang, ví dụ "2021 – 9/2022". */
    periodLabel: z.string(need('thời kỳ hiển thị (periodLabel)')).min(4),
    /** Tỉnh/thành (slug), nếu nguồn nêu tên. */
    province: reference('provinces').optional(),
    /** Vùng, với báo cáo của cả vùng. */
    region: region.optional(),
    /** Phạm vi viết như trên trang, ví dụ "28 tỉnh, thành phố phía Bắc" hoặc "Một tỉnh (nguồn không nêu tên)". */
    scope: z.string(need('phạm vi (scope)')).min(3),
    /** Kinh phí theo nguồn (đồng), những khoản nguồn công bố. */
    funding: z.object({ total: vnd, national: vnd, local: vnd, counterpart: vnd }).partial().default({}),
    /** Số cơ sở được hỗ trợ theo loại hình. */
    beneficiariesByKind: z
      .object({
        'doanh-nghiep': z.number().int(),
        'hop-tac-xa': z.number().int(),
        'to-hop-tac': z.number().int(),
        'ho-kinh-doanh': z.number().int(),
      })
      .partial()
      .default({}),
    /** Các số liệu khác (hoạt động, số lớp, số đề án…). */
    figures: z.array(figure).default([]),
    /** Nguồn tin. */
    sources,
  })
  .refine((r) => r.period.from <= r.period.to, { message: 'Năm bắt đầu phải trước năm kết thúc', path: ['period'] });

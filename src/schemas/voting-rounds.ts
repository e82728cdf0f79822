/** One round of a typical rural industrial product vote (provincial, regional or national). */
import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { LEVELS } from '../lib/vocabulary';
import { day, need, region, sources } from './shared';

/** Levels of recognition, from district to national. */
export const level = z.enum(LEVELS, {
  error: 'Cấp phải là: huyen, tinh, khu-vuc hoặc quoc-gia',
});

/** Counts per product group (1–4). */
const byGroup = z
  .strictObject({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int() })
  .partial();

const result = z.strictObject({
  /** Sản phẩm được công nhận (slug trong products). */
  product: reference('products'),
  /** Điểm bình quân của hội đồng, nếu được công bố (0–100). */
  score: z.number().min(0, 'Điểm từ 0 đến 100').max(100, 'Điểm từ 0 đến 100').optional(),
  /** Số giấy chứng nhận, nếu có. */
  certificate: z.string().optional(),
  /** Số quyết định công nhận riêng của sản phẩm này, khi bảng kết quả ghi (khác với quyết định chung của đợt). */
  decision: z.string().optional(),
});

export const votingRoundSchema = z
  .object({
    /** Tên đợt bình chọn. */
    title: z.string(need('tên đợt (title)')).min(10),
    /** Cấp: huyen, tinh, khu-vuc, quoc-gia. */
    level,
    /** Vùng (chỉ với cấp khu vực). */
    region: region.optional(),
    /** Năm bình chọn. */
    year: z.number(need('năm (year)', 'số')).int().min(2008).max(2100),
    /** Cơ quan tổ chức, đúng như nguồn ghi; bỏ trống khi nguồn không nêu (trang ghi "Nguồn không nêu"). */
    organiser: z.string(need('cơ quan tổ chức (organiser)')).min(3).optional(),
    /** Tỉnh/thành đăng cai hoặc phối hợp (slug). */
    host: reference('provinces').optional(),
    /** Quyết định công nhận: số và ngày. */
    decision: z
      .strictObject({ number: z.string(need('số quyết định (number)')).min(3), date: day.optional() })
      .optional(),
    /** Số hồ sơ/sản phẩm tham gia. */
    entries: z.number().int().positive().optional(),
    /** Số sản phẩm được công nhận; bỏ trống nếu nguồn không nêu. */
    recognised: z.number(need('số sản phẩm được công nhận (recognised)', 'số')).int().nonnegative().optional(),
    /** Số sản phẩm được công nhận theo nhóm 1–4, nếu nguồn nêu. */
    recognisedByGroup: byGroup.optional(),
    /** Số địa phương có sản phẩm được công nhận. */
    localities: z.number().int().positive().optional(),
    /** Lễ trao giấy chứng nhận: ngày và nơi. */
    ceremony: z.strictObject({ date: day.optional(), place: z.string().optional() }).optional(),
    /** Ghi chú thêm (ví dụ số hồ sơ theo vùng). */
    notes: z.string().optional(),
    /** Kết quả: danh sách sản phẩm đã có trên trang (có thể chưa đủ so với số được công nhận). */
    results: z.array(result).default([]),
    /**
     * Tên tệp bảng kết quả (.xlsx hoặc .csv) đặt cạnh tệp này, do ô "Bảng kết quả" của trình biên tập ghi; kiểm tra và
     * bản dựng đọc tệp đó theo đúng quy tắc của công cụ nhập (src/lib/import/beside.ts).
     */
    resultsSheet: z
      .string()
      .regex(/^[^/\\]+\.(xlsx|csv)$/i, 'Bảng kết quả phải là tệp .xlsx hoặc .csv đặt cạnh tệp đợt bình chọn')
      .optional(),
    /** Nguồn tin. */
    sources,
  })
  .refine((r) => r?.level !== 'khu-vuc' || r.region, {
    message: 'Đợt cấp khu vực phải ghi vùng (region)',
    path: ['region'],
    // Checked even when other fields are wrong, so every problem shows in one run.
    when: () => true,
  })
  .refine((r) => r?.entries === undefined || r.recognised === undefined || r.recognised <= r.entries, {
    message: 'Số được công nhận không thể lớn hơn số tham gia',
    path: ['recognised'],
    // Checked even when other fields are wrong, so every problem shows in one run.
    when: () => true,
  });

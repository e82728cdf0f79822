/** A success story about one supported establishment. Body in Markdown, in the site's own words. */
import { z } from 'astro/zod';
import { reference, type SchemaContext } from 'astro:content';
import { day, need, photo, sources, unit } from './shared';

export const storySchema = (ctx: SchemaContext) =>
  z.strictObject({
    /** Tiêu đề câu chuyện. */
    title: z.string(need('tiêu đề (title)')).min(10),
    /** Ngày đăng (YYYY-MM-DD). */
    date: day,
    /** Tóm tắt 1–2 câu. */
    summary: z.string(need('tóm tắt (summary)')).min(30, 'Tóm tắt cần ít nhất 30 ký tự'),
    /** Cơ sở được kể (slug trong beneficiaries). */
    beneficiary: reference('beneficiaries'),
    /** Sản phẩm liên quan. */
    products: z.array(reference('products')).default([]),
    /** Tỉnh/thành (slug). */
    province: reference('provinces'),
    /** Số liệu trước và sau khi được hỗ trợ, chỉ khi nguồn nêu. */
    figures: z
      .array(
        z.strictObject({
          /** Nhãn, ví dụ "Doanh thu mỗi năm". */
          label: z.string(need('nhãn số liệu (label)')).min(3),
          before: z.number(need('số liệu trước (before)', 'số')),
          after: z.number(need('số liệu sau (after)', 'số')),
          unit,
          /** Thời điểm của số liệu trước, như nguồn nêu, ví dụ "2018" hoặc "trước khi được hỗ trợ". */
          beforePeriod: z.string().min(2).optional(),
          /** Thời điểm của số liệu sau, ví dụ "2022". */
          afterPeriod: z.string().min(2).optional(),
        }),
      )
      .default([]),
    /** Ảnh. */
    photos: z.array(photo(ctx)).default([]),
    /** Nguồn tin. */
    sources,
  });

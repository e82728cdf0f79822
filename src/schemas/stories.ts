/** A success story about one supported establishment. Body in Markdown, in the site's own words. */
import { z } from 'astro/zod';
import { reference, type SchemaContext } from 'astro:content';
import { day, need, photo, sources, unit } from './shared';

export const storySchema = (ctx: SchemaContext) =>
  z.object({
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
      .array(z.object({ label: z.string().min(3), before: z.number(), after: z.number(), unit }))
      .default([]),
    /** Ảnh. */
    photos: z.array(photo(ctx)).default([]),
    /** Nguồn tin. */
    sources,
  });

/** A news article. Written in the site's own words; the body is Markdown. */
import { z } from 'astro/zod';
import { reference, type SchemaContext } from 'astro:content';
import { day, need, photo, sources } from './shared';

/** Topics used to group news. */
export const topics = z.enum([
  'hoi-nghi',
  'binh-chon',
  'chinh-sach',
  'tong-ket',
  'ho-tro-co-so',
  'xuc-tien-thuong-mai',
]);

export const newsSchema = (ctx: SchemaContext) =>
  z.strictObject({
    /** Tiêu đề bài viết. */
    title: z.string(need('tiêu đề (title)')).min(10, 'Tiêu đề cần ít nhất 10 ký tự'),
    /** Ngày đăng (YYYY-MM-DD). */
    date: day,
    /** Tóm tắt 1–2 câu, hiện trong danh sách và khi chia sẻ. */
    summary: z
      .string(need('tóm tắt (summary)'))
      .min(30, 'Tóm tắt cần ít nhất 30 ký tự')
      .max(300, 'Tóm tắt tối đa 300 ký tự'),
    /** Tỉnh/thành liên quan (slug). */
    provinces: z.array(reference('provinces')).default([]),
    /** Chủ đề: hoi-nghi, binh-chon, chinh-sach, tong-ket, ho-tro-co-so, xuc-tien-thuong-mai. */
    topics: z.array(topics).min(1, 'Chọn ít nhất một chủ đề'),
    /** Hội nghị liên quan (slug). */
    conference: reference('conferences').optional(),
    /** Đợt bình chọn liên quan (slug). */
    round: reference('votingRounds').optional(),
    /** Sản phẩm liên quan (slug). */
    products: z.array(reference('products')).default([]),
    /** Cơ sở liên quan (slug). */
    beneficiaries: z.array(reference('beneficiaries')).default([]),
    /** Ảnh đại diện (không bắt buộc). */
    cover: photo(ctx).optional(),
    /** Nguồn tin. */
    sources,
  });

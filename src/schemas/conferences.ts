/** One khuyến công conference, e.g. the XVI northern one (Thanh Hóa, 22/9/2022). Prose report in the Markdown body. */
import { z } from 'astro/zod';
import { reference, type SchemaContext } from 'astro:content';
import { day, figure, need, photo, region, sources } from './shared';

const person = z.strictObject({
  /** Họ tên, ví dụ "Ngô Quang Trung". */
  name: z.string(need('họ tên (name)')).min(3),
  /** Chức vụ và cơ quan tại thời điểm hội nghị. */
  role: z.string(need('chức vụ (role)')).min(3),
});

const contribution = person.extend({
  /** Tỉnh/thành của người tham luận (slug), bỏ trống nếu là cơ quan trung ương. */
  province: reference('provinces').optional(),
  /** Tiêu đề tham luận. */
  title: z.string().min(5),
  /** Tóm tắt nội dung bằng lời của ban biên tập (không chép nguyên văn). */
  summary: z.string(need('tóm tắt (summary)')).min(30, 'Tóm tắt tham luận cần ít nhất 30 ký tự'),
});

export const conferenceSchema = (ctx: SchemaContext) =>
  z.strictObject({
    /** Tiêu đề đầy đủ của hội nghị. */
    title: z.string(need('tiêu đề (title)')).min(10),
    /** Số thứ tự La Mã nếu có, ví dụ "XVI". Bỏ trống nếu không đánh số. */
    number: z
      .string()
      .regex(/^[IVXLC]+$/, 'Số thứ tự viết bằng chữ số La Mã, ví dụ XVI')
      .optional(),
    /** Vùng: bac, trung-tay-nguyen, nam (hoặc toan-quoc cho hội nghị toàn quốc). */
    region: z.union([region, z.literal('toan-quoc')]),
    /** Ngày họp (YYYY-MM-DD). */
    date: day,
    /** Tỉnh/thành đăng cai (slug của đơn vị tại thời điểm đó); bỏ trống nếu nguồn không nêu. */
    host: reference('provinces').optional(),
    /** Địa điểm, ví dụ "TP Thanh Hóa"; bỏ trống nếu nguồn không nêu. */
    venue: z.string(need('địa điểm (venue)')).min(2).optional(),
    /** Đơn vị tổ chức. */
    organisers: z.array(z.string()).min(1),
    /** Người chủ trì. */
    chairs: z.array(person).default([]),
    /** Các đại biểu tiêu biểu dự họp. */
    guests: z.array(person).default([]),
    /** Thành phần tham dự, mô tả ngắn. */
    participants: z.string(need('thành phần tham dự (participants)')).min(5),
    /** Số tỉnh, thành tham gia. */
    provincesCount: z.number().int().positive().optional(),
    /** Tóm tắt một đoạn hiển thị trong danh sách. */
    summary: z.string(need('tóm tắt (summary)')).min(30, 'Tóm tắt cần ít nhất 30 ký tự'),
    /** Số liệu chính nêu tại hội nghị. */
    keyFigures: z.array(figure).default([]),
    /** Số nhiệm vụ chủ yếu được đề ra (nếu nguồn nêu). */
    tasksCount: z.number().int().positive().optional(),
    /** Các nhiệm vụ mà nguồn nêu cụ thể. */
    tasks: z.array(z.string().min(5)).default([]),
    /** Tham luận của các địa phương, đơn vị. */
    contributions: z.array(contribution).default([]),
    /** Đơn vị nhận cờ đăng cai lần sau (slug). */
    nextHost: reference('provinces').optional(),
    /** Ảnh hội nghị. */
    photos: z.array(photo(ctx)).default([]),
    /** Nguồn tin. */
    sources,
  });

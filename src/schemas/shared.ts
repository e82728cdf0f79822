/**
 * Building blocks shared by several collections: sources, photos, places, money and figures.
 * Messages are in Vietnamese because province editors read them. Every object is strict: a field no schema defines
 * is named by the check, where Astro's default dropped a misspelt field silently.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { PRECISIONS, REGIONS } from '../lib/vocabulary';

/**
 * Vietnamese messages for a field that is missing or of the wrong kind. Astro's own messages for these are English
 * ("Required"), and a province editor needs to read what to do.
 */
export const need = (what: string, kind = 'chữ') => ({
  error: (issue: { input?: unknown; code?: string }) => {
    if (issue.input === undefined) return `Thiếu ${what}: thêm trường này`;
    if (issue.code === 'invalid_type') return `${what} phải là ${kind}`;
    if (issue.code === 'too_small') return `${what} còn trống hoặc quá ngắn: điền đầy đủ`;
    return undefined;
  },
});

export { NOT_STATED } from '../lib/vocabulary';

/** The check's message for a field no schema knows (a misspelt name would otherwise be dropped without a word). */
export const unknownFieldMessage = (key: string) =>
  `Trường "${key}" không có trong mẫu nên sẽ không hiện trên trang: kiểm tra chính tả tên trường (xem scripts/templates/) hoặc xóa dòng này`;

/** A date written as YYYY-MM-DD (e.g. 2022-09-22). */
export const day = z.coerce.date({ error: 'Ngày phải viết dạng YYYY-MM-DD, ví dụ 2022-09-22' });

/** Where a fact comes from. Every page credits its sources with publisher, date and link. */
export const source = z.strictObject({
  /** Cơ quan hoặc tờ báo đăng bài, ví dụ "Báo Thanh Hóa". */
  publisher: z.string(need('tên nguồn (publisher)')).min(2, 'Ghi tên cơ quan hoặc tờ báo đăng bài'),
  /** Tiêu đề bài viết hoặc văn bản. */
  title: z.string().min(2, 'Tiêu đề nguồn quá ngắn: ghi đầy đủ hoặc xóa dòng title').optional(),
  /** Địa chỉ bài viết (https://…). Bỏ trống nếu không có bản trực tuyến. */
  url: z.url({ protocol: /^https$/, error: 'Đường dẫn nguồn phải là địa chỉ web bắt đầu bằng https://' }).optional(),
  /** Ngày đăng (YYYY-MM-DD). */
  date: day.optional(),
  /** Ghi chú cho bạn đọc về nguồn, ví dụ "Bản tiếng Anh của bài". Hiện công khai trên trang. */
  note: z.string().optional(),
});
export type Source = z.infer<typeof source>;

/** At least one source is required for anything published as fact. */
export const sources = z
  .array(source, need('nguồn (sources)', 'danh sách'))
  .min(1, 'Cần ít nhất một nguồn (publisher, title, url, date)');

/** A photo stored beside the entry, with a real description for people who cannot see it. */
export const photo = ({ image }: SchemaContext) =>
  z.strictObject({
    /** Đường dẫn tương đối tới tệp ảnh JPG/PNG/WebP đặt cạnh tệp nội dung. */
    src: image(),
    /** Mô tả ảnh cho người không nhìn thấy: ai, đang làm gì, ở đâu. */
    alt: z.string(need('mô tả ảnh (alt)')).min(10, 'Mô tả ảnh (alt) cần ít nhất 10 ký tự và nói ảnh cho thấy gì'),
    /** Chú thích hiển thị dưới ảnh. */
    caption: z.string().optional(),
    /** Tác giả hoặc nguồn ảnh. */
    credit: z.string().optional(),
  });

/** Latitude and longitude in decimal degrees (WGS 84). */
export const point = z.strictObject({
  /** Vĩ độ, ví dụ 21.0285 */
  lat: z
    .number(need('vĩ độ (lat)', 'số'))
    .min(8, 'Vĩ độ ngoài lãnh thổ Việt Nam')
    .max(24, 'Vĩ độ ngoài lãnh thổ Việt Nam'),
  /** Kinh độ, ví dụ 105.8542 */
  lng: z
    .number(need('kinh độ (lng)', 'số'))
    .min(102, 'Kinh độ ngoài lãnh thổ Việt Nam')
    .max(118, 'Kinh độ ngoài lãnh thổ Việt Nam'),
});

/** How precisely a location is known and may be shown. */
export const precision = z.enum(PRECISIONS, {
  error: 'Độ chính xác phải là một trong: exact, commune, district, province',
});

/** An amount of money in đồng (VND), written as a whole number: 11,76 tỷ đồng = 11760000000. */
export const vnd = z.number().nonnegative('Số tiền không được âm');

/** Units a figure can be shown in; `dong` amounts are formatted as "11,76 tỷ đồng". */
export const unit = z.enum(['dong', 'count', 'percent', 'people', 'projects', 'provinces', 'classes']);

/** A headline figure with its label, e.g. "Kinh phí thực hiện" = 11760000000 dong. */
export const figure = z.strictObject({
  /** Nhãn của số liệu, viết như trên trang. */
  label: z.string(need('nhãn số liệu (label)')).min(3),
  /** Giá trị số (số tiền tính bằng đồng). */
  value: z.number(need('giá trị (value)', 'số, không có dấu chấm phân cách')),
  /** Đơn vị: dong, count, percent, people, projects, provinces, classes. */
  unit,
  /** Giải thích thêm nếu cần (phạm vi, thời kỳ). */
  note: z.string().optional(),
});

/** The three khuyến công regions. */
export const region = z.enum(REGIONS, {
  error: 'Vùng phải là: bac, trung-tay-nguyen hoặc nam',
});

/** A slug: lower-case ASCII words joined by hyphens (đ → d), e.g. "thanh-hoa". */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

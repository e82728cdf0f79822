/** One supported establishment (cơ sở công nghiệp nông thôn): a business, co-operative or household business. */
import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { productGroup } from './products';
import { KINDS, NOT_STATED, PROGRAMMES } from '../lib/vocabulary';
import { need, point, precision, sources, vnd } from './shared';

/**
 * Kinds of establishment named by NĐ 45/2012/NĐ-CP, and "chua-ro" when the source does not state the legal form
 * (a "cơ sở" or a person's name says nothing of it).
 */
export const beneficiaryKind = z.enum(KINDS, {
  error: `Loại hình phải là: doanh-nghiep, hop-tac-xa, to-hop-tac, ho-kinh-doanh hoặc ${NOT_STATED} (nguồn không nêu)`,
});

/** Which khuyến công budget paid for a support, or "chua-ro" when the source does not say. */
export const programme = z.enum(PROGRAMMES, {
  error: `Nguồn kinh phí phải là: quoc-gia, dia-phuong hoặc ${NOT_STATED} (nguồn không nêu)`,
});

const support = z.strictObject({
  /** Năm được hỗ trợ; bỏ trống nếu nguồn không nêu. */
  year: z.number(need('năm (year)', 'số')).int().min(2000).max(2100).optional(),
  /** Nguồn: quoc-gia (khuyến công quốc gia), dia-phuong (khuyến công địa phương) hoặc chua-ro. */
  programme,
  /** Tên đề án, nếu biết. */
  project: z.string().optional(),
  /** Nội dung hỗ trợ, ví dụ "Ứng dụng máy móc tiên tiến". */
  kind: z.string(need('nội dung hỗ trợ (kind)')).min(3),
  /** Kinh phí khuyến công hỗ trợ (đồng), nếu công bố. */
  amount: vnd.optional(),
  /** Vốn đối ứng của cơ sở (đồng), nếu công bố. */
  counterpart: vnd.optional(),
});

export const beneficiarySchema = z
  .object({
    /** Tên cơ sở như đăng ký kinh doanh. */
    name: z.string(need('tên cơ sở (name)')).min(3),
    /** Loại hình. */
    kind: beneficiaryKind,
    /** Tỉnh/thành tại thời điểm được hỗ trợ/công nhận (slug). Bỏ trống nếu nguồn không nêu. */
    province: reference('provinces').optional(),
    /** Địa chỉ đến cấp xã/huyện như nguồn công bố. */
    address: z.string().optional(),
    /** true nếu địa chỉ cụ thể đã được chính cơ sở công bố (cho phép hiện vị trí chính xác). */
    addressPublished: z.boolean().default(false),
    /** Vị trí trên bản đồ và độ chính xác của nó. */
    location: point.extend({ precision }).optional(),
    /** Ngành nghề. */
    sector: z.string().optional(),
    /**
     * Nhóm sản phẩm của cơ sở (1 thủ công mỹ nghệ; 2 chế biến nông, lâm, thủy sản, thực phẩm; 3 thiết bị, máy móc,
     * cơ khí; 4 khác), để lọc danh bạ và bản đồ. Chỉ cần ghi khi cơ sở chưa có sản phẩm được công nhận trên trang:
     * nhóm của sản phẩm được công nhận tự được tính.
     */
    groups: z.array(productGroup).optional(),
    /** Các lần được hỗ trợ. */
    support: z.array(support).default([]),
    /** Liên hệ, chỉ khi cơ sở công bố. */
    contact: z.string().optional(),
    /** Nguồn tin. */
    sources,
  })
  .refine((b) => !(b?.kind === 'ho-kinh-doanh' && b.location?.precision === 'exact' && !b.addressPublished), {
    message:
      'Hộ kinh doanh chỉ được hiện vị trí chính xác khi địa chỉ đã công bố; dùng precision: commune hoặc thô hơn',
    path: ['location', 'precision'],
    // Checked even when other fields are wrong, so every problem shows in one run.
    when: () => true,
  });

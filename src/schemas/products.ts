/**
 * One recognised product or product set. Its recognitions (round, level, year, decision) are not repeated here:
 * they are read from the rounds whose results list it, so each fact lives in one file.
 */
import { z } from 'astro/zod';
import { reference, type SchemaContext } from 'astro:content';
import { GROUPS, NOT_STATED, type Group } from '../lib/vocabulary';
import { need, photo, sources } from './shared';

/** The four product groups of TT 26/2014/TT-BCT. */
export const productGroup = z.union(
  GROUPS.map((g) => z.literal(g)) as [z.ZodLiteral<Group>, ...z.ZodLiteral<Group>[]],
  {
    error: 'Nhóm sản phẩm là số 1, 2, 3 hoặc 4',
  },
);
export type ProductGroup = z.infer<typeof productGroup>;

/**
 * A product's group as its source states it: most lists name the product without its group, and a group guessed
 * from the product's nature would be an inference published as fact, so "chua-ro" says so explicitly.
 */
export const statedGroup = z.union([productGroup, z.literal(NOT_STATED)], {
  error: `Nhóm sản phẩm là số 1, 2, 3, 4, hoặc ${NOT_STATED} khi nguồn không nêu nhóm`,
});

export const productSchema = (ctx: SchemaContext) =>
  z.strictObject({
    /** Tên sản phẩm như trong quyết định công nhận. */
    name: z.string(need('tên sản phẩm (name)')).min(3),
    /**
     * Nhóm: 1 thủ công mỹ nghệ; 2 chế biến nông, lâm, thủy sản, thực phẩm; 3 thiết bị, máy móc, cơ khí; 4 khác;
     * chua-ro khi nguồn không nêu nhóm (không đoán).
     */
    group: statedGroup,
    /** true nếu nguồn gọi là "bộ sản phẩm". */
    isSet: z.boolean().default(false),
    /** Cơ sở sản xuất (slug trong beneficiaries). Bỏ trống nếu nguồn không nêu tên cơ sở. */
    producer: reference('beneficiaries').optional(),
    /** Tỉnh/thành tại thời điểm công nhận (slug). */
    province: reference('provinces'),
    /** Mô tả ngắn bằng lời của ban biên tập. */
    description: z.string().optional(),
    /** Ảnh sản phẩm. */
    photos: z.array(photo(ctx)).default([]),
    /** Nơi mua hoặc liên hệ, chỉ khi nguồn công bố. */
    contact: z.string().optional(),
    /** Nguồn tin. */
    sources,
  });

/** Dangling references: the build must name the file, the field and the missing slug. */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { findDanglingReferences, formatProblems, type EntryLike } from '../../src/lib/references';
import { votingRoundSchema } from '../../src/schemas/voting-rounds';
import { productSchema } from '../../src/schemas/products';

const ctx = { image: () => z.string() } as unknown as SchemaContext;
const source = [{ publisher: 'Bộ Công Thương', date: '2022-09-22' }];

// Entries as Astro hands them over: data already parsed by the real schemas, so references are { id, collection }.
const province: EntryLike = { id: 'thanh-hoa', collection: 'provinces', data: { name: 'Thanh Hóa' } };
const product: EntryLike = {
  id: 'binh-phuong-hoang-s1',
  collection: 'products',
  filePath: 'content/products/binh-phuong-hoang-s1.yaml',
  data: productSchema(ctx).parse({ name: 'Bình phương hoàng S1', group: 1, province: 'thanh-hoa', sources: source }),
};
const round = (results: string[]): EntryLike => ({
  id: 'khu-vuc-phia-bac-2022',
  collection: 'votingRounds',
  filePath: 'content/voting-rounds/khu-vuc-phia-bac-2022.yaml',
  data: votingRoundSchema.parse({
    title: 'Bình chọn sản phẩm CNNT tiêu biểu khu vực phía Bắc 2022',
    level: 'khu-vuc',
    region: 'bac',
    year: 2022,
    organiser: 'Cục Công Thương địa phương',
    host: 'thanh-hoa',
    decision: { number: '123/QĐ-BCT', date: '2022-09-20' },
    recognised: results.length,
    results: results.map((slug) => ({ product: slug })),
    sources: source,
  }),
});

describe('findDanglingReferences', () => {
  it('finds nothing when every reference resolves', () => {
    expect(findDanglingReferences([province, product, round(['binh-phuong-hoang-s1'])])).toEqual([]);
  });

  it('finds a missing product with its file and dotted field path', () => {
    const problems = findDanglingReferences([province, product, round(['binh-phuong-hoang-s1', 'khong-co'])]);
    expect(problems).toEqual([
      {
        file: 'content/voting-rounds/khu-vuc-phia-bac-2022.yaml',
        field: 'results.1.product',
        value: 'khong-co',
        target: 'products',
        message: expect.stringContaining('"khong-co"'),
      },
    ]);
  });

  it('finds a missing province on a product, and does not mistake dates for references', () => {
    const problems = findDanglingReferences([product, round(['binh-phuong-hoang-s1'])]);
    expect(problems.map((p) => `${p.file}:${p.field}`)).toEqual([
      'content/products/binh-phuong-hoang-s1.yaml:province',
      'content/voting-rounds/khu-vuc-phia-bac-2022.yaml:host',
    ]);
  });

  it('names collection/id when the entry has no file path', () => {
    const [problem] = findDanglingReferences([
      { id: 'x', collection: 'news', data: { round: { id: 'y', collection: 'votingRounds' } } },
    ]);
    expect(problem?.file).toBe('news/x');
  });

  it('prints one line per problem: file [field] "value": message', () => {
    const text = formatProblems(findDanglingReferences([product]));
    expect(text).toMatch(
      /^content\/products\/binh-phuong-hoang-s1\.yaml \[province\] "thanh-hoa": không có mục "thanh-hoa" trong provinces/,
    );
    expect(text.split('\n')).toHaveLength(1);
  });
});

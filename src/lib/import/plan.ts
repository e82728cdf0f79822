/**
 * Decides what an import changes, without writing anything: which products and establishments already exist (same
 * name and producer, ignoring case and marks), which are new, what each round result becomes, and every conflict
 * between the sheet and the content, each reported on the sheet's row and column.
 *
 * Rules (documented for editors in docs/huong-dan-bien-tap.md):
 * - The round's results take the sheet's score, certificate and decision number when a cell gives one; an empty cell
 *   never erases a value already published. Results the sheet does not list are kept.
 * - A product or establishment already present is never duplicated. Blank fields are filled in (producer, province,
 *   address, location); a different group or province is written only when no other round lists the product,
 *   otherwise it is reported for the editor to decide. A different address or kind is kept and noted.
 * - An establishment is its name within a province (today's unit): the same name in another province is reported,
 *   and once the editor has created that second establishment's file, rows match it by province.
 * - New records cite `source` when given (the --source-… flags), else the round's own sources; so does a record
 *   that gets a new fact.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ContentSnapshot } from './content.ts';
import { NOT_STATED, type NotStated } from '../vocabulary.ts';
import { inferKind, namesASet, type Kind } from './fields.ts';
import { freeSlug, producerKey, producerSlugBase, productKey, productSlugCandidates } from './names.ts';
import type { Problem } from './problems.ts';
import type { ProvinceMatcher, ProvinceRecord } from './province-match.ts';
import { RecordFile } from './record-file.ts';
import type { ParsedSheet } from './sheet.ts';
import { matchKey } from './text.ts';

export interface ImportSource {
  publisher: string;
  title?: string | undefined;
  url?: string | undefined;
  date?: string | undefined;
}

export interface PlanSummary {
  rows: number;
  productsCreated: number;
  productsUpdated: number;
  producersCreated: number;
  producersUpdated: number;
  resultsAdded: number;
  resultsUpdated: number;
}

export interface Plan {
  /** Files to write: every one new or changed. */
  files: RecordFile[];
  problems: Problem[];
  notices: string[];
  summary: PlanSummary;
  /** The sheet row that created or first changed each record (for messages about the record's fields). */
  origins: Map<RecordFile, number>;
}

type Data = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const sameSource = (a: Data, b: Data) =>
  ['publisher', 'title', 'url', 'date'].every((k) => String(a[k] ?? '') === String(b[k] ?? ''));

/** Appends the sources not already cited; true if any was added. */
function cite(record: RecordFile, sources: readonly Data[]): void {
  const present = (Array.isArray(record.data['sources']) ? record.data['sources'] : []) as Data[];
  for (const source of sources) {
    if (!present.some((p) => sameSource(p, source))) record.push('sources', source);
  }
}

export function planImport(
  sheet: ParsedSheet,
  content: ContentSnapshot,
  round: RecordFile,
  provinces: ProvinceMatcher,
  options: { file: string; source?: ImportSource | undefined },
): Plan {
  const { file } = options;
  const problems: Problem[] = [];
  const notices: string[] = [];
  const summary: PlanSummary = {
    rows: sheet.rows.length,
    productsCreated: 0,
    productsUpdated: 0,
    producersCreated: 0,
    producersUpdated: 0,
    resultsAdded: 0,
    resultsUpdated: 0,
  };
  const roundSources = (Array.isArray(round.data['sources']) ? round.data['sources'] : []) as Data[];
  const citeWith: Data[] = options.source
    ? [Object.fromEntries(Object.entries(options.source).filter(([, v]) => v !== undefined))]
    : roundSources;

  // Indexes over what exists.
  const productsByKey = new Map<string, RecordFile[]>();
  const addProduct = (p: RecordFile) => {
    const key = productKey(str(p.data['name']) ?? '');
    productsByKey.set(key, [...(productsByKey.get(key) ?? []), p]);
  };
  content.products.forEach(addProduct);
  const producersByKey = new Map<string, RecordFile[]>();
  const addProducer = (b: RecordFile) => {
    const key = producerKey(str(b.data['name']) ?? '');
    producersByKey.set(key, [...(producersByKey.get(key) ?? []), b]);
  };
  content.beneficiaries.forEach(addProducer);
  const otherRoundsOf = new Map<string, string[]>();
  for (const r of content.rounds) {
    if (r.id === round.id) continue;
    for (const result of (Array.isArray(r.data['results']) ? r.data['results'] : []) as Data[]) {
      const id = str(result['product']);
      if (id) otherRoundsOf.set(id, [...(otherRoundsOf.get(id) ?? []), r.id]);
    }
  }
  const takenProducts = new Set(content.taken.products);
  const takenProducers = new Set(content.taken.beneficiaries);
  const touchedProducts = new Set<RecordFile>();
  const touchedProducers = new Set<RecordFile>();
  const seen = new Map<RecordFile, number>();
  const origins = new Map<RecordFile, number>();
  const touch = (set: Set<RecordFile>, record: RecordFile, line: number) => {
    set.add(record);
    if (!origins.has(record)) origins.set(record, line);
  };
  const current = (id: unknown) => (typeof id === 'string' ? provinces.current(id) : undefined);
  const provinceOf = (id: unknown): ProvinceRecord | undefined =>
    typeof id === 'string' ? provinces.byId.get(id) : undefined;

  const host = provinceOf(round.data['host']);
  const provincialRound = round.data['level'] === 'tinh' || round.data['level'] === 'huyen';

  const results = (Array.isArray(round.data['results']) ? round.data['results'] : []) as Data[];
  const resultAt = new Map<string, number>();
  results.forEach((r, i) => {
    const id = str(r['product']);
    if (id && !resultAt.has(id)) resultAt.set(id, i);
  });
  const added: Data[] = [];
  const edits: Array<{ path: Array<string | number>; value: unknown }> = [];

  for (const row of sheet.rows) {
    const problem = (field: Parameters<ParsedSheet['column']>[0], value: string, message: string) =>
      problems.push({ file, line: row.line, column: sheet.column(field), value, message });

    if (row.address && !row.producer) {
      notices.push(
        `${file}:${row.line} [${sheet.column('address')}] "${row.address}": không có tên cơ sở nên địa chỉ không được ghi`,
      );
    }

    // 1. The establishment.
    let producer: RecordFile | undefined;
    if (row.producer) {
      const key = producerKey(row.producer);
      const found = producersByKey.get(key) ?? [];
      // Establishments are told apart by name within a province: the same name elsewhere is another one.
      const here = found.filter(
        (b) => !row.province || !b.data['province'] || current(b.data['province']) === current(row.province.id),
      );
      const exact = here.filter((b) => b.data['province'] === row.province?.id);
      if (here.length === 1 || exact.length === 1) {
        producer = here.length === 1 ? here[0] : exact[0];
      } else if (here.length > 1) {
        problem(
          'producer',
          row.producer,
          `Có ${here.length} cơ sở cùng tên (${here.map((b) => b.display).join(', ')}): ghi tên đầy đủ hơn để chỉ rõ cơ sở nào`,
        );
        continue;
      } else if (found.length > 0) {
        const other = found[0]!;
        problem(
          'province',
          row.province?.name ?? '',
          `Cơ sở "${str(other.data['name'])}" (${other.display}) ghi tỉnh ${provinceOf(other.data['province'])?.name ?? '?'}: ` +
            'sửa cột Tỉnh/Thành phố; nếu đây là một cơ sở khác cùng tên, tạo trước tệp cho cơ sở đó trong ' +
            'content/beneficiaries/ (ghi đúng tỉnh) rồi nhập lại',
        );
        continue;
      }
      const theirs = producer?.data['province'];
      if (producer && !producer.isNew) {
        const before = producer.render();
        if (row.province && !theirs) {
          producer.set('province', row.province.id, [
            'address',
            'addressPublished',
            'location',
            'sector',
            'support',
            'contact',
            'sources',
          ]);
          if (!producer.data['location']) {
            producer.set('location', { ...row.province.centre, precision: 'province' }, [
              'sector',
              'support',
              'contact',
              'sources',
            ]);
          }
        }
        const address = str(producer.data['address']);
        if (row.address && !address) {
          producer.set('address', row.address, [
            'addressPublished',
            'location',
            'sector',
            'support',
            'contact',
            'sources',
          ]);
        } else if (row.address && address && matchKey(address) !== matchKey(row.address)) {
          notices.push(
            `${file}:${row.line} [${sheet.column('address')}] "${row.address}": giữ địa chỉ đã có "${address}" trong ${producer.display}; sửa tệp đó nếu cần`,
          );
        }
        if (row.kind && row.kind !== producer.data['kind']) {
          notices.push(
            `${file}:${row.line} [${sheet.column('kind')}] "${row.kind}": giữ loại hình đã có "${String(producer.data['kind'])}" trong ${producer.display}`,
          );
        }
        if (producer.render() !== before) {
          cite(producer, citeWith);
          touch(touchedProducers, producer, row.line);
        }
      } else if (!producer) {
        const known: Kind | undefined = row.kind ?? inferKind(row.producer);
        const kind: Kind | NotStated = known ?? NOT_STATED;
        const province = row.province ?? (provincialRound ? host : undefined);
        if (!known) {
          notices.push(
            `${file}:${row.line} [${sheet.column('producer')}] "${row.producer}": cơ sở mới mà tên không cho biết ` +
              'loại hình, ghi là "chưa rõ loại hình" (kind: chua-ro). Khi biết, thêm cột "Loại hình" (Doanh nghiệp, ' +
              'Hợp tác xã, Tổ hợp tác, Hộ kinh doanh) hoặc sửa tệp cơ sở',
          );
        }
        if (!province) {
          problem('province', '', 'Cơ sở mới cần tỉnh, thành phố: điền cột Tỉnh/Thành phố');
          continue;
        }
        const base = producerSlugBase(row.producer);
        const id = freeSlug([base, `${base}-${province.id}`], (s) => takenProducers.has(s));
        takenProducers.add(id);
        const { path, display } = content.pathFor('beneficiaries', id);
        producer = RecordFile.create(id, path, display, {
          name: row.producer,
          kind,
          province: province.id,
          address: row.address || undefined,
          location: { lat: province.centre.lat, lng: province.centre.lng, precision: 'province' },
          sources: citeWith,
        });
        addProducer(producer);
        touch(touchedProducers, producer, row.line);
        summary.producersCreated++;
      }
    }

    // 2. The province of the product.
    const province = row.province ?? provinceOf(producer?.data['province']) ?? (provincialRound ? host : undefined);
    if (!province) {
      problem('province', '', 'Thiếu tỉnh, thành phố: điền tên tỉnh của cơ sở (tên của thời điểm bình chọn)');
      continue;
    }

    // 3. The product: same name and producer, else the one same-named product of the province lacking the other's producer.
    const producerId = producer?.id;
    const candidates = productsByKey.get(productKey(row.name)) ?? [];
    let product = candidates.find((p) => (str(p.data['producer']) ?? '') === (producerId ?? ''));
    if (!product) {
      const sameProvince = candidates.filter((p) => current(p.data['province']) === current(province.id));
      const pool = producerId ? sameProvince.filter((p) => !p.data['producer']) : sameProvince;
      if (pool.length === 1) product = pool[0];
      else if (pool.length > 1) {
        problem(
          'producer',
          row.producer,
          `Có ${pool.length} sản phẩm cùng tên ở ${province.name} (${pool.map((p) => p.display).join(', ')}): điền tên cơ sở để chỉ rõ sản phẩm nào`,
        );
        continue;
      }
    }
    if (product && seen.has(product)) {
      problem('name', row.name, `Trùng với dòng ${seen.get(product)} (cùng sản phẩm và cơ sở): xóa một trong hai dòng`);
      continue;
    }

    if (product) {
      const before = product.render();
      const onlyHere = (otherRoundsOf.get(product.id) ?? []).length === 0;
      if (producerId && !product.data['producer']) product.set('producer', producerId, 'province');
      if (product.data['group'] !== row.group) {
        if (onlyHere) product.set('group', row.group);
        else {
          problem(
            'group',
            String(row.group),
            `Sản phẩm đã có (${product.display}) thuộc nhóm ${String(product.data['group'])} và được công nhận ở đợt ` +
              `${(otherRoundsOf.get(product.id) ?? []).join(', ')}: sửa cột Nhóm sản phẩm, hoặc sửa tệp sản phẩm nếu nhóm cũ sai`,
          );
          continue;
        }
      }
      const theirs = str(product.data['province']);
      if (theirs !== province.id) {
        if (onlyHere) product.set('province', province.id);
        else if (current(theirs) !== current(province.id)) {
          problem(
            'province',
            province.name,
            `Sản phẩm đã có (${product.display}) ghi tỉnh ${provinceOf(theirs)?.name ?? String(theirs)} ở đợt khác: ` +
              'sửa cột Tỉnh/Thành phố, hoặc sửa tệp sản phẩm nếu tỉnh cũ sai',
          );
          continue;
        }
      }
      if (product.render() !== before) {
        cite(product, citeWith);
        touch(touchedProducts, product, row.line);
      }
    } else {
      const id = freeSlug(productSlugCandidates(row.name, producerId, province.id), (s) => takenProducts.has(s));
      takenProducts.add(id);
      const { path, display } = content.pathFor('products', id);
      product = RecordFile.create(id, path, display, {
        name: row.name,
        group: row.group,
        isSet: namesASet(row.name) ? true : undefined,
        producer: producerId,
        province: province.id,
        sources: citeWith,
      });
      addProduct(product);
      touch(touchedProducts, product, row.line);
      summary.productsCreated++;
    }
    seen.set(product, row.line);

    // 4. The round's result (applied to the round's file once, after the loop: one edit per row made it n²).
    const at = resultAt.get(product.id);
    const values: Data = {};
    if (row.score !== undefined) values['score'] = row.score;
    if (row.certificate) values['certificate'] = row.certificate;
    if (row.decision) values['decision'] = row.decision;
    if (at === undefined) {
      added.push({ product: product.id, ...values });
      summary.resultsAdded++;
    } else {
      const old = results[at]!;
      const changes = Object.entries(values).filter(([k, v]) => !isDeepStrictEqual(old[k], v));
      for (const [k, v] of changes) edits.push({ path: ['results', at, k], value: v });
      if (changes.length > 0) summary.resultsUpdated++;
    }
  }
  round.batch(edits, 'results', added);

  // The sheet's own source backs the round's results too.
  if (options.source && summary.rows > 0) cite(round, citeWith);

  const resultCount = Array.isArray(round.data['results']) ? round.data['results'].length : 0;
  const recognised = round.data['recognised'];
  if (typeof recognised === 'number' && resultCount > recognised) {
    problems.push({
      file: round.display,
      column: 'recognised',
      value: String(recognised),
      message:
        `Sau khi nhập, đợt sẽ có ${resultCount} sản phẩm nhưng chỉ ghi ${recognised} sản phẩm được công nhận: ` +
        'kiểm tra bảng có nhầm đợt không (--round), hoặc sửa số "recognised" theo quyết định',
    });
  }

  summary.productsUpdated = [...touchedProducts].filter((p) => !p.isNew).length;
  summary.producersUpdated = [...touchedProducers].filter((p) => !p.isNew).length;
  const files = [...touchedProducers, ...touchedProducts, round].filter((f) => f.changed);
  return { files, problems, notices, summary, origins };
}

/**
 * The web editor's configuration (Sveltia CMS, /admin/config.yml), generated from the content model so the two cannot
 * drift: the collections and their folders come from src/lib/check/collections.ts, and every field from walking the
 * collection's zod schema (src/schemas/*.ts):
 *
 *   string → string (text for long prose, type url for links; min/max length and patterns carried over)
 *   number → number (int or float, min/max)      boolean → boolean       date → datetime, date only (YYYY-MM-DD)
 *   enum / literal union → select                 array → list, or a multiple select/relation for choices
 *   object → object                               reference('x') → relation to collection x (provinces: a select)
 *   image() → image, beside the entry, JPG/PNG/WebP/AVIF only
 *
 * Optional and defaulted fields are `required: false`. Labels and choice labels are Vietnamese (labels.ts); hints are
 * the schemas' doc comments (schema-docs.ts). A field without a Vietnamese label stops the build.
 */
import type { z } from 'astro/zod';
import type { Backend, CmsConfig, EntryCollection, Field, SelectField } from '@sveltia/cms';
import { COLLECTIONS, type CollectionName } from '../check/collections.ts';
import { slugPattern } from '../../schemas/shared.ts';
import { COLLECTION_WORDS, DISPLAY_FIELD, FIELD_LABELS, MULTILINE, OPTION_LABELS } from './labels.ts';
import type { DocField, DocTree } from './schema-docs.ts';

/** The build check's photo limits (scripts/lib/check/photos.ts), repeated here because the CMS runs in the browser. */
export const PHOTO_LIMITS = { bytes: 15 * 1024 * 1024, pixels: 40_000_000 } as const;
/** Raster formats a photo may have: the same list as the build check; never SVG (it can carry scripts). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const;
/** Photos uploaded through the editor are scaled to fit this square and re-encoded as WebP, which drops EXIF/GPS. */
export const UPLOAD_MAX_SIDE = 4000;

export interface ProvinceChoice {
  id: string;
  name: string;
  /** Set for a unit that no longer exists (merged on 1/7/2025). */
  validUntil?: Date | string | undefined;
}

export interface ConfigInputs {
  /** Each editable collection's schema, built with a SchemaContext whose image() returns `image`. */
  schemas: Partial<Record<CollectionName, z.ZodType>>;
  /** The schema image() returned, so image fields can be told from strings. */
  image: z.ZodType;
  /** Each collection's doc comments, from schemaDocs(). */
  docs: Partial<Record<CollectionName, DocTree>>;
  /** The units a province field may name. */
  provinces: readonly ProvinceChoice[];
  backend: Backend;
  /** The public site, linked from the editor. */
  siteUrl?: string | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading zod 4 schemas (their `_zod.def`, which is stable public API of zod/v4/core).

interface Check {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  error?: (issue: object) => unknown;
}
interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: Array<{ _zod: { def: Check } }>;
  format?: string;
  in?: z.ZodType;
  out?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: z.ZodType): Check[] => (defOf(schema).checks ?? []).map((c) => c._zod.def);

/** Strips optional/nullable/default wrappers: the schema inside, whether a value is required, and its default. */
export function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean; defaultValue?: unknown } {
  let inner = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional' || def.type === 'nullable') required = false;
    else if (def.type === 'default' || def.type === 'prefault') {
      required = false;
      defaultValue ??= def.defaultValue;
    } else break;
    inner = def.innerType!;
  }
  return { inner, required, ...(defaultValue !== undefined && { defaultValue }) };
}

/** The collection a reference('x') schema points to, or undefined when `schema` is not a reference. */
export function referencedCollection(schema: z.ZodType): string | undefined {
  const def = defOf(schema);
  if (def.type !== 'pipe' || defOf(def.out!).type !== 'transform' || defOf(def.in!).type !== 'union') return undefined;
  // Astro's reference() (and the check's stand-in) turns a slug into { id, collection }: ask it which collection.
  const probe = schema.safeParse('probe');
  const data = probe.success ? (probe.data as { collection?: unknown }) : undefined;
  return typeof data?.collection === 'string' ? data.collection : undefined;
}

/** The values of an enum, a literal, or a union of those; undefined for anything else. */
function choiceValues(schema: z.ZodType): Array<string | number> | undefined {
  const def = defOf(schema);
  if (def.type === 'enum') return Object.values(def.entries!);
  if (def.type === 'literal') return def.values as Array<string | number>;
  if (def.type === 'union') {
    const parts = def.options!.map(choiceValues);
    return parts.every((p) => p !== undefined) ? (parts.flat() as Array<string | number>) : undefined;
  }
  return undefined;
}

const messageOf = (check: Check): string | undefined => {
  const text = check.error?.({});
  return typeof text === 'string' ? text : undefined;
};

// ---------------------------------------------------------------------------------------------------------------
// Fields.

interface Place {
  collection: CollectionName;
  /** The field holding this one ('' at the top); list items count as their list. */
  parent: string;
  doc: DocField | undefined;
}

const lookup = <T>(table: Record<string, T>, parent: string, name: string): T | undefined =>
  (parent ? table[`${parent}.${name}`] : undefined) ?? table[name];

function labelOf(place: Place, name: string): string {
  const label = lookup(FIELD_LABELS, place.parent, name);
  if (!label) {
    throw new Error(
      `Trình biên tập (/admin): trường "${place.parent ? `${place.parent}.` : ''}${name}" của ${place.collection} chưa có nhãn tiếng Việt: thêm vào src/lib/admin/labels.ts (FIELD_LABELS)`,
    );
  }
  return label;
}

function optionsOf(place: Place, name: string, values: ReadonlyArray<string | number>): SelectField['options'] {
  const labels = lookup(OPTION_LABELS, place.parent, name) ?? {};
  return values.map((value) => {
    const label = labels[String(value)];
    if (!label) {
      throw new Error(
        `Trình biên tập (/admin): lựa chọn "${value}" của trường "${name}" (${place.collection}) chưa có nhãn tiếng Việt: thêm vào src/lib/admin/labels.ts (OPTION_LABELS)`,
      );
    }
    return { label, value };
  });
}

const IMAGE_HINT = `Ảnh JPG, PNG, WebP hoặc AVIF (không nhận SVG), tối đa ${PHOTO_LIMITS.bytes / 1048576} MB và ${
  PHOTO_LIMITS.pixels / 1e6
} triệu điểm ảnh. Ảnh tải lên được thu nhỏ còn tối đa ${UPLOAD_MAX_SIDE} điểm ảnh mỗi chiều, lưu dạng WebP, cạnh tệp nội dung.`;

const joinHints = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ') || undefined;

class Generator {
  constructor(private readonly inputs: ConfigInputs) {}

  /** One list shared by every province field (written once in the YAML, then referenced). */
  private provinces: SelectField['options'] | undefined;

  private provinceOptions(): SelectField['options'] {
    return (this.provinces ??= [...this.inputs.provinces]
      .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id))
      .map((p) => ({ label: `${p.name}${p.validUntil ? ' (trước 1/7/2025)' : ''} – ${p.id}`, value: p.id })));
  }

  /** A field naming entries of `collection`: a relation, or for provinces a select of the fixed list. */
  private reference(base: Record<string, unknown>, collection: string, multiple: boolean, min?: number): Field {
    const multi = multiple ? { multiple: true, ...(min && { min }) } : {};
    if (collection === 'provinces')
      return { ...base, widget: 'select', options: this.provinceOptions(), ...multi } as Field;
    const shown = DISPLAY_FIELD[collection as CollectionName];
    if (!shown || !COLLECTION_WORDS[collection as CollectionName]) {
      throw new Error(`Trình biên tập (/admin): không có bộ sưu tập "${collection}" để liên kết tới`);
    }
    return {
      ...base,
      widget: 'relation',
      collection,
      value_field: '{{slug}}',
      display_fields: [shown],
      search_fields: [shown],
      ...multi,
    } as Field;
  }

  /** The subfields of an object schema. */
  fields(shape: Record<string, z.ZodType>, place: Omit<Place, 'doc'>, docs: DocTree | undefined): Field[] {
    return Object.entries(shape).map(([name, schema]) =>
      this.field(name, schema, { ...place, doc: docs?.fields[name] }),
    );
  }

  field(name: string, schema: z.ZodType, place: Place): Field {
    const { inner, required, defaultValue } = unwrap(schema);
    const def = defOf(inner);
    const hint = place.doc?.doc;
    const base: Record<string, unknown> = { name, label: labelOf(place, name), required, ...(hint && { hint }) };
    const below: Omit<Place, 'doc'> = { collection: place.collection, parent: name };

    const target = referencedCollection(inner);
    if (target) return this.reference(base, target, false);

    if (inner === this.inputs.image) {
      return {
        ...base,
        widget: 'image',
        hint: joinHints(hint, IMAGE_HINT),
        accept: PHOTO_TYPES.join(','),
        choose_url: false,
        // Beside the entry's file: the path written is the file name, which Astro's image() resolves from the entry.
        media_folder: '',
        public_folder: '',
      } as Field;
    }

    const choices = choiceValues(inner);
    if (choices) {
      return {
        ...base,
        widget: 'select',
        options: optionsOf(place, name, choices),
        ...(defaultValue !== undefined && { default: defaultValue }),
      } as Field;
    }

    switch (def.type) {
      case 'string': {
        const checks = checksOf(inner);
        const min = checks.find((c) => c.check === 'min_length')?.minimum;
        const max = checks.find((c) => c.check === 'max_length')?.maximum;
        const regex = checks.find((c) => c.check === 'string_format' && c.format === 'regex');
        const multiline = MULTILINE.has(name) || MULTILINE.has(`${place.parent}.${name}`);
        return {
          ...base,
          widget: multiline ? 'text' : 'string',
          ...(def.format === 'url' && { type: 'url' }),
          ...(min !== undefined && { minlength: min }),
          ...(max !== undefined && { maxlength: max }),
          ...(regex?.pattern && { pattern: [regex.pattern.source, messageOf(regex) ?? 'Giá trị không đúng dạng'] }),
          ...(typeof defaultValue === 'string' && { default: defaultValue }),
        } as Field;
      }
      case 'number': {
        const checks = checksOf(inner);
        const int = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
        const low = checks.find((c) => c.check === 'greater_than');
        const high = checks.find((c) => c.check === 'less_than');
        const step = int ? 1 : 0;
        return {
          ...base,
          widget: 'number',
          value_type: int ? 'int' : 'float',
          ...(low?.value !== undefined && { min: low.inclusive ? low.value : low.value + step }),
          ...(high?.value !== undefined && { max: high.inclusive ? high.value : high.value - step }),
          // Coordinates have 4 decimals; a step also stops the browser from calling a decimal value invalid.
          ...(!int && { step: 0.0001 }),
          ...(typeof defaultValue === 'number' && { default: defaultValue }),
        } as Field;
      }
      case 'boolean':
        return {
          ...base,
          widget: 'boolean',
          ...(typeof defaultValue === 'boolean' && { default: defaultValue }),
        } as Field;
      case 'date':
        return { ...base, widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' } as Field;
      case 'object':
        return {
          ...base,
          widget: 'object',
          collapsed: 'auto',
          fields: this.fields(def.shape!, below, place.doc?.tree),
        } as Field;
      case 'array': {
        const checks = checksOf(inner);
        const min = checks.find((c) => c.check === 'min_length')?.minimum;
        const max = checks.find((c) => c.check === 'max_length')?.maximum;
        const bounds = { ...(min && { min }), ...(max !== undefined && { max }) };
        const element = unwrap(def.element!).inner;
        const elementTarget = referencedCollection(element);
        if (elementTarget) return this.reference(base, elementTarget, true, min);
        const elementChoices = choiceValues(element);
        if (elementChoices)
          return {
            ...base,
            widget: 'select',
            multiple: true,
            options: optionsOf(place, name, elementChoices),
            ...bounds,
          } as Field;
        const itemDocs = place.doc?.tree.element;
        if (defOf(element).type === 'object') {
          const fields = this.fields(defOf(element).shape!, below, itemDocs);
          return { ...base, widget: 'list', collapsed: 'auto', fields, ...bounds } as Field;
        }
        const item = this.field('item', element, { collection: place.collection, parent: name, doc: undefined });
        return {
          ...base,
          widget: 'list',
          field: { ...item, label: lookup(FIELD_LABELS, name, 'item') ?? base['label'] },
          ...bounds,
        } as Field;
      }
      default:
        throw new Error(
          `Trình biên tập (/admin): chưa biết cách hiện trường "${name}" (${place.collection}) kiểu zod "${def.type}"`,
        );
    }
  }
}

/** The editor's form fields for one collection: its schema's fields, plus the Markdown body for prose. */
export function collectionFields(
  name: CollectionName,
  inputs: ConfigInputs,
  generator = new Generator(inputs),
): Field[] {
  const schema = inputs.schemas[name];
  if (!schema) throw new Error(`Trình biên tập (/admin): thiếu schema của ${name}`);
  const def = defOf(unwrap(schema).inner);
  if (def.type !== 'object') throw new Error(`Trình biên tập (/admin): schema của ${name} không phải một object`);
  const fields = generator.fields(def.shape!, { collection: name, parent: '' }, inputs.docs[name]);
  if (COLLECTIONS[name].kind !== 'prose') return fields;
  return [
    ...fields,
    {
      name: 'body',
      label: FIELD_LABELS['body']!,
      widget: 'markdown',
      hint: 'Viết Markdown: tiêu đề ##, **đậm**, danh sách, liên kết. Không dán mã HTML; ảnh đặt ở trường Ảnh phía trên.',
      // Only text formatting: photos go through the photo fields, which the build checks (format, size, alt text).
      buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'],
      editor_components: [],
    },
  ];
}

/** One collection of the editor. */
export function collectionConfig(
  name: CollectionName,
  inputs: ConfigInputs,
  generator = new Generator(inputs),
): EntryCollection {
  const words = COLLECTION_WORDS[name];
  if (!words) throw new Error(`Trình biên tập (/admin): bộ sưu tập ${name} không có trong COLLECTION_WORDS`);
  const prose = COLLECTIONS[name].kind === 'prose';
  const identifier = DISPLAY_FIELD[name] ?? 'title';
  return {
    name,
    label: words.label,
    label_singular: words.singular,
    description: words.description,
    icon: words.icon,
    folder: COLLECTIONS[name].path,
    extension: prose ? 'md' : 'yaml',
    format: prose ? 'yaml-frontmatter' : 'yaml',
    identifier_field: identifier,
    slug: {
      template: `{{${identifier}}}`,
      // The slug is the entry's address and what other entries reference: set once, when the entry is created.
      editable: ['create'],
      pattern: [slugPattern.source, 'Chỉ chữ thường không dấu, số và dấu gạch ngang (đ viết là d), ví dụ che-tay-son'],
      hint: 'Tên tệp và địa chỉ trang: chữ thường không dấu nối bằng gạch ngang. Không đổi được sau khi lưu.',
    },
    // Photos live beside the entry's file (an entry-relative media folder).
    media_folder: '',
    public_folder: '',
    create: true,
    // Deleting breaks what references the entry: done through a reviewed pull request, not from the editor.
    delete: false,
    // The schema's resultsSheet (a file name) is written by the upload field below, not typed.
    fields:
      name === 'votingRounds'
        ? [...collectionFields(name, inputs, generator).filter((f) => f.name !== 'resultsSheet'), RESULTS_SHEET_FIELD]
        : collectionFields(name, inputs, generator),
  };
}

/**
 * A round's results sheet, uploaded as the council sent it (.xlsx or CSV): saved beside the round's file, its name in
 * the round's `resultsSheet` (a schema field, so the strict check accepts it; not offered as text). The content check and the build read the sheet itself with the
 * importer's rules (src/lib/import/beside.ts), list every problem by row, and add its results, products and
 * establishments to the round; nothing else is written.
 */
export const RESULTS_SHEET_FIELD = {
  name: 'resultsSheet',
  label: 'Bảng kết quả (Excel hoặc CSV)',
  widget: 'file',
  required: false,
  accept: '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv',
  choose_url: false,
  media_folder: '',
  public_folder: '',
  hint:
    'Tải lên bảng kết quả của hội đồng (.xlsx hoặc "CSV UTF-8", tối đa 10 MB), đúng như bản gửi về: một dòng tiêu đề cột ' +
    '"STT", "Tên sản phẩm", "Nhóm sản phẩm", "Tên cơ sở", "Địa chỉ", "Tỉnh/Thành phố" (có thể thêm "Điểm", "Số giấy ' +
    'chứng nhận", "Số quyết định", "Loại hình"), mỗi sản phẩm một dòng. Khi lưu, hệ thống kiểm tra từng dòng: nếu có lỗi, ' +
    'danh sách lỗi ghi rõ dòng và cột, trang chưa đổi; sửa trong Excel rồi tải lên lại. Nếu không có lỗi, kết quả, sản phẩm ' +
    'và cơ sở mới hiện trên trang đợt sau khi trang được dựng lại. Tệp nhiều trang tính: chỉ đọc trang có dòng tiêu đề cột. ' +
    'Xem "Nhập kết quả bình chọn" trong hướng dẫn biên tập.',
} as unknown as Field;

/** The whole editor configuration. */
export function cmsConfig(inputs: ConfigInputs): CmsConfig {
  const names = (Object.keys(COLLECTION_WORDS) as CollectionName[]).filter((name) => name in COLLECTIONS);
  const generator = new Generator(inputs);
  return {
    backend: inputs.backend,
    // Every change is a pull request that the central editors review and merge (GitHub backend).
    publish_mode: 'editorial_workflow',
    app_title: 'Biên tập – Sản phẩm CNNT tiêu biểu',
    ...(inputs.siteUrl && { site_url: inputs.siteUrl, display_url: inputs.siteUrl }),
    // A logo on this origin: the default one is a data: URL the editor fetches, which the CSP's connect-src refuses.
    logo: { src: '/favicon.svg' },
    show_preview_links: false,
    // Required by the editor; every collection overrides it with a folder beside each entry.
    media_folder: '',
    public_folder: '',
    media_libraries: {
      default: {
        config: {
          max_file_size: PHOTO_LIMITS.bytes,
          slugify_filename: true,
          transformations: {
            raster_image: { format: 'webp', quality: 85, width: UPLOAD_MAX_SIDE, height: UPLOAD_MAX_SIDE },
          },
        },
      },
      // No third-party photo libraries: their licences and requests are not the site's.
      stock_assets: false,
    },
    slug: { encoding: 'ascii', clean_accents: true, lowercase: true },
    // An empty optional field is left out, as the schemas expect, rather than written as "".
    output: { omit_empty_optional_fields: true, yaml: { indent_size: 2 } },
    collections: names.map((name) => collectionConfig(name, inputs, generator)),
  };
}

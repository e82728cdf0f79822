/**
 * npm run import:results -- <file.csv|file.xlsx> --round <round-slug> [--dry-run] [--sheet "<worksheet>"]
 *   [--source-publisher "Sở Công Thương Hà Tĩnh" --source-url https://… --source-date 2022-09-25 --source-title "…"]
 *   [--content <dir>]
 *
 * Imports a province's results sheet into a voting round (see docs/huong-dan-bien-tap.md). Lists every problem and
 * writes nothing if there is any; exit status 0 when imported (or when a dry run found no problem), 1 on problems,
 * 2 on a usage error. The logic is in src/lib/import/ (the content check and the build read a sheet saved beside its
 * round with the same code: src/lib/import/beside.ts). Every record is checked with the content check's field rules
 * (its schema, dates, no HTML) before anything is written; problems and notices are listed apart.
 */
import { register } from 'node:module';
import { parseArgs } from 'node:util';
import type { FieldRules, ImportSource } from '../src/lib/import/index.ts';

// The check's schemas import `astro:content`: the same stand-in as `npm run check` (scripts/lib/check/hooks.ts).
register('./lib/check/hooks.ts', import.meta.url);
const { importResults } = await import('../src/lib/import/index.ts');
const { recordRules } = await import('./lib/check/run.ts');
const rules: FieldRules = (collection, _id, data) => recordRules(collection, data);

const USAGE = `Cách dùng: npm run import:results -- <tệp.csv|tệp.xlsx> --round <slug-đợt> [--dry-run] [--sheet "<tên trang tính>"]
  [--source-publisher "<cơ quan>"] [--source-url <https://…>] [--source-date <YYYY-MM-DD>] [--source-title "<tiêu đề>"]
  [--content <thư mục nội dung, mặc định content>]`;

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      round: { type: 'string' },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      'source-publisher': { type: 'string' },
      'source-url': { type: 'string' },
      'source-date': { type: 'string' },
      'source-title': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(2);
}
const { values, positionals } = args;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const file = positionals[0];
if (!file || positionals.length > 1 || !values.round) {
  console.error(USAGE);
  process.exit(2);
}

const sourceFlags = [values['source-publisher'], values['source-url'], values['source-date'], values['source-title']];
const source: ImportSource | undefined = sourceFlags.some((v) => v !== undefined)
  ? {
      publisher: values['source-publisher'] ?? '',
      title: values['source-title'],
      url: values['source-url'],
      date: values['source-date'],
    }
  : undefined;

const started = performance.now();
const report = await importResults({
  file,
  round: values.round,
  contentDir: values.content,
  dryRun: values['dry-run'],
  source,
  sheet: values.sheet,
  rules,
});

for (const notice of report.notices) console.log(`Lưu ý: ${notice}`);
if (!report.ok) {
  console.error(`Không nhập: ${report.problems.length} lỗi. Sửa tất cả rồi chạy lại; chưa có tệp nào bị thay đổi.`);
  for (const line of report.problems) console.error(line);
  process.exit(1);
}
const s = report.summary!;
console.log(
  `Đọc ${s.rows} dòng sản phẩm. Sản phẩm: ${s.productsCreated} mới, ${s.productsUpdated} cập nhật. ` +
    `Cơ sở: ${s.producersCreated} mới, ${s.producersUpdated} cập nhật. ` +
    `Kết quả đợt ${values.round}: ${s.resultsAdded} thêm, ${s.resultsUpdated} cập nhật.`,
);
if (report.files.length === 0) console.log('Nội dung đã khớp với bảng: không có tệp nào thay đổi.');
for (const f of report.files) console.log(`${f.created ? 'tạo    ' : 'cập nhật'} ${f.path}`);
if (values['dry-run'] && report.files.length > 0) console.log('Chạy thử (--dry-run): chưa ghi tệp nào.');
console.log(`Xong sau ${Math.round(performance.now() - started)} ms.`);

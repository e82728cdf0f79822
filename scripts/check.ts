/**
 * `npm run check`: validates all content without building pages and lists every problem in one run, as
 * `file:line [field] message` in Vietnamese with the fix. Exits 1 if there is any. Reads only.
 * Usage: node scripts/check.ts [project-root]
 */
import { register } from 'node:module';
import { resolve } from 'node:path';

register('./lib/check/hooks.ts', import.meta.url);
const { checkContent } = await import('./lib/check/run.ts');
const { formatProblem, sortProblems } = await import('../src/lib/check/problems.ts');

const root = resolve(process.argv[2] ?? '.');
const started = performance.now();
const { problems, entries, files, summary, notices } = await checkContent(root);
for (const notice of notices) console.log(`Lưu ý: ${notice}`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length === 0) {
  console.log(`Nội dung hợp lệ: ${entries} mục trong ${files} tệp (${seconds} s).`);
  console.log(summary);
} else {
  for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
  const bad = new Set(problems.map((p) => p.file)).size;
  console.error(
    `\n${problems.length} vấn đề trong ${bad} tệp (đã kiểm tra ${files} tệp, ${seconds} s). Chưa có gì bị thay đổi.`,
  );
  process.exitCode = 1;
}

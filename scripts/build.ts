/**
 * `npm run build`: builds the site into a fresh folder and puts it in place of dist/ only when every step passed.
 * `node scripts/build.ts [--no-postbuild] [--production] [--test]`
 *
 * Atomic: `astro build` writes into dist.next/ (beside dist/, so the swap is a rename on one file system), the steps
 * after it (scripts/postbuild.ts: search index, headers, photo check) work there, and only then dist/ becomes
 * dist.old/, dist.next/ becomes dist/, and dist.old/ is removed. A failure at any step removes dist.next/ and leaves
 * the previous dist/ exactly as it was (the editors' guide promises published pages stay until a build succeeds);
 * the last lines say, in Vietnamese, which step failed and which content file(s) the errors name.
 *
 * The content check (scripts/check.ts) runs beside Astro: it lists every problem with file, line and field, and
 * Astro leaves the second core mostly idle. The check fails: Astro is stopped and the check's list is printed last.
 *
 * The web editor (/admin/) commits to the GitHub repository in CMS_GITHUB_REPO or deploy/editor.json. A production
 * build (`CI=true`, as hosted CI and deploy platforms set, or `--production`) refuses to build without one, so the
 * unconfigured editor is never shipped; `--test` (the build `npm test` makes, never deployed) allows it
 * (deploy/README.md, "Configuring the editor's repository").
 *
 * BUILD_FAULT=astro|search|headers|photos makes that step fail after it ran (scripts/check-build-errors.ts proves
 * with it that a failure in each phase leaves dist/ as it was).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync, renameSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorRepository } from '../src/lib/admin/repository.ts';
import { CONTACT_CONFIG_FILE, siteContact } from '../src/lib/contact.ts';

const ROOT = process.cwd();
const astroBin = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const OUT = resolve('dist');
const STAGE = `${OUT}.next`;
const OLD = `${OUT}.old`;
const args = process.argv.slice(2);
const production = args.includes('--production') || (process.env['CI'] === 'true' && !args.includes('--test'));
const fault = process.env['BUILD_FAULT'] ?? '';

interface Done {
  code: number;
  output: string;
}

function start(
  command: string[],
  stream: boolean,
  env: NodeJS.ProcessEnv = process.env,
): { child: ChildProcess; done: Promise<Done> } {
  const child = spawn(process.execPath, command, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
  let output = '';
  const collect = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
    if (stream) target.write(chunk);
    output += chunk;
  };
  child.stdout!.on('data', collect(process.stdout));
  child.stderr!.on('data', collect(process.stderr));
  const done = new Promise<Done>((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output })),
  );
  return { child, done };
}

/** Stops a child and everything it started (Astro runs workers). */
function stop(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** The colour codes Astro writes around its messages (ESC [ … m). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what is being removed.
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;

const clean = (dir: string) => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });

/** Content files named in a step's output: paths under content/ or public/, and built pages traced to their entry. */
function contentFilesIn(output: string): string[] {
  const found = new Set<string>();
  const text = output.split(`${ROOT}${sep}`).join('').replace(ANSI_COLOUR, '');
  for (const match of text.matchAll(/(?:^|[^\w./-])((?:content|public)\/[\w./-]+\.[A-Za-z]{2,5})/gm))
    found.add(match[1]!);
  // A built page (/san-pham/slug/index.html): the entry whose file is named slug.
  for (const match of text.matchAll(/(?:^|\s)\/(?:[\w-]+\/)*([\w-]+)\/index\.html/gm)) {
    const slug = match[1]!;
    for (const folder of existsSync('content') ? readdirSync('content', { withFileTypes: true }) : []) {
      if (!folder.isDirectory()) continue;
      for (const ext of ['md', 'mdx', 'yaml', 'yml', 'json']) {
        const file = join('content', folder.name, `${slug}.${ext}`);
        if (existsSync(file)) found.add(file.split(sep).join('/'));
      }
    }
  }
  return [...found].sort();
}

/** Stops the build: dist.next/ removed, dist/ untouched, and the reason in Vietnamese. */
function fail(step: string, output: string, code = 1): never {
  clean(STAGE);
  const files = contentFilesIn(output);
  const kept = existsSync(OUT)
    ? `${relative(ROOT, OUT)}/ giữ nguyên bản đã dựng trước, không thay đổi gì`
    : `chưa có ${relative(ROOT, OUT)}/ nào`;
  console.error(`\nDựng trang thất bại ở bước: ${step}. ${kept}; trang đang đăng không bị ảnh hưởng.`);
  console.error(
    files.length > 0
      ? `Tệp gây lỗi: ${files.join(', ')} (xem thông báo ở trên để biết dòng và trường cần sửa).`
      : 'Thông báo ở trên không nêu tệp nội dung nào: lỗi nằm ở mã nguồn hoặc cấu hình, không phải ở nội dung.',
  );
  process.exit(code);
}

const started = performance.now();
clean(STAGE);
clean(OLD);

// The build `npm test` makes is never deployed: its editor commits nowhere real (the browser tests swap in Sveltia's
// in-browser test backend), so that build may run without the real repository.
const TEST_REPOSITORY = 'kiem-thu/ban-dung-thu-khong-dang';
if (args.includes('--test') && !editorRepository().repo) process.env['CMS_GITHUB_REPO'] = TEST_REPOSITORY;
const repository = editorRepository();
if (production && !repository.repo) {
  console.error(
    'Bản dựng chính thức (CI=true hoặc --production) không được đăng trình biên tập chưa cấu hình.\n' +
      'Ghi kho GitHub chứa nội dung ("chủ-sở-hữu/tên-kho") vào "repo" trong deploy/editor.json, hoặc đặt biến môi ' +
      'trường CMS_GITHUB_REPO khi dựng (deploy/README.md). Bản dựng để kiểm thử: node scripts/build.ts --test.',
  );
  fail('cấu hình trình biên tập /admin/', '');
}
if (!repository.repo)
  console.log(`Trình biên tập /admin/ chưa có kho GitHub: trang /admin/ hướng dẫn cách đặt (deploy/editor.json).`);
// The published site must say whom to write to: the footer, /gioi-thieu/ and every record page's "Báo lỗi" link.
let contact: ReturnType<typeof siteContact> = { name: undefined, email: undefined };
try {
  contact = siteContact();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  fail('cấu hình thư liên hệ', '');
}
if (production && !contact.email) {
  console.error(
    'Bản dựng chính thức (CI=true hoặc --production) cần địa chỉ thư của đơn vị vận hành trang: người đọc dùng nó để ' +
      'báo lỗi, các tỉnh để gửi câu chuyện và số liệu.\n' +
      `Ghi "email" (và "name") vào ${CONTACT_CONFIG_FILE}, hoặc đặt biến môi trường SITE_CONTACT_EMAIL khi dựng ` +
      '(deploy/README.md). Bản dựng để kiểm thử: node scripts/build.ts --test.',
  );
  fail('cấu hình thư liên hệ', '');
}

const check = start(['scripts/check.ts'], false);
const astro = start([astroBin, 'build', '--outDir', STAGE], true);
let checkResult: Done | undefined;
check.done.then((result) => {
  checkResult = result;
  if (result.code !== 0) stop(astro.child);
});
process.on('SIGINT', () => {
  stop(check.child);
  stop(astro.child);
  clean(STAGE);
  process.exit(130);
});

const astroResult = await astro.done;
const checked = checkResult ?? (await check.done);
(checked.code === 0 ? process.stdout : process.stderr).write(checked.output);
if (checked.code !== 0) {
  console.error('\nDừng dựng trang: sửa các lỗi nội dung ở trên rồi chạy lại (npm run check chỉ kiểm tra, nhanh hơn).');
  fail('kiểm tra nội dung (scripts/check.ts)', checked.output);
}
if (astroResult.code === 0 && fault === 'astro') {
  console.error('BUILD_FAULT=astro: bước astro build bị làm hỏng để kiểm thử.');
  astroResult.code = 1;
}
if (astroResult.code !== 0) fail('astro build', astroResult.output, astroResult.code);
console.log(`Kiểm tra nội dung ‖ astro build: ${((performance.now() - started) / 1000).toFixed(1)} s`);

if (!args.includes('--no-postbuild')) {
  const post = start(['scripts/postbuild.ts', STAGE], true);
  const result = await post.done;
  if (result.code !== 0)
    fail('sau astro build (chỉ mục tìm kiếm, tiêu đề HTTP, kiểm tra ảnh)', result.output, result.code);
}

// Every step passed: the new build takes dist/'s place.
if (existsSync(OUT)) renameSync(OUT, OLD);
renameSync(STAGE, OUT);
clean(OLD);
console.log(
  `Đã dựng xong: ${relative(ROOT, OUT)}/ thay bằng bản mới (${((performance.now() - started) / 1000).toFixed(1)} s).`,
);

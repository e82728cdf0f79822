/**
 * `npm run test:build-errors`: the build must stop on bad content and say where. For each case it copies the repo
 * into a temp folder, adds one broken file to content/, runs `astro build` there and checks that the build fails
 * naming the file and the field, so a province editor can find and fix it. Then the atomic build
 * (scripts/build.ts): in one copy holding a previous dist/, a build made to fail in each phase (content check, Astro,
 * search index, headers, photo check) and a production build without the editor's repository must each fail, say so
 * in Vietnamese (naming the content file where there is one) and leave dist/ byte-identical with no dist.next/ left;
 * then a good build must replace it. Ends with `N passed, M failed`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, makeSandbox, removeSandbox } from './lib/sandbox.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));

const source = `sources:
  - publisher: Bộ Công Thương
    title: Bài kiểm tra lỗi nội dung
    date: 2022-09-22
`;

interface Case {
  name: string;
  /** Path under the repo, and its content. */
  file: string;
  content: string;
  /** Strings the build output must contain besides the file's path: the field, and the message where it is ours. */
  expect: string[];
  /**
   * A file (relative to the copy) the build must never have written: proof that the planted code did not run. Such a
   * file is skipped by Astro's loaders (its build succeeds without it), so the content check must be what refuses it.
   */
  mustNotExist?: string;
}

const cases: Case[] = [
  {
    name: 'a product whose group is text, not a number',
    file: 'content/products/zz-kiem-tra-nhom-sai.yaml',
    content: `name: Sản phẩm kiểm tra\ngroup: "thủ công"\nprovince: thanh-hoa\n${source}`,
    expect: ['group', 'Nhóm sản phẩm là số 1, 2, 3, 4, hoặc chua-ro khi nguồn không nêu nhóm'],
  },
  {
    name: 'a news item without a summary',
    file: 'content/news/zz-kiem-tra-thieu-tom-tat.md',
    content: `---\ntitle: Tin kiểm tra thiếu phần tóm tắt\ndate: 2022-09-22\ntopics: [hoi-nghi]\n${source}---\n\nNội dung.\n`,
    expect: ['summary'],
  },
  {
    name: 'a product whose producer does not exist',
    file: 'content/products/zz-kiem-tra-co-so-khong-co.yaml',
    content: `name: Sản phẩm kiểm tra\ngroup: 1\nproducer: co-so-khong-ton-tai\nprovince: thanh-hoa\n${source}`,
    expect: ['[producer]', 'co-so-khong-ton-tai'],
  },
  {
    name: 'an .mdx file planted in content/news/ (code that would run at build)',
    file: 'content/news/zz-kiem-tra-cai-vao.mdx',
    content: `---\ntitle: Tệp MDX cài vào để chạy mã\ndate: 2022-09-22\nsummary: Tệp này ghi một tệp khác nếu mã của nó được chạy khi dựng trang.\ntopics: [hoi-nghi]\n${source}---\nimport { writeFileSync } from 'node:fs';\n\n{writeFileSync('da-chay-mdx', 'x')}\n`,
    expect: ['Không nhận tệp .mdx trong content/'],
    mustNotExist: 'da-chay-mdx',
  },
];

/** `npm run check` in `dir`: its exit code and output. */
function runCheck(dir: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['scripts/check.ts'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

const started = Date.now();
let passed = 0;
let failed = 0;
for (const c of cases) {
  const t0 = Date.now();
  const dir = await makeSandbox(REPO);
  try {
    await writeFile(join(dir, c.file), c.content);
    let { code, output } = await build(dir);
    if (c.mustNotExist) {
      const ran = existsSync(join(dir, c.mustNotExist));
      // npm run build runs the check beside astro build: the check's refusal is what stops it.
      const checked = await runCheck(dir);
      output += checked.output;
      code = ran ? 0 : checked.code;
      if (ran) output += `\n(the planted code ran: ${c.mustNotExist} exists)`;
    }
    const missing = [c.file, ...c.expect].filter((text) => !output.includes(text));
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    if (code !== 0 && missing.length === 0) {
      passed++;
      const line = output.split('\n').find((l) => l.includes(c.expect[0]!)) ?? '';
      console.log(`ok   ${c.name} (${seconds} s)\n       ${line.trim().slice(0, 200)}`);
    } else {
      failed++;
      console.log(
        `FAIL ${c.name} (${seconds} s): ${code === 0 ? 'the build succeeded' : `the output does not name ${missing.join(', ')}`}`,
      );
      console.log(
        output
          .split('\n')
          .slice(-30)
          .map((l) => `       ${l}`)
          .join('\n'),
      );
    }
  } finally {
    await removeSandbox(dir);
  }
}
/** Every file under dir (path and SHA-256 of its bytes), one line each, sorted: equal when the tree is identical. */
async function treeDigest(dir: string): Promise<string> {
  const lines: string[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        lines.push(`${relative(dir, path)}/`);
        await walk(path);
      } else
        lines.push(
          `${relative(dir, path)} ${createHash('sha256')
            .update(await readFile(path))
            .digest('hex')}`,
        );
    }
  };
  await walk(dir);
  return lines.sort().join('\n');
}

/** `node scripts/build.ts` in dir with env added (CI unset unless given); resolves with its exit code and output. */
function fullBuild(
  dir: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const base: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
    delete base['CI'];
    delete base['BUILD_FAULT'];
    delete base['CMS_GITHUB_REPO'];
    const child = spawn(process.execPath, ['scripts/build.ts', ...args], { cwd: dir, env: { ...base, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

interface AtomicCase {
  name: string;
  env: Record<string, string>;
  /** A broken content file added for this case only. */
  file?: { path: string; content: string };
  expect: string[];
}

const atomicCases: AtomicCase[] = [
  {
    name: 'atomic: the content check fails',
    env: {},
    file: { path: cases[0]!.file, content: cases[0]!.content },
    expect: ['Dựng trang thất bại ở bước: kiểm tra nội dung', `Tệp gây lỗi: ${cases[0]!.file}`],
  },
  {
    name: 'atomic: astro build fails',
    env: { BUILD_FAULT: 'astro' },
    expect: ['Dựng trang thất bại ở bước: astro build'],
  },
  {
    name: 'atomic: the search index fails',
    env: { BUILD_FAULT: 'search' },
    expect: ['Dựng trang thất bại ở bước: sau astro build', 'build-search.ts'],
  },
  {
    name: 'atomic: the headers fail',
    env: { BUILD_FAULT: 'headers' },
    expect: ['Dựng trang thất bại ở bước: sau astro build', 'build-headers.ts'],
  },
  {
    name: 'atomic: the photo check fails',
    env: { BUILD_FAULT: 'photos' },
    expect: ['Dựng trang thất bại ở bước: sau astro build', 'check-photo-metadata.ts'],
  },
  {
    name: 'production build (CI=true) without the editor repository',
    env: { CI: 'true' },
    expect: ['Dựng trang thất bại ở bước: cấu hình trình biên tập', 'deploy/editor.json', 'CMS_GITHUB_REPO'],
  },
  {
    name: 'production build (CI=true) without the operator contact',
    env: { CI: 'true', CMS_GITHUB_REPO: 'so-cong-thuong/noi-dung', SITE_CONTACT_EMAIL: '' },
    expect: ['Dựng trang thất bại ở bước: cấu hình thư liên hệ', 'deploy/contact.json', 'SITE_CONTACT_EMAIL'],
  },
];

{
  const dir = await makeSandbox(REPO);
  try {
    // The editor bundle's cache is keyed by its inputs: share the repo's instead of bundling 17 MB per build.
    const cache = join(REPO, 'node_modules/.cache/admin-editor');
    if (existsSync(cache)) {
      await mkdir(join(dir, 'node_modules/.cache'), { recursive: true });
      await symlink(cache, join(dir, 'node_modules/.cache/admin-editor'));
    }
    // The previously published build.
    await mkdir(join(dir, 'dist/_astro'), { recursive: true });
    await writeFile(
      join(dir, 'dist/index.html'),
      '<!doctype html><title>Bản đã đăng</title><p>Bản đã đăng trước.</p>\n',
    );
    await writeFile(join(dir, 'dist/_astro/cu.abc123.js'), 'console.log("bản cũ");\n');
    const before = await treeDigest(join(dir, 'dist'));
    for (const c of atomicCases) {
      const t0 = Date.now();
      if (c.file) await writeFile(join(dir, c.file.path), c.file.content);
      const { code, output } = await fullBuild(dir, c.env);
      if (c.file) await rm(join(dir, c.file.path));
      const problems = [
        ...(code === 0 ? ['the build succeeded'] : []),
        ...c.expect.filter((text) => !output.includes(text)).map((text) => `the output lacks "${text}"`),
        ...((await treeDigest(join(dir, 'dist'))) === before ? [] : ['dist/ changed']),
        ...(existsSync(join(dir, 'dist.next')) ? ['dist.next/ left behind'] : []),
      ];
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      if (problems.length === 0) {
        passed++;
        console.log(`ok   ${c.name}: dist/ byte-identical (${seconds} s)`);
      } else {
        failed++;
        console.log(`FAIL ${c.name} (${seconds} s): ${problems.join('; ')}`);
        console.log(
          output
            .split('\n')
            .slice(-30)
            .map((l) => `       ${l}`)
            .join('\n'),
        );
      }
    }
    const t0 = Date.now();
    const { code, output } = await fullBuild(dir, {});
    const admin = existsSync(join(dir, 'dist/admin/index.html'))
      ? await readFile(join(dir, 'dist/admin/index.html'), 'utf8')
      : '';
    const problems = [
      ...(code === 0 ? [] : [`the build failed (${code})`]),
      ...((await treeDigest(join(dir, 'dist'))) === before ? ['dist/ was not replaced'] : []),
      ...(existsSync(join(dir, 'dist.next')) || existsSync(join(dir, 'dist.old'))
        ? ['dist.next/ or dist.old/ left behind']
        : []),
      ...(admin.includes('Trình biên tập chưa được cấu hình') && admin.includes('deploy/editor.json')
        ? []
        : ['/admin/ does not say how to set the repository']),
      ...(admin.includes('TEN-KHO') || admin.includes('/admin/app/')
        ? ['/admin/ names a placeholder or loads the editor']
        : []),
    ];
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    if (problems.length === 0) {
      passed++;
      console.log(
        `ok   atomic: a good build replaces dist/; unconfigured /admin/ says how to set the repository (${seconds} s)`,
      );
    } else {
      failed++;
      console.log(`FAIL atomic: a good build (${seconds} s): ${problems.join('; ')}`);
      console.log(
        output
          .split('\n')
          .slice(-30)
          .map((l) => `       ${l}`)
          .join('\n'),
      );
    }
  } finally {
    await removeSandbox(dir);
  }
}

console.log(`Build-error checks took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

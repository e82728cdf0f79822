/**
 * Raw HTML in the provinces' Markdown is refused, through the same Sätteri processor and guard the build uses
 * (astro.config.mjs): it is rendered as text, never as markup, and the build stops with every file line named;
 * other Markdown is left alone.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isContributedMarkdown,
  isOnlyComments,
  rawHtmlGuard,
  rawHtmlProblems,
} from '../../src/lib/security/raw-html.ts';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

/**
 * Writes `text` to `<new root>/content/<path>`; renders its body as Astro's content loader does (frontmatter removed,
 * trimmed) with the guard's plugin, and runs the guard's build-start hook on that root: returns the HTML and the
 * error that stops the build, if any.
 */
async function render(path: string, text: string) {
  const root = await mkdtemp(join(tmpdir(), 'cnnt-raw-html-'));
  roots.push(root);
  const file = join(root, 'content', path);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, text);
  const guard = rawHtmlGuard();
  const renderer = await satteri({ mdastPlugins: [guard.plugin] }).createRenderer({});
  const body = text.replace(/^---\n[\s\S]*?\n---/, '').trim();
  const { code } = await renderer.render(body, { frontmatter: {}, fileURL: pathToFileURL(file) });
  guard.integration.hooks['astro:config:done']({ config: { root: pathToFileURL(`${root}/`) } });
  const error = await guard.integration.hooks['astro:build:start']().then(
    () => undefined,
    (e: Error) => e,
  );
  return { code, error, message: error?.message ?? '' };
}

const article = (body: string) => `---\ntitle: Tin thử\ndate: 2022-09-22\n---\n\n${body}`;

describe('rawHtmlGuard', () => {
  it('stops the build on a news article with a <script>, giving the file line (frontmatter counted)', async () => {
    const { message } = await render('news/co-ma.md', article('Đoạn đầu.\n\n<script>alert(1)</script>\n'));
    expect(message).toContain('content/news/co-ma.md:8: <script>alert(1)</script>');
    expect(message).toContain('Cách sửa');
  });

  it('renders the HTML as visible text, so it cannot run even if it got past the build', async () => {
    const { code } = await render(
      'news/hien-chu.md',
      article('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n'),
    );
    expect(code).not.toMatch(/<script|<img/);
    expect(code).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('lists every piece of HTML in one message: inline tags, handlers, iframes', async () => {
    const body = 'Chữ <b>đậm</b>.\n\n<img src="x" onerror="alert(1)">\n\n<iframe src="https://example.vn"></iframe>\n';
    const { message } = await render('conferences/nhieu-loi.md', article(body));
    expect(message.match(/nhieu-loi\.md:\d+:/g)).toHaveLength(4);
    expect(message).toContain('nhieu-loi.md:8: <img');
    expect(message).toContain('nhieu-loi.md:10: <iframe');
  });

  it('covers stories too, and a title-like </script> in the body', async () => {
    expect((await render('stories/a.md', article('</script><script>alert(1)</script>\n'))).message).toMatch(
      /stories\/a\.md:6:/,
    );
  });

  it('renders Markdown without HTML, and HTML comments, as usual', async () => {
    const { code, error } = await render(
      'news/sach.md',
      article('## Kết quả\n\n- 29 dự án\n\n<!-- ghi chú cho biên tập viên -->\n\n[Nguồn](https://moit.gov.vn/)\n'),
    );
    expect(error).toBeUndefined();
    expect(code).toContain('<h2 id="kết-quả">Kết quả</h2>');
    expect(code).toContain('<a href="https://moit.gov.vn/">Nguồn</a>');
  });

  it('shows escaped text that looks like HTML, since it is not HTML', async () => {
    const { code, error } = await render('news/chu.md', article('Viết `<script>` hoặc \\<b\\> là chữ.\n'));
    expect(error).toBeUndefined();
    expect(code).toContain('<code>&lt;script&gt;</code>');
    expect(code).not.toContain('<b>');
  });

  it('leaves Markdown outside the contributed collections alone', async () => {
    const { code, error } = await render('pages/gioi-thieu.md', article('<div class="x">nội dung</div>\n'));
    expect(error).toBeUndefined();
    expect(code).toContain('<div class="x">');
  });
});

describe('rawHtmlProblems', () => {
  it('skips drafts, and finds nothing in the real content', async () => {
    const { error } = await render('news/_nhap.md', article('<script>alert(1)</script>\n'));
    expect(error).toBeUndefined();
    expect(await rawHtmlProblems(process.cwd())).toEqual([]);
  });
});

describe('isContributedMarkdown / isOnlyComments', () => {
  it('knows the contributed folders and only .md files', () => {
    expect(isContributedMarkdown('/repo/content/news/a.md')).toBe(true);
    expect(isContributedMarkdown('C:\\repo\\content\\stories\\2024\\a.md')).toBe(true);
    expect(isContributedMarkdown('/repo/content/news/a.mdx')).toBe(false);
    expect(isContributedMarkdown('/repo/content/products/a.md')).toBe(false);
  });

  it('accepts comments alone, not a comment followed by code', () => {
    expect(isOnlyComments('<!-- a -->')).toBe(true);
    expect(isOnlyComments('<!-- a --> <!-- b -->')).toBe(true);
    expect(isOnlyComments('<!-- a --><script>x</script>')).toBe(false);
    expect(isOnlyComments('<!-- a --> --><script>x</script>')).toBe(false);
  });
});

/**
 * Markdown that province editors write cannot carry HTML: a <script>, an <iframe> or an onerror= would run on the
 * site. rawHtmlGuard (registered in astro.config.mjs) refuses any raw HTML in the Markdown files of the contributed
 * collections, twice: the build stops, naming every file and line, and the renderer shows such HTML as plain text, so
 * it cannot run even if it got past (from Astro's content cache, or in `astro dev`). An HTML comment alone is allowed.
 * MDX is for the core team and is not checked here.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';

/** Folders under content/ whose Markdown comes from provinces. */
export const CONTRIBUTED_FOLDERS = ['news', 'conferences', 'stories'];

/** True for a .md file in one of the contributed folders (any depth), given its path. */
export function isContributedMarkdown(file: string): boolean {
  const path = file.replace(/\\/g, '/');
  return path.endsWith('.md') && CONTRIBUTED_FOLDERS.some((folder) => path.includes(`/content/${folder}/`));
}

/** An HTML node that is nothing but comments cannot run anything. */
export const isOnlyComments = (html: string): boolean => /^(?:\s*<!--(?:(?!-->)[\s\S])*-->)+\s*$/.test(html);

export interface RawHtml {
  line: number;
  html: string;
}

interface HtmlNode {
  value: string;
  position?: { start: { line: number } } | undefined;
}

interface FactoryContext {
  readonly fileURL: URL | undefined;
  readonly sourceFormat: string;
}

interface VisitorContext {
  replaceNode(node: Readonly<HtmlNode>, replacement: { type: 'text'; value: string }): void;
}

/**
 * Sätteri mdast plugin for the site's Markdown processor: in a contributed Markdown file each piece of HTML becomes
 * text (shown, escaped, as the editor typed it), so it is never markup. `found` receives each one, with its line.
 */
export function rawHtmlAsText(found?: RawHtml[]) {
  return (ctx: FactoryContext) => {
    if (!ctx.fileURL || ctx.sourceFormat !== 'markdown' || !isContributedMarkdown(fileURLToPath(ctx.fileURL)))
      return null;
    return {
      name: 'raw-html-as-text',
      options: { position: true },
      html(node: Readonly<HtmlNode>, visitor: VisitorContext) {
        if (isOnlyComments(node.value)) return;
        found?.push({ line: node.position?.start.line ?? 0, html: node.value });
        visitor.replaceNode(node, { type: 'text', value: node.value });
      },
    };
  };
}

/** The frontmatter replaced by as many empty lines, so a line of what is parsed is the same line of the file. */
export const withoutFrontmatter = (text: string): string =>
  text.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, (block) => block.replace(/[^\n]/g, ''));

/** Every piece of raw HTML in a Markdown file's text, with its line in the file. */
export async function findRawHtml(text: string, file: string): Promise<RawHtml[]> {
  const found: RawHtml[] = [];
  const renderer = await satteri({ mdastPlugins: [rawHtmlAsText(found)] }).createRenderer({});
  await renderer.render(withoutFrontmatter(text), { frontmatter: {}, fileURL: pathToFileURL(file) });
  return found;
}

/** The message for one file, in Vietnamese, with every line: what is wrong and how to fix it. */
export function rawHtmlMessage(file: string, found: readonly RawHtml[]): string {
  const lines = found.map(({ line, html }) => `  ${file}:${line}: ${html.replace(/\s+/g, ' ').trim().slice(0, 80)}`);
  return [
    `${file}: bài viết có mã HTML, không được phép trong nội dung do tỉnh gửi (mã HTML có thể chạy trên trang).`,
    ...lines,
    'Cách sửa: viết bằng Markdown (tiêu đề ##, danh sách -, liên kết [chữ](https://…)); ảnh đưa vào trường photos.',
  ].join('\n');
}

async function* markdownFiles(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    // Files starting with "_" are drafts, which the content loader skips (src/content.config.ts).
    else if (entry.isFile() && entry.name.endsWith('.md') && !entry.name.startsWith('_')) yield path;
  }
}

/** One message per contributed Markdown file under `root`/content that has raw HTML. */
export async function rawHtmlProblems(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const folder of CONTRIBUTED_FOLDERS) {
    for await (const file of markdownFiles(join(root, 'content', folder))) {
      const found = await findRawHtml(await readFile(file, 'utf8'), file);
      if (found.length > 0) problems.push(rawHtmlMessage(relative(root, file).split(sep).join('/'), found));
    }
  }
  return problems;
}

/**
 * The guard: `plugin` goes into Sätteri's `mdastPlugins`, `integration` into Astro's integrations. The integration
 * reads the contributed Markdown files themselves when `astro build` starts (not Astro's content cache, which keeps a
 * render across builds) and stops the build before any page is written.
 */
export function rawHtmlGuard() {
  let root = process.cwd();
  return {
    plugin: rawHtmlAsText(),
    integration: {
      name: 'refuse-raw-html',
      hooks: {
        'astro:config:done': ({ config }: { config: { root: URL } }) => {
          root = fileURLToPath(config.root);
        },
        'astro:build:start': async () => {
          const problems = await rawHtmlProblems(root);
          if (problems.length > 0)
            throw new Error(`Nội dung có mã HTML (${problems.length} tệp):\n${problems.join('\n')}`);
        },
      },
    },
  };
}

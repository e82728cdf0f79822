/**
 * The GitHub repository the web editor (/admin/) commits to: `CMS_GITHUB_REPO` / `CMS_GITHUB_BRANCH` at build time,
 * else `repo` / `branch` in deploy/editor.json (committed, so every build of the real site has it). With neither,
 * the editor is unconfigured: /admin/ says in Vietnamese how to set it and loads no editor, and a production build
 * refuses to run (scripts/build.ts). deploy/README.md, "Configuring the editor's repository".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EDITOR_CONFIG_FILE = 'deploy/editor.json';

export interface EditorRepository {
  /** "owner/name", or undefined when not configured. */
  repo: string | undefined;
  branch: string;
}

const REPO = /^[\w.-]+\/[\w.-]+$/;

export function editorRepository(
  env: Record<string, string | undefined> = process.env,
  root = process.cwd(),
): EditorRepository {
  let file: { repo?: unknown; branch?: unknown } = {};
  try {
    file = JSON.parse(readFileSync(join(root, EDITOR_CONFIG_FILE), 'utf8')) as typeof file;
  } catch {
    // no file: only the environment
  }
  const repo = (env['CMS_GITHUB_REPO'] || (typeof file.repo === 'string' ? file.repo : '')).trim();
  const branch = (env['CMS_GITHUB_BRANCH'] || (typeof file.branch === 'string' ? file.branch : '') || 'main').trim();
  if (repo && !REPO.test(repo))
    throw new Error(`Tên kho GitHub của trình biên tập không hợp lệ: "${repo}" (cần dạng chủ-sở-hữu/tên-kho).`);
  return { repo: repo || undefined, branch };
}

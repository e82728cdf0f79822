/** The web editor's repository: CMS_GITHUB_REPO wins, else deploy/editor.json; unset means unconfigured. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editorRepository } from '../../src/lib/admin/repository.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function root(config?: object): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cnnt-editor-repo-'));
  dirs.push(dir);
  if (config) {
    await mkdir(join(dir, 'deploy'));
    await writeFile(join(dir, 'deploy/editor.json'), JSON.stringify(config));
  }
  return dir;
}

describe('editorRepository', () => {
  it('is unconfigured with neither the variable nor the file, on branch main', async () => {
    expect(editorRepository({}, await root())).toEqual({ repo: undefined, branch: 'main' });
    expect(editorRepository({}, await root({ repo: '', branch: 'main' }))).toEqual({ repo: undefined, branch: 'main' });
  });
  it('reads deploy/editor.json, and CMS_GITHUB_REPO / CMS_GITHUB_BRANCH win over it', async () => {
    const dir = await root({ repo: 'so-cong-thuong/cnnt', branch: 'noi-dung' });
    expect(editorRepository({}, dir)).toEqual({ repo: 'so-cong-thuong/cnnt', branch: 'noi-dung' });
    expect(editorRepository({ CMS_GITHUB_REPO: 'khac/kho', CMS_GITHUB_BRANCH: 'main' }, dir)).toEqual({
      repo: 'khac/kho',
      branch: 'main',
    });
  });
  it('refuses a name that is not owner/name, in Vietnamese', async () => {
    const dir = await root();
    expect(() => editorRepository({ CMS_GITHUB_REPO: 'chi-mot-ten' }, dir)).toThrow(/chủ-sở-hữu\/tên-kho/);
  });
  it('is unset in the committed deploy/editor.json (the owner sets it; production builds refuse until then)', () => {
    expect(editorRepository({}).repo).toBeUndefined();
  });
});

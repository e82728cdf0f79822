/**
 * /admin/config.yml: the web editor's configuration, generated at build from the content model
 * (src/lib/admin/cms-config.ts), so its collections and fields always match the zod schemas.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { stringify } from 'yaml';
import { cmsConfig } from '../../lib/admin/cms-config.ts';
import { editorInputs, githubBackend } from '../../lib/admin/inputs.ts';

export const GET: APIRoute = async ({ site }) => {
  const provinces = (await getCollection('provinces')).map(({ id, data }) => ({
    id,
    name: data.name,
    validUntil: data.validUntil,
  }));
  const config = cmsConfig(editorInputs(provinces, githubBackend(), site?.origin));
  const header =
    '# Cấu hình trình biên tập /admin, sinh từ src/schemas khi build (src/lib/admin/cms-config.ts): đừng sửa tay.\n';
  return new Response(header + stringify(config, { lineWidth: 0 }), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};

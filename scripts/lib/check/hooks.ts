/**
 * Module hooks that let plain Node load the content schemas outside Astro: `astro:content` (a Vite virtual module)
 * resolves to a small stand-in with the same reference() semantics, and the schemas' extensionless relative imports
 * ("./shared") resolve to their .ts files. Starting Astro's Vite server instead costs several seconds per check.
 */
type Next = (specifier: string, context: { parentURL?: string | undefined }) => Promise<{ url: string }>;

export async function resolve(specifier: string, context: { parentURL?: string | undefined }, next: Next) {
  if (specifier === 'astro:content') {
    return { url: new URL('./astro-content.ts', import.meta.url).href, shortCircuit: true };
  }
  if (specifier.startsWith('.') && context.parentURL?.includes('/src/') && !/\.[cm]?[jt]s$/.test(specifier)) {
    try {
      return await next(`${specifier}.ts`, context);
    } catch {
      // Not a .ts module: let Node resolve it as written.
    }
  }
  return next(specifier, context);
}

/**
 * Fills the {placeholders} of a UI string: "Tìm thấy {count} sản phẩm" with { count: 12 }. The one filler of the
 * site: t() uses it at build, and browser code, which gets its strings from the page (never the dictionary), imports
 * it directly. Pure and dependency-free.
 */

/** `template` with each {name} replaced by `values[name]`; a placeholder without a value is kept as written. */
export function fill(template: string, values: Readonly<Record<string, string | number | undefined>>): string {
  // Most strings have nothing to fill, and t() runs millions of times in a national build: skip the regex then.
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? placeholder : String(value);
  });
}

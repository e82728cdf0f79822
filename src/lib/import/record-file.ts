/**
 * One content record (YAML, or JSON) that the importer may edit. Edits go through the YAML document so comments,
 * key order and flow style survive; when the file is written, every top-level entry whose value did not change
 * keeps its original bytes. A file whose value did not change is not written at all.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, parse, parseDocument, type YAMLMap } from 'yaml';

type Data = Record<string, unknown>;
const TO_STRING = { lineWidth: 0 } as const;

export class RecordFile {
  readonly id: string;
  readonly path: string;
  /** The path as messages show it. */
  readonly display: string;
  readonly format: 'yaml' | 'json';
  /** The file's text as read; undefined for a file this import creates. */
  readonly original: string | undefined;
  data: Data;
  private doc: Document | undefined;
  /** The last render(), until the next edit (the round's file of a large sheet is costly to render). */
  private rendered: string | undefined;

  private constructor(id: string, path: string, display: string, original: string | undefined, data: Data) {
    this.id = id;
    this.path = path;
    this.display = display;
    this.format = /\.json$/i.test(path) ? 'json' : 'yaml';
    this.original = original;
    this.data = data;
  }

  /** A record read from disk. Throws when the file is not a mapping of fields. */
  static read(id: string, path: string, display: string, text: string): RecordFile {
    const data: unknown = parse(text);
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('tệp không phải danh sách trường');
    return new RecordFile(id, path, display, text, data as Data);
  }

  /** A record this import creates. */
  static create(id: string, path: string, display: string, data: Data): RecordFile {
    const file = new RecordFile(id, path, display, undefined, {});
    const doc = new Document({});
    file.doc = doc;
    // One read-back at the end, not one per field: an import of 10,000 rows creates 20,000 records.
    for (const [key, value] of Object.entries(data)) if (value !== undefined) doc.set(key, file.node(value, key));
    file.data = doc.toJS() as Data;
    return file;
  }

  get isNew(): boolean {
    return this.original === undefined;
  }

  private document(): Document {
    this.doc ??= parseDocument(this.original ?? '{}');
    return this.doc;
  }

  private node(value: unknown, key: string) {
    // Points stay on one line, as the site's files write them: { lat: …, lng: …, precision: province }.
    return this.document().createNode(value, { flow: key === 'location' });
  }

  /** Sets a top-level field; a new field goes before the first of `before` present (e.g. `sources`), else at the end. */
  set(key: string, value: unknown, before: string | readonly string[] = 'sources'): void {
    if (isDeepStrictEqual(this.data[key], value)) return;
    const doc = this.document();
    if (doc.has(key)) {
      doc.set(key, this.node(value, key));
    } else {
      const map = doc.contents as YAMLMap;
      const pair = doc.createPair(key, this.node(value, key));
      const keys = typeof before === 'string' ? [before] : before;
      const at = map.items.findIndex(
        (p) => isScalar(p.key) && keys.includes(String(p.key.value)) && p.key.value !== key,
      );
      if (at < 0) map.items.push(pair);
      else map.items.splice(at, 0, pair);
    }
    this.data = doc.toJS() as Data;
    this.rendered = undefined;
  }

  /** Sets a field inside a list entry: `setIn(['results', 2, 'score'], 85.5)`. */
  setIn(path: Array<string | number>, value: unknown): void {
    const doc = this.document();
    if (isDeepStrictEqual(doc.getIn(path), value)) return;
    doc.setIn(path, this.node(value, String(path.at(-1))));
    this.data = doc.toJS() as Data;
    this.rendered = undefined;
  }

  /** Appends to a top-level list, creating it (before `before`) when missing. */
  push(key: string, value: unknown, before = 'sources'): void {
    const doc = this.document();
    if (doc.has(key)) {
      doc.addIn([key], this.node(value, key));
      this.data = doc.toJS() as Data;
      this.rendered = undefined;
    } else {
      this.set(key, [value], before);
    }
  }

  /**
   * Several edits at once, the data read back from the document only at the end: fields set inside list entries,
   * then entries appended to the list `key` (created when missing).
   */
  batch(
    edits: ReadonlyArray<{ path: Array<string | number>; value: unknown }>,
    key: string,
    append: readonly unknown[],
  ): void {
    if (edits.length === 0 && append.length === 0) return;
    const doc = this.document();
    for (const { path, value } of edits) doc.setIn(path, this.node(value, String(path.at(-1))));
    if (append.length > 0) {
      if (doc.has(key)) for (const value of append) doc.addIn([key], this.node(value, key));
      else {
        this.set(key, [...append]);
        return;
      }
    }
    this.data = doc.toJS() as Data;
    this.rendered = undefined;
  }

  /** The text to write. */
  render(): string {
    if (this.rendered !== undefined) return this.rendered;
    if (this.format === 'json') return (this.rendered = `${JSON.stringify(this.data, null, 2)}\n`);
    const doc = this.document();
    this.rendered =
      (this.original !== undefined ? keepUnchanged(this.original, doc, this.data) : undefined) ??
      doc.toString(TO_STRING);
    return this.rendered;
  }

  /** True when writing would change the file (or create it). */
  get changed(): boolean {
    return this.original === undefined || (this.doc !== undefined && this.render() !== this.original);
  }
}

interface Segment {
  key: string;
  text: string;
}

/** The text of each top-level entry, from its key to the next key (so trailing comments go with it). */
function segments(text: string): { head: string; items: Segment[] } | undefined {
  const doc = parseDocument(text);
  if (!isMap(doc.contents) || doc.contents.items.length === 0) return undefined;
  const starts = doc.contents.items.map((p) => (isScalar(p.key) && p.key.range ? p.key.range[0] : -1));
  if (starts.some((s) => s < 0)) return undefined;
  const items = doc.contents.items.map((p, i) => ({
    key: String((p.key as { value: unknown }).value),
    text: text.slice(starts[i], starts[i + 1] ?? text.length),
  }));
  return { head: text.slice(0, starts[0]), items };
}

/**
 * The document with each top-level entry whose value is unchanged written as its original text, so an edit touches
 * only the entries it changed; only the changed entries are printed (and each is checked to read back as its value),
 * so a round of 10,000 results is not printed and parsed whole. Undefined if that cannot be done safely.
 */
function keepUnchanged(original: string, doc: Document, data: Data): string | undefined {
  const before = segments(original);
  if (!before || !isMap(doc.contents)) return undefined;
  const oldData = parse(original) as Data;
  const oldText = new Map(before.items.map((s) => [s.key, s.text]));
  let out = before.head;
  // The comment lines above a key belong to the text of the entry before it (segments()): printed again only when
  // that entry was printed anew.
  let previousKept = true;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) return undefined;
    const key = String(pair.key.value);
    const kept = oldText.get(key);
    let piece: string;
    if (kept !== undefined && isDeepStrictEqual(oldData[key], data[key])) {
      piece = kept;
      previousKept = true;
    } else {
      const one = new Document({});
      const comment = pair.key.commentBefore;
      if (previousKept) delete pair.key.commentBefore;
      (one.contents as YAMLMap).items.push(pair);
      try {
        piece = one.toString(TO_STRING);
      } finally {
        if (comment === undefined) delete pair.key.commentBefore;
        else pair.key.commentBefore = comment;
      }
      const back = parse(piece) as Data | null;
      if (!back || !isDeepStrictEqual(back[key], data[key])) return undefined;
      previousKept = false;
    }
    if (!piece.endsWith('\n')) piece += '\n';
    out += piece;
  }
  return out;
}

/** Maps a field path ("contributions.2.province") to its line in a YAML text, so messages can point at it. */
import { LineCounter, parseDocument, isNode } from 'yaml';

export interface ParsedYaml {
  data: unknown;
  /** Syntax errors with their lines. */
  errors: Array<{ line: number; message: string }>;
  /** Line (1-based, plus `offset`) of the value at `path`, or of its nearest existing parent. */
  lineOf: (path: ReadonlyArray<string | number>) => number | undefined;
}

export function parseYamlWithLines(text: string, offset = 0): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineAt = (pos: number) => counter.linePos(pos).line + offset;
  return {
    data: doc.toJS(),
    errors: doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: e.message.split('\n')[0]! })),
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return lineAt(node.range[0]);
      }
      return undefined;
    },
  };
}

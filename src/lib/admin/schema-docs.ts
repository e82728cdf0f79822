/**
 * The editors' doc comments of the zod schemas, read from their source, so the web editor (/admin) shows each field's
 * comment as its hint without a second copy of the text. A schema's comments live on the properties of the object
 * literals passed to z.object(…) and .extend(…), sometimes behind a const or an import (`sources`, `photo(ctx)`), so
 * this follows those: identifiers to their const in the same file or to an export of another schema file, arrow
 * functions to what they return, method chains (.optional(), .default(), .refine(), …) to their receiver, and
 * z.array(x) to its element. Anything else (z.enum, reference(), …) has no fields.
 */
import ts from 'typescript';

/** The documented fields of one object schema, and of the elements when it is an array. */
export interface DocTree {
  fields: Record<string, DocField>;
  element?: DocTree;
}

export interface DocField {
  /** The property's doc comment, whitespace collapsed; undefined when it has none. */
  doc: string | undefined;
  tree: DocTree;
}

const empty = (): DocTree => ({ fields: {} });

interface Module {
  source: ts.SourceFile;
  consts: Map<string, ts.Expression>;
  /** Local name → [module name, exported name], for relative imports only. */
  imports: Map<string, [string, string]>;
}

const moduleName = (specifier: string) => specifier.replace(/^\.\//, '').replace(/\.ts$/, '');

function readModule(name: string, text: string): Module {
  const source = ts.createSourceFile(`${name}.ts`, text, ts.ScriptTarget.Latest, true);
  const consts = new Map<string, ts.Expression>();
  const imports = new Map<string, [string, string]>();
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer)
          consts.set(declaration.name.text, declaration.initializer);
      }
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const from = statement.moduleSpecifier.text;
      const bindings = statement.importClause?.namedBindings;
      if (!from.startsWith('./') || !bindings || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        imports.set(element.name.text, [moduleName(from), (element.propertyName ?? element.name).text]);
      }
    }
  }
  return { source, consts, imports };
}

/** The text of a node's JSDoc comment, on one line. */
function docOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs
    .map((doc) =>
      typeof doc.comment === 'string' ? doc.comment : (doc.comment ?? []).map((part) => part.text).join(''),
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/**
 * Reads the schema modules (name without extension → source text, e.g. { shared: '…', news: '…' }) and returns a
 * function giving the doc tree of an exported schema: `docs('news', 'newsSchema')`.
 */
export function schemaDocs(sources: Record<string, string>): (module: string, exported: string) => DocTree {
  const modules = new Map(Object.entries(sources).map(([name, text]) => [name, readModule(name, text)]));

  const resolveName = (module: string, name: string, depth: number): DocTree => {
    const own = modules.get(module);
    if (!own) return empty();
    const init = own.consts.get(name);
    if (init) return resolve(init, module, depth + 1);
    const imported = own.imports.get(name);
    if (imported) return resolveName(imported[0], imported[1], depth + 1);
    return empty();
  };

  const objectTree = (literal: ts.ObjectLiteralExpression, module: string, depth: number): DocTree => {
    const fields: Record<string, DocField> = {};
    for (const property of literal.properties) {
      if (ts.isPropertyAssignment(property)) {
        const name = propertyName(property.name);
        if (name !== undefined)
          fields[name] = { doc: docOf(property), tree: resolve(property.initializer, module, depth + 1) };
      } else if (ts.isShorthandPropertyAssignment(property)) {
        fields[property.name.text] = { doc: docOf(property), tree: resolveName(module, property.name.text, depth + 1) };
      }
    }
    return { fields };
  };

  const resolve = (expression: ts.Expression, module: string, depth: number): DocTree => {
    if (depth > 50) throw new Error(`schema-docs: too deep in ${module}.ts (a cycle?)`);
    if (
      ts.isParenthesizedExpression(expression) ||
      ts.isAsExpression(expression) ||
      ts.isSatisfiesExpression(expression)
    ) {
      return resolve(expression.expression, module, depth + 1);
    }
    if (ts.isArrowFunction(expression)) {
      if (!ts.isBlock(expression.body)) return resolve(expression.body, module, depth + 1);
      const returned = expression.body.statements.find(ts.isReturnStatement)?.expression;
      return returned ? resolve(returned, module, depth + 1) : empty();
    }
    if (ts.isIdentifier(expression)) return resolveName(module, expression.text, depth);
    if (!ts.isCallExpression(expression)) return empty();

    const callee = expression.expression;
    const [first] = expression.arguments;
    if (ts.isIdentifier(callee)) return resolveName(module, callee.text, depth);
    if (!ts.isPropertyAccessExpression(callee)) return empty();
    const method = callee.name.text;
    if (ts.isIdentifier(callee.expression) && callee.expression.text === 'z') {
      if (/^(object|strictObject|looseObject)$/.test(method) && first && ts.isObjectLiteralExpression(first)) {
        return objectTree(first, module, depth);
      }
      if (method === 'array' && first) return { fields: {}, element: resolve(first, module, depth + 1) };
      return empty();
    }
    const receiver = resolve(callee.expression, module, depth + 1);
    if (method === 'extend' && first && ts.isObjectLiteralExpression(first)) {
      return { ...receiver, fields: { ...receiver.fields, ...objectTree(first, module, depth).fields } };
    }
    return receiver;
  };

  return (module, exported) => resolveName(module, exported, 0);
}

/**
 * Which property names the production bundle may shorten (esbuild `mangleProps`). The naming
 * convention is structural rather than a prefix: the fields of the interfaces listed in
 * INTERNAL_SHAPES (the client's shared context, the page's widget, the operation counter) are
 * internal by design (never exported), so their readable names can cost nothing in bytes. A name
 * is kept as written when it is also part of the public API (`ready`, `projectId` appear on the
 * client), a property of a built-in object core touches (a `Set`'s `clear`, a script's `src`...)
 * or a field of foreign data core reads (a token's claims, the widget's globals), because esbuild
 * renames every access to a mangled name in the bundle, whatever the object.
 *
 * @example
 * const { mangled, kept } = internalNames(); // mangled: ['booting', 'callInFlight', ...]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../src');

/** Internal interfaces whose fields are mangled: file (under src/lib) → interface names. */
export const INTERNAL_SHAPES = {
  'client-context.ts': ['ClientContext'],
  'load-widget.ts': ['WidgetPage', 'LoadedPage'],
  'last-call-wins.ts': ['LastCallWins'],
};

/**
 * Names core reads from objects that are not its own and no type above describes: the claims of a
 * token's payload and what it reads of the widget's globals and settings. Never mangled.
 */
const FOREIGN_NAMES = [
  '_id',
  'sub',
  'aud',
  'exp',
  'role',
  'q',
  'tiledesk',
  'Tiledesk',
  'tiledeskSettings',
  'projectid',
  'startHidden',
  'apiUrl',
  'autoStart',
];

/** Built-in types core reads or writes properties of: their names must never be mangled. */
const BUILT_IN_TYPES = [
  'Window',
  'Document',
  'HTMLScriptElement',
  'Element',
  'Event',
  'CustomEvent',
  'MessageEvent',
  'BroadcastChannel',
  'Storage',
  'Error',
  'Promise',
  'Set',
  'Map',
  'Array',
  'Object',
  'URL',
  'TextDecoder',
  'Uint8Array',
];

// `depth`: how far into the types of members, parameters and results to follow (the public API's
// option objects and state are a few levels deep; built-ins need only their own members).
function propertyNames(checker, type, into, depth, seen = new Set()) {
  if (seen.has(type) || depth < 0) return;
  seen.add(type);
  for (const member of checker.getPropertiesOfType(type)) {
    into.add(member.getName());
    const declaration = member.valueDeclaration ?? member.declarations?.[0];
    if (declaration) propertyNames(checker, checker.getTypeOfSymbolAtLocation(member, declaration), into, depth - 1, seen);
  }
  for (const part of type.isUnionOrIntersection() ? type.types : []) propertyNames(checker, part, into, depth, seen);
  for (const signature of type.getCallSignatures()) {
    propertyNames(checker, signature.getReturnType(), into, depth - 1, seen);
    for (const parameter of signature.getParameters()) {
      const declaration = parameter.valueDeclaration;
      if (declaration) propertyNames(checker, checker.getTypeOfSymbolAtLocation(parameter, declaration), into, depth - 1, seen);
    }
  }
}

/**
 * Reads the internal interfaces and the public API from the sources with the TypeScript compiler.
 *
 * @returns {{ mangled: string[], kept: string[] }} `mangled`: names esbuild may shorten; `kept`:
 *   internal names left alone because the public API or a built-in object has them too
 * @example
 * const pattern = new RegExp(`^(${internalNames().mangled.join('|')})$`);
 */
export function internalNames() {
  const index = join(SOURCE_DIR, 'index.ts');
  const program = ts.createProgram([index, join(SOURCE_DIR, 'testing/index.ts')], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    strict: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();

  const reserved = new Set(FOREIGN_NAMES);
  for (const entry of [index, join(SOURCE_DIR, 'testing/index.ts')]) {
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry));
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      if (!declaration) continue;
      propertyNames(checker, checker.getDeclaredTypeOfSymbol(symbol), reserved, 4);
      propertyNames(checker, checker.getTypeOfSymbolAtLocation(symbol, declaration), reserved, 4);
    }
  }
  for (const name of BUILT_IN_TYPES) {
    const symbol = checker.resolveName(name, undefined, ts.SymbolFlags.Type, false);
    if (symbol) propertyNames(checker, checker.getDeclaredTypeOfSymbol(symbol), reserved, 0);
  }

  const internal = new Set();
  for (const [file, interfaces] of Object.entries(INTERNAL_SHAPES)) {
    const source = program.getSourceFile(join(SOURCE_DIR, 'lib', file));
    if (!source) throw new Error(`internal-names: ${file} is not part of core's program`);
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement) || !interfaces.includes(statement.name.text)) continue;
      for (const member of statement.members) if (member.name && ts.isIdentifier(member.name)) internal.add(member.name.text);
    }
  }
  const all = [...internal].sort();
  return { mangled: all.filter((name) => !reserved.has(name)), kept: all.filter((name) => reserved.has(name)) };
}

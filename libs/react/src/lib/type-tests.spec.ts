/**
 * @jest-environment node
 */
// Jest never runs *.type-test.ts files; `nx typecheck react` (tsc over tsconfig.spec.json, which
// CI runs through `npm run typecheck`) does. This spec compiles one with the project's own options
// to show that the check is live: clean as written, and failing both ways it can go wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const projectDir = join(__dirname, '..', '..');
const typeTest = join(__dirname, 'tiledesk-provider-props.type-test.ts');
const source = readFileSync(typeTest, 'utf8');

const config = ts.getParsedCommandLineOfConfigFile(
  join(projectDir, 'tsconfig.spec.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);
// One host for every compile, caching what it parsed (React's and core's types), and diagnostics
// of the type test alone: only that file is checked again.
const parsed = new Map<string, ts.SourceFile | undefined>();
const host = config ? ts.createCompilerHost(config.options) : undefined;

function errorsOf(text: string): string[] {
  if (!config || !host) throw new Error('tsconfig.spec.json did not parse');
  const readSource = ts.createCompilerHost(config.options).getSourceFile;
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (fileName === typeTest) return ts.createSourceFile(fileName, text, languageVersion, true);
    if (!parsed.has(fileName)) parsed.set(fileName, readSource(fileName, languageVersion, ...rest));
    return parsed.get(fileName);
  };
  const program = ts.createProgram([typeTest], { ...config.options, noEmit: true }, host);
  const file = program.getSourceFile(typeTest);
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(
    (diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
  );
}

describe('type tests (*.type-test.ts)', () => {
  it('compile without errors as written', () => {
    expect(errorsOf(source)).toEqual([]);
  });

  it('fail when a @ts-expect-error meets no error (TS2578)', () => {
    const wrong = source.replace('  { client },\n', '  // @ts-expect-error wrongly expected\n  { client },\n');
    expect(wrong).not.toBe(source);
    expect(errorsOf(wrong)).toEqual([expect.stringMatching(/^TS2578: Unused '@ts-expect-error' directive/)]);
  });

  it('fail when the props type lets a refused shape through', () => {
    const unguarded = source.replace(/^\s*\/\/ @ts-expect-error .*\n/gm, '');
    expect(errorsOf(unguarded)).toHaveLength(3);
  });
});

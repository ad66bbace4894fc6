// Type-checks every snippet module of a run folder in ONE Angular compiler program (strict
// TypeScript plus strict Angular templates), and prints the diagnostics as JSON on stdout.
// Run as `node --import tsx typecheck-snippets.mts <runDir>/tsconfig.json`: the Angular compiler
// is an ES module only, which the Jest spec that calls this cannot load itself.
import { performCompilation, readConfiguration } from '@angular/compiler-cli';
import ts from 'typescript';

const configPath = process.argv[2];
if (!configPath) throw new Error('usage: typecheck-snippets.mts <tsconfig.json>');
const config = readConfiguration(configPath);
const { diagnostics } = performCompilation({
  rootNames: config.rootNames,
  // The generated tsconfig says noEmit: nothing is written.
  options: config.options,
  // Every kind at once: the default stops at the first kind that has errors, which would hide
  // one block's type errors behind another block's syntax error.
  gatherDiagnostics: (program) => [
    ...program.getTsOptionDiagnostics(),
    ...program.getNgOptionDiagnostics(),
    ...program.getTsSyntacticDiagnostics(),
    ...program.getTsSemanticDiagnostics(),
    ...program.getNgStructuralDiagnostics(),
    ...program.getNgSemanticDiagnostics(),
  ],
});
const found = [...config.errors, ...diagnostics]
  .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
  .map((diagnostic) => {
    const position =
      diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : null;
    return {
      file: diagnostic.file?.fileName ?? null,
      line: position ? position.line + 1 : null,
      column: position ? position.character + 1 : null,
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    };
  });
process.stdout.write(JSON.stringify(found));

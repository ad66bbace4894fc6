import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { angularCli, measureBundle } from './bundle-size.mjs';

let dir;

// A package with a development and a production build, and one that imports it.
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bundle-size-test-'));
  const write = async (file, text) => {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), text);
  };
  await write(
    'node_modules/two-builds/package.json',
    JSON.stringify({ name: 'two-builds', type: 'module', exports: { '.': { development: './dev.js', default: './prod.js' } } }),
  );
  await write('node_modules/two-builds/dev.js', `export const said = ${JSON.stringify('a development sentence '.repeat(40))};\n`);
  await write('node_modules/two-builds/prod.js', "export const said = 'p';\n");
  await write('node_modules/over-it/package.json', JSON.stringify({ name: 'over-it', type: 'module', exports: './index.js' }));
  await write('node_modules/over-it/index.js', "export { said } from 'two-builds';\nexport const own = 1;\n");
});

after(() => rm(dir, { recursive: true, force: true }));

test('measures what a production build resolves: the default condition, not development', async () => {
  const measured = await measureBundle('two-builds', { cwd: dir });
  assert.ok(measured.minified < 400, `${measured.minified} B: the development build was bundled`);
  assert.deepEqual(
    measured.largest.map(([file]) => file.endsWith('two-builds/prod.js')),
    [true],
  );
});

test('leaves a package out when asked, so a layer can be measured alone', async () => {
  const whole = await measureBundle('over-it', { cwd: dir });
  const alone = await measureBundle('over-it', { cwd: dir, external: ['two-builds'] });
  assert.ok(whole.largest.some(([file]) => file.includes('two-builds')));
  assert.ok(alone.largest.every(([file]) => !file.includes('two-builds')));
});

test("the Angular CLI's transformer links partial declarations, as ng build does", async () => {
  const source = join(dir, 'node_modules/partial/index.mjs');
  await mkdir(join(source, '..'), { recursive: true });
  await writeFile(
    source,
    `import * as i0 from '@angular/core';
export class Thing {
  static ɵfac = i0.ɵɵngDeclareFactory({ minVersion: '12.0.0', version: '21.0.0', ngImport: i0, type: Thing, deps: [], target: i0.ɵɵFactoryTarget.Injectable });
  static ɵprov = i0.ɵɵngDeclareInjectable({ minVersion: '12.0.0', version: '21.0.0', ngImport: i0, type: Thing, providedIn: 'root' });
}
`,
  );
  const { plugin, close } = await angularCli(/[\\/]partial[\\/]/);
  try {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [source],
      bundle: true,
      write: false,
      format: 'esm',
      external: ['@angular/*'],
      plugins: [plugin],
      logLevel: 'silent',
      charset: 'utf8',
    });
    const code = result.outputFiles[0].text;
    assert.doesNotMatch(code, /ɵɵngDeclare/);
    assert.match(code, /ɵɵdefineInjectable/);
  } finally {
    await close();
  }
});

import { createRequire } from 'node:module';
import type { ConsumerApp } from './consumer-app';

/**
 * The Angular project name the generated workspace uses: `ng build` writes `dist/app/browser`
 * (and `dist/app/server` with SSR).
 *
 * @example
 * ```ts
 * const staticDir = `dist/${ANGULAR_PROJECT}/browser`;
 * ```
 */
export const ANGULAR_PROJECT = 'app';

/**
 * What `ng new` installs (and, with `ssr`, `ng add @angular/ssr`), beside the packages of the
 * READMEs' install lines.
 *
 * @example
 * ```ts
 * const app = await createReadmeApp(setup, angularPackages({ ssr: false }));
 * ```
 */
export function angularPackages(options: { ssr: boolean }): string[] {
  const browser = ['@angular/core', '@angular/common', '@angular/platform-browser', '@angular/compiler', '@angular/compiler-cli'];
  const server = options.ssr ? ['@angular/platform-server', '@angular/router', '@angular/ssr', '@types/node'] : [];
  return [...browser, ...server, '@angular/build', 'rxjs', 'tslib', 'typescript'];
}

/**
 * Angular's build runner, as `ng build` calls it (`@angular-devkit/architect`, a dependency of
 * `@angular/build`): run it with `<project>:build:<configuration>`.
 *
 * @example
 * ```ts
 * await app.node([angularArchitect(), 'app:build:development'], { nice: true });
 * ```
 */
export function angularArchitect(): string {
  return createRequire(require.resolve('@angular/build/package.json')).resolve('@angular-devkit/architect/bin/cli.js');
}

/**
 * Writes what `ng new app` leaves beside the files a README gives (workspace config, tsconfigs,
 * `src/index.html`) as `ng generate environments` leaves it (the development build uses
 * `environment.development.ts`), plus, with `ssr`, the `angular.json` options `ng add
 * @angular/ssr` sets. Tests, styles and assets are left out: nothing here needs them.
 *
 * @example
 * ```ts
 * await writeAngularWorkspace(app, { ssr: true });
 * ```
 */
export async function writeAngularWorkspace(app: ConsumerApp, options: { ssr: boolean }): Promise<void> {
  const ssrOptions = options.ssr ? { server: 'src/main.server.ts', outputMode: 'server', ssr: { entry: 'src/server.ts' } } : {};
  const build = {
    builder: '@angular/build:application',
    options: { browser: 'src/main.ts', tsConfig: 'tsconfig.app.json', ...ssrOptions },
    configurations: {
      production: { outputHashing: 'all' },
      development: {
        optimization: false,
        extractLicenses: false,
        sourceMap: true,
        fileReplacements: [{ replace: 'src/environments/environment.ts', with: 'src/environments/environment.development.ts' }],
      },
    },
    defaultConfiguration: 'production',
  };
  await app.write(
    'angular.json',
    JSON.stringify(
      {
        version: 1,
        newProjectRoot: 'projects',
        projects: {
          [ANGULAR_PROJECT]: { projectType: 'application', root: '', sourceRoot: 'src', prefix: 'app', architect: { build } },
        },
      },
      null,
      2,
    ),
  );
  await app.write(
    'tsconfig.json',
    JSON.stringify(
      {
        compileOnSave: false,
        compilerOptions: {
          strict: true,
          noImplicitOverride: true,
          noPropertyAccessFromIndexSignature: true,
          noImplicitReturns: true,
          noFallthroughCasesInSwitch: true,
          skipLibCheck: true,
          isolatedModules: true,
          experimentalDecorators: true,
          importHelpers: true,
          target: 'ES2022',
          module: 'preserve',
        },
        angularCompilerOptions: {
          enableI18nLegacyMessageIdFormat: false,
          strictInjectionParameters: true,
          strictInputAccessModifiers: true,
          strictTemplates: true,
        },
      },
      null,
      2,
    ),
  );
  await app.write(
    'tsconfig.app.json',
    JSON.stringify(
      {
        extends: './tsconfig.json',
        compilerOptions: { outDir: './out-tsc/app', types: options.ssr ? ['node'] : [] },
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.spec.ts'],
      },
      null,
      2,
    ),
  );
  await app.write(
    'src/index.html',
    `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>App</title>
  <base href="/">
  <meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
  <app-root></app-root>
</body>
</html>
`,
  );
}

/**
 * What `ng add @angular/ssr` does to the `app.config.ts` a README gives: hydration with event
 * replay, first among the providers (the README says the schematic adds it).
 *
 * @example
 * ```ts
 * const edited = withClientHydration(fileAt(setup.files, 'src/app/app.config.ts').text);
 * ```
 */
export function withClientHydration(appConfig: string): string {
  const providers = 'providers: [';
  if (!appConfig.includes(providers)) throw new Error('app.config.ts has no "providers: [" for ng add @angular/ssr to extend');
  return (
    "import { provideClientHydration, withEventReplay } from '@angular/platform-browser';\n" +
    appConfig.replace(providers, `${providers}\n    provideClientHydration(withEventReplay()),`)
  );
}

/**
 * Writes what `create-next-app` (TypeScript, App Router, no `src/`, the `@/*` alias) leaves beside
 * the files a README gives: `package.json`, `tsconfig.json`, `next.config.mjs` (empty but for the
 * test's linked node_modules). Pages, styles and ESLint are left out: the README's files stand in
 * for them.
 *
 * @example
 * ```ts
 * await writeNextProject(app);
 * ```
 */
export async function writeNextProject(app: ConsumerApp): Promise<void> {
  await app.write(
    'package.json',
    JSON.stringify({ name: 'next-app', private: true, scripts: { dev: 'next dev', build: 'next build', start: 'next start' } }, null, 2),
  );
  await app.write(
    'tsconfig.json',
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2017',
          lib: ['dom', 'dom.iterable', 'esnext'],
          allowJs: true,
          skipLibCheck: true,
          strict: true,
          noEmit: true,
          esModuleInterop: true,
          module: 'esnext',
          moduleResolution: 'bundler',
          resolveJsonModule: true,
          isolatedModules: true,
          jsx: 'react-jsx',
          incremental: true,
          plugins: [{ name: 'next' }],
          paths: { '@/*': ['./*'] },
        },
        include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts', '.next/dev/types/**/*.ts'],
        exclude: ['node_modules'],
      },
      null,
      2,
    ),
  );
  // The test app's node_modules entries are links into the workspace's: Turbopack reads no file
  // outside its root, so the root here is the filesystem's. A user's own node_modules needs none of this.
  await app.write(
    'next.config.mjs',
    "/** @type {import('next').NextConfig} */\nexport default { turbopack: { root: '/' }, outputFileTracingRoot: '/' };\n",
  );
}

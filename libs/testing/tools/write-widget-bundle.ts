// `nx build testing`, after tsc: writes the emulated launch.js beside the compiled package, so the
// published emulator serves the same widget without bundling it (and without esbuild) at run time.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { bundleWidget } from '../src/lib/widget-bundle';

async function main(target: string | undefined): Promise<void> {
  if (!target) throw new Error('usage: write-widget-bundle.ts <output file>');
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, await bundleWidget());
  console.log(`wrote ${target}`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// Builds the admin console (src/admin) into dist/admin with Vite.
// Usage: node scripts/build-admin.ts [--force]
// Without --force the build is skipped when dist/admin is newer than every file under src/admin and
// the modules' console sides (src/modules/*/admin), and package-lock.json, which pins the UI
// libraries. Runs as `prestart`, so the check must stay cheap.

import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(repoRoot, 'src/admin');
const modulesDir = join(repoRoot, 'src/modules');
const outDir = join(repoRoot, 'dist/admin');
const configFile = join(srcDir, 'vite.config.ts');
const force = process.argv.includes('--force');

function newestMtime(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isUpToDate(): boolean {
  if (!existsSync(join(outDir, 'index.html'))) return false;
  const builtAt = statSync(outDir).mtimeMs;
  const lock = join(repoRoot, 'package-lock.json');
  const moduleSides = readdirSync(modulesDir)
    .map((name) => join(modulesDir, name, 'admin'))
    .filter((dir) => existsSync(dir));
  const inputs = Math.max(
    newestMtime(srcDir),
    ...moduleSides.map(newestMtime),
    existsSync(lock) ? statSync(lock).mtimeMs : 0,
  );
  return builtAt > inputs;
}

function directorySize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? directorySize(path) : statSync(path).size;
  }
  return total;
}

if (!force && isUpToDate()) {
  console.log(`admin: up to date (${relative(process.cwd(), outDir) || '.'}), build skipped`);
} else {
  const started = performance.now();
  // Imported only when needed: a skipped build stays fast and works without dev dependencies.
  const { build } = await import('vite');
  try {
    await build({ configFile, logLevel: 'warn' });
  } catch (error) {
    // A half-written dist/admin must not look up to date on the next run.
    rmSync(outDir, { recursive: true, force: true });
    console.error('admin: build failed');
    throw error;
  }
  // Mark the build time on the directory itself; the up-to-date check compares against it.
  const now = new Date();
  utimesSync(outDir, now, now);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const kib = (directorySize(outDir) / 1024).toFixed(0);
  console.log(`admin: built ${relative(process.cwd(), outDir) || '.'} in ${seconds}s (${kib} KiB)`);
}

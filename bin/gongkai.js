#!/usr/bin/env node
// Gongkai runs TypeScript directly on Node >= 22.18 (type stripping). The project pins Node 24 as a
// devDependency (node_modules/.bin/node): on an older Node this script hands the command to that one,
// so `npx gongkai …` and a direct `bin/gongkai.js …` work wherever the project was installed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(pinned)) {
    console.error(
      `公开平台需要 Node.js 22.18 或更高版本（当前 ${process.version}）。请先在项目目录中运行 npm install。`,
    );
    process.exit(1);
  }
  const child = spawn(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  // `gongkai serve` stops on SIGTERM too, not only on the terminal's Ctrl-C (which reaches both).
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  const { main } = await import('../src/cli.ts');
  await main(process.argv.slice(2));
}

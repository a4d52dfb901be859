#!/usr/bin/env node
// Gongkai runs TypeScript directly on Node >= 22.18 (type stripping). The project pins Node 24 as a
// devDependency, so `npx gongkai` and npm scripts use it even where the system Node is older.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `公开平台需要 Node.js 22.18 或更高版本（当前 ${process.version}）。请在项目目录中用 npx gongkai 运行。`,
  );
  process.exit(1);
}
const { main } = await import('../src/cli.ts');
await main(process.argv.slice(2));

/** `gongkai docs …`: add a document from a file, search the library. */
export async function runDocsCommand(_args: string[]): Promise<number> {
  console.error('用法 usage: gongkai docs add FILE [选项] --json | docs search "QUERY" [--limit N] --json');
  return 2;
}

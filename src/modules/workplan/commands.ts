/** `gongkai plan …`: parse a task table without saving, or import it as an organisation's plan. */
export async function runPlanCommand(_args: string[]): Promise<number> {
  console.error('用法 usage: gongkai plan parse FILE [--year Y] --json | plan import FILE --org ORG');
  return 2;
}

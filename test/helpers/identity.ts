/**
 * Valid-looking identity numbers for test applicants, computed here independently of the code under
 * test: a resident ID with its GB 11643 check digit, a unified social credit code with its GB 32100
 * check character.
 */
export function residentId(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * (w[i] as number), 0);
  return body17 + ('10X98765432'[sum % 11] as string);
}

export function uscc(body17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((s, c, i) => s + chars.indexOf(c) * (w[i] as number), 0);
  return body17 + (chars[(31 - (sum % 31)) % 31] as string);
}

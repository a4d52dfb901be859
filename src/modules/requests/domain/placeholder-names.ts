/**
 * Placeholders by their Chinese names: the template editor shows and accepts `{{申请人姓名或名称}}` where the
 * stored text (and the letter maker) has `{{applicantName}}`. Pure, shared by the server and the console.
 */
export type PlaceholderName = { name: string; label: string };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** `{{applicantName}}` → `{{申请人姓名或名称}}` for the names given; anything else stays as written. */
export function placeholdersToLabels(text: string, names: readonly PlaceholderName[]): string {
  const labels = new Map(names.map((p) => [p.name, p.label]));
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const label = labels.get(name);
    return label === undefined ? whole : `{{${label}}}`;
  });
}

/** `{{申请人姓名或名称}}` → `{{applicantName}}` for the names given; anything else stays as written. */
export function placeholdersToCodes(text: string, names: readonly PlaceholderName[]): string {
  const codes = new Map(names.map((p) => [p.label, p.name]));
  return text.replace(PLACEHOLDER, (whole, label: string) => {
    const code = codes.get(label);
    return code === undefined ? whole : `{{${code}}}`;
  });
}

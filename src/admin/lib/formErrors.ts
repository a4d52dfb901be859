import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

/**
 * Puts the server's field errors on the matching form fields. A path such as `daysOff.3` is attached
 * to the `daysOff` field. Nested fields are named with dots (`applicant.idNumber` is the form field
 * `['applicant', 'idNumber']`); the longest matching name wins. Returns the messages that matched no
 * field, so the caller can show them.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
): string[] {
  if (!(error instanceof ApiError)) return [];
  const grouped = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const field of error.fields) {
    const name = fieldNames
      .filter((n) => field.path === n || field.path.startsWith(`${n}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (!name) {
      unmatched.push(field.message);
      continue;
    }
    grouped.set(name, [...(grouped.get(name) ?? []), field.message]);
  }
  form.setFields([...grouped].map(([name, errors]) => ({ name: name.split('.'), errors })));
  return unmatched;
}

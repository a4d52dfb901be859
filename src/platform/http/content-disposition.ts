/**
 * Content-Disposition for a download with a Chinese file name: the real name as RFC 5987 `filename*`
 * (percent-encoded UTF-8, `'()*` too), after an ASCII `filename` fallback for old clients when one is
 * given; `inline` to show it in the browser (PDF, images) rather than save it.
 */
export function contentDisposition(name: string, fallback: string | null = null, inline = false): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = fallback === null ? '' : ` filename="${fallback}";`;
  return `${inline ? 'inline' : 'attachment'};${ascii} filename*=UTF-8''${encoded}`;
}

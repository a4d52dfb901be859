/**
 * Content-Disposition for a download with a Chinese file name: an ASCII `filename` fallback and the
 * real name as RFC 5987 `filename*`; `inline` to show it in the browser (PDF, images).
 */
export function contentDisposition(name: string, fallback: string, inline = false): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

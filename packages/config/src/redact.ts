/** A connection URL safe to print: the password replaced by ***. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

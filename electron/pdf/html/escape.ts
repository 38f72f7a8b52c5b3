/** Text and attribute values for HTML written by hand: nothing the user typed can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A CSS string literal (for margin boxes' content): quotes, backslashes and new lines escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\A ').replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
}

/**
 * Hands text to the browser as a file download. A plain link cannot carry the Teams sign-in
 * token, so the tab fetches with its token first and saves what it got from memory.
 */
export function saveFile(parts: readonly string[], fileName: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([...parts], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file to the browser; the next task may release it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

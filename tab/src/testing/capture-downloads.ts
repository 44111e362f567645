import { vi } from 'vitest';

export interface SavedFile {
  blob: Blob;
  name: string;
}

/**
 * Catches what the tab hands the browser as downloads (a Blob URL clicked through a hidden link),
 * so a test can read each file's name and bytes. Undo with `vi.restoreAllMocks()`.
 */
export function captureDownloads(): SavedFile[] {
  const saved: SavedFile[] = [];
  let blob: Blob | undefined;
  URL.createObjectURL = vi.fn((b: Blob) => {
    blob = b;
    return 'blob:download';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ blob: blob!, name: this.download });
  });
  return saved;
}

/** A saved CSV's text after its byte-order mark, failing if the mark is missing. */
export async function csvText(file: SavedFile): Promise<string> {
  const bytes = new Uint8Array(await file.blob.arrayBuffer());
  if (![0xef, 0xbb, 0xbf].every((b, i) => bytes[i] === b)) throw new Error(`${file.name} has no UTF-8 byte-order mark`);
  return new TextDecoder().decode(bytes.slice(3));
}

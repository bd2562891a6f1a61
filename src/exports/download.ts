/**
 * Saves text as a file through the browser's download (a Blob URL on an `<a download>`): no
 * server, no network request, so it works offline and under the app's Content-Security-Policy.
 */

/** Offers `text` as the file `fileName`. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is only needed until then.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** Copies `text` to the clipboard; the promise rejects when the browser refuses. */
export function copyText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}

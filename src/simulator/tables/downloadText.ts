/** Offers `text` as a file download named `fileName` (a Blob URL, revoked once used). */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a later revoke keeps slow browsers safe.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/** Compiled files handed to the user as one zip (fflate), named after the model and target. */
import { strToU8, zipSync } from 'fflate';

export function downloadFiles(name: string, files: Readonly<Record<string, string>>): void {
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([file, text]) => [file, strToU8(text)])));
  const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

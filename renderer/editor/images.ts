import { MAX_IMAGE_BYTES } from '../../shared/richtext/nodeTypes.js';

/** A picture read from a file, ready to embed: its data URL and natural size. */
export interface LoadedPicture {
  src: string;
  width: number;
  height: number;
  name: string;
}

/** Widest a picture is shown when first inserted (it can be resized afterwards). */
export const DEFAULT_MAX_WIDTH = 640;

/**
 * Read a PNG or JPEG file the user picked. Checks the real file signature (not only the
 * name or the browser's guess) and the size cap, and says in plain English what is wrong.
 */
export async function readPicture(file: File): Promise<LoadedPicture> {
  if (file.size > MAX_IMAGE_BYTES) {
    throw new Error(`\u201c${file.name}\u201d is ${(file.size / 1024 / 1024).toFixed(1)} MB. Pictures can be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB: save a smaller copy and try again.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = pictureKind(bytes);
  if (!kind) throw new Error(`\u201c${file.name}\u201d is not a PNG or JPEG picture. Only PNG and JPEG pictures can be added.`);
  const src = `data:image/${kind};base64,${toBase64(bytes)}`;
  const size = await naturalSize(src).catch(() => {
    throw new Error(`\u201c${file.name}\u201d could not be read as a picture; it may be damaged.`);
  });
  return { src, name: file.name, ...size };
}

export function pictureKind(bytes: Uint8Array): 'png' | 'jpeg' | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function naturalSize(src: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error('unreadable'));
    img.src = src;
  });
}

/** Display size for a newly inserted picture: natural size, scaled down to fit the page. */
export function fitWidth(width: number, height: number, max = DEFAULT_MAX_WIDTH): { width: number; height: number } {
  if (width <= max) return { width, height };
  return { width: max, height: Math.round((height * max) / width) };
}

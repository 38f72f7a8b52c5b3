import { checkPictureSource } from '../../shared/richtext/pictures.js';

/**
 * Pictures embedded in packs (data URLs) decoded for Word, with their natural size read
 * from the file header so the drawing keeps its proportions.
 */
export interface DecodedImage {
  type: 'png' | 'jpg';
  data: Buffer;
  width: number;
  height: number;
}

/** Only pictures the one picture rule accepts (shared/richtext/pictures.ts) are exported. */
export function decodeImageDataUrl(src: unknown): DecodedImage | null {
  const check = checkPictureSource(src);
  if (!check.ok) return null;
  const data = Buffer.from(check.src.slice(check.src.indexOf(',') + 1), 'base64');
  const size = imageSize(data);
  if (!size) return null;
  return { type: size.type, data, width: size.width, height: size.height };
}

export function imageSize(data: Buffer): { type: 'png' | 'jpg'; width: number; height: number } | null {
  // PNG: signature, then the IHDR chunk with width and height as big-endian 32-bit numbers.
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString('ascii', 12, 16) === 'IHDR') {
    return { type: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  // JPEG: walk the segments to the first start-of-frame marker, which holds the size.
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < data.length) {
      if (data[offset] !== 0xff) return null;
      const marker = data[offset + 1]!;
      if (marker === 0xff) {
        offset++;
        continue;
      }
      const length = data.readUInt16BE(offset + 2);
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) return { type: 'jpg', height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
      offset += 2 + length;
    }
  }
  return null;
}

/** Fit (width, height) inside a box, keeping proportions and never enlarging. */
export function fitWithin(width: number, height: number, maxWidth: number, maxHeight: number): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: Math.min(maxWidth, 100), height: Math.min(maxHeight, 100) };
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

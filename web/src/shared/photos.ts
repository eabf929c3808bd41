/**
 * Photos are made smaller in the browser before upload (a phone photo of 4–8 MB becomes a few hundred KB), and the
 * original's EXIF block is carried over, so staff still see where it was taken. The canvas already applied the
 * orientation, so the carried EXIF says "upright" (orientation 1) to keep viewers from turning it twice.
 */
const MAX_EDGE = 1920;
const QUALITY = 0.8;

export async function preparePhoto(file: File): Promise<File> {
  if (!file.type.startsWith('image/') || file.type === 'image/gif') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file; // e.g. HEIC on a browser that cannot decode it: send the original
  }
  const ratio = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * ratio);
  canvas.height = Math.round(bitmap.height * ratio);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  if (!blob || blob.size >= file.size) return file;
  const exif = file.type === 'image/jpeg' ? exifSegment(new Uint8Array(await file.arrayBuffer())) : undefined;
  const compressed = new Uint8Array(await blob.arrayBuffer());
  const bytes = exif ? withExif(compressed, exif) : compressed;
  return new File([bytes as BlobPart], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' });
}

/** The APP1 "Exif" segment of a JPEG, with its orientation set to 1; undefined when there is none. */
export function exifSegment(jpeg: Uint8Array): Uint8Array | undefined {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined;
  for (let at = 2; at + 4 <= jpeg.length; ) {
    if (jpeg[at] !== 0xff) return undefined;
    const marker = jpeg[at + 1];
    if (marker === 0xda || marker === 0xd9) return undefined; // image data starts: no EXIF before it
    const length = (jpeg[at + 2] << 8) | jpeg[at + 3];
    const isExif = marker === 0xe1 && String.fromCharCode(...jpeg.subarray(at + 4, at + 10)) === 'Exif\0\0';
    if (isExif) {
      const segment = jpeg.slice(at, at + 2 + length);
      uprightOrientation(segment.subarray(10));
      return segment;
    }
    at += 2 + length;
  }
  return undefined;
}

/** Set tag 0x0112 (Orientation) of IFD0 to 1, in place; leave the block alone if it is not what it should be. */
function uprightOrientation(tiff: Uint8Array): void {
  if (tiff.length < 8) return;
  const little = tiff[0] === 0x49;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return;
    if (view.getUint16(entry, little) === 0x0112) view.setUint16(entry + 8, 1, little);
  }
}

function withExif(jpeg: Uint8Array, exif: Uint8Array): Uint8Array {
  const out = new Uint8Array(jpeg.length + exif.length);
  out.set(jpeg.subarray(0, 2));
  out.set(exif, 2);
  out.set(jpeg.subarray(2), 2 + exif.length);
  return out;
}

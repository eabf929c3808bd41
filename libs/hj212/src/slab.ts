/**
 * Memory handed out as consecutive slices of a shared 64 KiB slab that is never reused: a slice is its receiver's to
 * keep. One slab serves many frames: far fewer buffers for the garbage collector to track than one pooled Buffer each.
 */
const SLAB_SIZE = 64 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_SIZE);
let used = 0;

/** `size` bytes of uninitialised memory that nobody else writes to. */
export function ownBytes(size: number): Buffer {
  if (size > SLAB_SIZE / 8) return Buffer.allocUnsafe(size);
  if (used + size > SLAB_SIZE) {
    slab = Buffer.allocUnsafeSlow(SLAB_SIZE);
    used = 0;
  }
  const bytes = slab.subarray(used, used + size);
  used += size;
  return bytes;
}

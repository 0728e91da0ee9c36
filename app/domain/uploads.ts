/**
 * Rules for uploaded logos: small, and really an image. The type is judged from the file's first
 * bytes, not from its name or the browser's claim, so a script renamed to .png is refused.
 */
export const MAX_LOGO_BYTES = 1024 * 1024;

export type ImageType = "png" | "jpeg" | "webp";

export const IMAGE_CONTENT_TYPES: Record<ImageType, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  // "RIFF" .... "WEBP"
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

export type LogoCheck = { ok: true; type: ImageType } | { ok: false; message: string };

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, message: "Choose a logo file to upload" };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, message: "The logo must be smaller than 1 MB" };
  const type = detectImageType(bytes);
  if (!type) return { ok: false, message: "The logo must be a PNG, JPEG or WebP image" };
  return { ok: true, type };
}

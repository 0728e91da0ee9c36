import { describe, expect, it } from "vitest";
import { checkLogo, detectImageType, MAX_LOGO_BYTES } from "../../app/domain/uploads";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56]);

describe("logo uploads", () => {
  it("recognises PNG, JPEG and WebP from their first bytes", () => {
    expect(detectImageType(png)).toBe("png");
    expect(detectImageType(jpeg)).toBe("jpeg");
    expect(detectImageType(webp)).toBe("webp");
  });

  it("refuses other files, whatever they are called", () => {
    const script = new TextEncoder().encode("<script>alert(1)</script>");
    expect(checkLogo(script)).toEqual({ ok: false, message: "The logo must be a PNG, JPEG or WebP image" });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(checkLogo(svg).ok).toBe(false);
  });

  it("refuses an empty file and one over 1 MB", () => {
    expect(checkLogo(new Uint8Array())).toEqual({ ok: false, message: "Choose a logo file to upload" });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    expect(checkLogo(big)).toEqual({ ok: false, message: "The logo must be smaller than 1 MB" });
    const justRight = new Uint8Array(MAX_LOGO_BYTES);
    justRight.set(png);
    expect(checkLogo(justRight)).toEqual({ ok: true, type: "png" });
  });
});

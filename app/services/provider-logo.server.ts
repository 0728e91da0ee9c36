/** Provider logos: checked, stored on local disk under the uploads folder, served only when public. */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { checkLogo, detectImageType, IMAGE_CONTENT_TYPES } from "../domain/uploads";
import type { Actor } from "../domain/permissions";
import type { AppContext } from "./context.server";
import { setProviderLogo } from "./provider-profile.server";
import { invalid, type FieldRefusal, type Refusal } from "./use-case-result";

function logosDir(ctx: AppContext): string {
  return join(ctx.uploadsDir, "logos");
}

export function saveProviderLogo(
  ctx: AppContext,
  actor: Actor,
  providerId: string,
  bytes: Uint8Array,
): { ok: true } | Refusal | FieldRefusal {
  const check = checkLogo(bytes);
  if (!check.ok) return invalid("logo", check.message);
  // A random name: never derived from what the uploader called the file.
  const fileName = `${providerId}-${randomBytes(8).toString("hex")}.${check.type}`;
  mkdirSync(logosDir(ctx), { recursive: true });
  writeFileSync(join(logosDir(ctx), fileName), bytes);
  const result = setProviderLogo(ctx, actor, providerId, fileName);
  if (!result.ok) {
    rmSync(join(logosDir(ctx), fileName), { force: true });
    return result;
  }
  if (result.previous) rmSync(join(logosDir(ctx), basename(result.previous)), { force: true });
  return { ok: true };
}

export function removeProviderLogo(ctx: AppContext, actor: Actor, providerId: string): { ok: true } | Refusal {
  const result = setProviderLogo(ctx, actor, providerId, null);
  if (!result.ok) return result;
  if (result.previous) rmSync(join(logosDir(ctx), basename(result.previous)), { force: true });
  return { ok: true };
}

/** The stored logo's bytes and content type, or null. */
export function readLogo(
  ctx: AppContext,
  fileName: string | null,
): { bytes: Uint8Array<ArrayBuffer>; contentType: string } | null {
  if (!fileName) return null;
  try {
    const bytes = Uint8Array.from(readFileSync(join(logosDir(ctx), basename(fileName))));
    const type = detectImageType(bytes);
    return type ? { bytes, contentType: IMAGE_CONTENT_TYPES[type] } : null;
  } catch {
    return null;
  }
}

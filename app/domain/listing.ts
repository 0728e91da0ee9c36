/** What the public may see: only live services of approved providers. */
export function isListed(accreditationStatus: string, serviceStatus: string): boolean {
  return accreditationStatus === "approved" && serviceStatus === "live";
}

/** Only approved providers have a public page. */
export function isProviderPublic(accreditationStatus: string): boolean {
  return accreditationStatus === "approved";
}

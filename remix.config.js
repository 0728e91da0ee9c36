/** Remix v2 classic compiler (the user's choice of stack). */
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Native and server-only packages stay external; the server loads them from node_modules.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: with lazy discovery, a suggestion fetch to a route not yet discovered, racing the search's
    // own navigation, showed "Page not found" (remix-run/remix#10263). Every route is in the first page's
    // manifest instead: a few kilobytes.
    v3_lazyRouteDiscovery: false,
  },
};

import { startApp } from "../support/start-app";

/** One app for the whole e2e run: production build, fresh database, demo data, embedded Meilisearch. */
export default async function globalSetup() {
  const app = await startApp();
  process.env.E2E_BASE_URL = app.baseUrl;
  return async () => {
    await app.stop();
  };
}

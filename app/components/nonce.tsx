import { createContext, useContext } from "react";

/** The CSP nonce for this page: only scripts that carry it may run. Empty in the browser. */
export const NonceContext = createContext<string>("");

export function useNonce(): string {
  return useContext(NonceContext);
}

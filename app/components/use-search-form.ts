/** How the search form behaves with JavaScript: results follow it as it changes, and it follows the address. */
import { useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent, type RefObject } from "react";
import type { SearchForm } from "../http/search-form";

/**
 * Back and forward change the address without reloading the page: make the form show it again,
 * leaving alone the box someone is typing in.
 */
export function useFormFollowsAddress(formRef: RefObject<HTMLFormElement | null>, form: SearchForm) {
  useEffect(() => {
    const elements = formRef.current?.elements;
    if (!elements) return;
    const lists: Record<string, string[]> = {
      category: form.categories,
      type: form.providerTypes,
      cqc: form.cqcRatings,
      skill: form.skills,
      language: form.languages,
      time: form.times,
    };
    const flags: Record<string, boolean> = {
      weekends: form.weekends,
      published: form.published,
      drives: form.drives,
      dbs: form.dbs,
    };
    const texts: Record<string, string> = {
      q: form.q,
      maxPrice: form.maxPrice,
      area: form.area,
      stars: form.stars,
      sort: form.sort,
    };
    for (const element of Array.from(elements)) {
      if (element === document.activeElement) continue;
      if (element instanceof HTMLInputElement && element.type === "checkbox") {
        const list = lists[element.name];
        element.checked = list ? list.includes(element.value) : (flags[element.name] ?? element.checked);
      } else if (
        (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) &&
        element.name in texts
      ) {
        element.value = texts[element.name] ?? "";
      }
    }
  }, [formRef, form]);
}

/** Results follow the form: at once for filters, after a pause for typing. */
export function useLiveSearch(): (event: FormEvent<HTMLFormElement>) => void {
  const submit = useSubmit();
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typingTimer.current), []);
  return (event) => {
    const target = event.target as HTMLInputElement;
    const form = event.currentTarget;
    clearTimeout(typingTimer.current);
    if (target.name === "q" || target.name === "maxPrice") {
      typingTimer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 350);
    } else if (target.type !== "text" && target.type !== "search") {
      submit(form, { preventScrollReset: true });
    }
  };
}

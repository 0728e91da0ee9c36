/**
 * The search box with autocomplete (issue 13), as a WAI-ARIA combobox with a listbox popup: suggestions
 * of categories, services and providers as you type; arrow keys move through them, Enter opens one,
 * Escape closes the list. Without JavaScript it is the plain search box and the form works as before.
 */
import { useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { Suggestion } from "../services/search-suggestions.server";
import { useHydrated } from "./use-hydrated";

const KIND_LABELS: Record<Suggestion["kind"], string> = {
  category: "Kind of support",
  service: "Service",
  provider: "Provider",
};

export function SearchCombobox({ defaultValue, describedBy }: { defaultValue: string; describedBy: string }) {
  const hydrated = useHydrated();
  const fetcher = useFetcher<{ suggestions: Suggestion[] }>();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const suggestions = fetcher.data?.suggestions ?? [];
  const expanded = hydrated && open && suggestions.length > 0;

  useEffect(() => () => clearTimeout(timer.current), []);

  function onInput(value: string) {
    clearTimeout(timer.current);
    setActive(-1);
    setOpen(value.trim().length >= 2);
    if (value.trim().length >= 2) {
      timer.current = setTimeout(() => fetcher.load(`/search/suggest?q=${encodeURIComponent(value)}`), 150);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === "ArrowUp" && expanded) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      const chosen = suggestions[active];
      if (chosen) {
        event.preventDefault();
        setOpen(false);
        navigate(chosen.href);
      }
    }
  }

  return (
    <div className="combobox">
      <input
        className="input"
        id="q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        aria-describedby={describedBy}
        autoComplete="off"
        {...(hydrated
          ? {
              role: "combobox",
              "aria-autocomplete": "list" as const,
              "aria-expanded": expanded,
              "aria-controls": "q-suggestions",
              "aria-activedescendant": expanded && active >= 0 ? `q-suggestion-${active}` : undefined,
              onInput: (e: FormEvent<HTMLInputElement>) => onInput(e.currentTarget.value),
              onKeyDown,
              onBlur: () => setTimeout(() => setOpen(false), 150),
            }
          : {})}
      />
      {hydrated ? (
        <ul id="q-suggestions" role="listbox" aria-label="Suggestions" className="combobox__list" hidden={!expanded}>
          {suggestions.map((s, i) => (
            <li
              key={s.href}
              id={`q-suggestion-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "combobox__option combobox__option--active" : "combobox__option"}
              onMouseDown={(e) => {
                e.preventDefault();
                navigate(s.href);
              }}
            >
              {s.label} <span className="combobox__kind">{KIND_LABELS[s.kind]}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

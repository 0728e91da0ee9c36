/**
 * The filters a search for a personal assistant or micro-provider needs (issue #14): skills, languages,
 * times of day, drives, DBS verified. Shown once someone asks for those kinds of provider, or has one of
 * these filters on, so the panel stays short for everyone else.
 */
import { LANGUAGES, SKILLS, TIMES_OF_DAY } from "../domain/independent-profile";
import type { SearchForm } from "../http/search-form";
import { asksForIndependentSupport } from "../../search/query-types";
import { FacetCheckboxes, FlagCheckbox, countOf, type Facets } from "./search-filters";

export function showsPersonalAssistantFilters(form: SearchForm): boolean {
  return asksForIndependentSupport({ ...form, dbsVerified: form.dbs });
}

export function PersonalAssistantFilters({ form, facets }: { form: SearchForm; facets: Facets }) {
  return (
    <div className="pa-filters">
      <h3 className="filters__subtitle">Personal assistants and micro-providers</h3>
      <FacetCheckboxes
        name="skill"
        legend="Skills (all you tick)"
        options={SKILLS.map((s) => ({ value: s.key, label: s.label }))}
        selected={form.skills}
        facets={facets}
        facet="skills"
      />
      <FacetCheckboxes
        name="time"
        legend="Available (all you tick)"
        options={TIMES_OF_DAY.map((t) => ({ value: t.key, label: t.label }))}
        selected={form.times}
        facets={facets}
        facet="timesOfDay"
      />
      <fieldset className="fieldset facet">
        <legend className="fieldset__legend facet__legend">Checks and travel</legend>
        <div className="checkboxes checkboxes--compact">
          <FlagCheckbox name="dbs" label="DBS verified by the council" checked={form.dbs} count="" />
          <FlagCheckbox
            name="drives"
            label="Drives, with own car"
            checked={form.drives}
            count={countOf(facets, "drives", "true")}
          />
        </div>
      </fieldset>
      <FacetCheckboxes
        name="language"
        legend="Speaks"
        options={LANGUAGES.map((l) => ({ value: l.key, label: l.label }))}
        selected={form.languages}
        facets={facets}
        facet="languages"
      />
    </div>
  );
}

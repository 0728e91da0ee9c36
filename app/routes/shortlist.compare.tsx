/**
 * Up to four shortlisted services side by side. The person picks one weekly pattern for them all
 * (a GET form, so it works without JavaScript and the address keeps the choice); each card then shows
 * what that week costs with the service's rates and what the budget covers. Nothing is sorted for
 * them: the cards keep the order the services were chosen in.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { errorFor, ErrorSummary, SafeForm, TextField } from "../components/forms";
import { ScheduleFields } from "../components/schedule-fields";
import { ComparisonCards, CompareChooser, londonDate } from "../components/shortlist";
import { patternSentence } from "../domain/shortlist";
import { holderForRequest } from "../http/acting-for.server";
import type { FieldErrorItem } from "../http/form-types";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import { readComparePattern } from "../http/shortlist-form.server";
import { compareShortlist } from "../services/shortlist/compare.server";
import { getShortlist } from "../services/shortlist/shortlist.server";

export const meta: MetaFunction = () => [{ title: "Compare services – Shortlist – Care and Support Marketplace" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, "budget_holder", "family_member");
  const holderUserId = holderForRequest(request, context, user);
  const actor = actorOf(user);
  const found = getShortlist(context.app, actor, holderUserId);
  if (!found.ok) throw refusalResponse(found.reason);
  const url = new URL(request.url);
  const chosen = url.searchParams.getAll("service");
  const form = readComparePattern(url);
  const pattern = form.ok ? form.pattern : null;
  const compared = compareShortlist(context.app, actor, holderUserId, chosen, pattern);
  if (!compared.ok && compared.reason !== "invalid") throw refusalResponse(compared.reason);
  const errors: FieldErrorItem[] = [
    ...(compared.ok ? [] : [{ field: compared.field, message: compared.message }]),
    ...(form.ok ? [] : form.errors),
  ];
  const own = user.id === holderUserId;
  const data = {
    own,
    holderName: found.shortlist.holderName,
    holderQuery: own ? null : holderUserId,
    chosen,
    options: found.shortlist.lines.filter((l) => l.listing !== null),
    values: form.values,
    errors,
    pattern: pattern ? { sentence: patternSentence(pattern), weekStart: londonDate(pattern.weekStart) } : null,
    comparison: compared.ok ? compared.comparison : null,
  };
  return json(data, { status: errors.length > 0 ? 400 : 200 });
}

export default function ComparePage() {
  const data = useLoaderData<typeof loader>();
  const back = `/shortlist${data.holderQuery ? `?for=${encodeURIComponent(data.holderQuery)}` : ""}`;
  const choiceError = errorFor(data.errors, "service");
  return (
    <>
      <ErrorSummary errors={data.errors} />
      <span className="caption">{data.own ? "Your shortlist" : `${data.holderName}'s shortlist`}</span>
      <h1>Compare services</h1>
      <p>
        <Link to={back}>Back to the shortlist</Link>
      </p>

      {choiceError || !data.comparison ? (
        <CompareChooser
          options={data.options}
          chosen={data.chosen}
          error={choiceError}
          holderQuery={data.holderQuery}
        />
      ) : (
        <>
          <section aria-labelledby="pattern-heading" className="inset">
            <h2 id="pattern-heading">Your week</h2>
            <p>Choose the visits you want once, and see what that week would cost with each service.</p>
            <SafeForm method="get" action="/shortlist/compare">
              {data.holderQuery ? <input type="hidden" name="for" value={data.holderQuery} /> : null}
              {data.chosen.map((id) => (
                <input key={id} type="hidden" name="service" value={id} />
              ))}
              <input type="hidden" name="costs" value="1" />
              <ScheduleFields values={data.values} errors={data.errors} daysLegend="Which days?" />
              <TextField
                name="startDate"
                label="Week starting"
                hint="For example, 14/12/2026. Bank holidays in that week are priced at the bank holiday rate."
                width="third"
                defaultValue={data.values.startDate}
                error={errorFor(data.errors, "startDate")}
              />
              <button type="submit" className="button">
                Show the cost of this week
              </button>
            </SafeForm>
          </section>

          <h2 id="side-by-side">Side by side</h2>
          {data.pattern ? (
            <p data-testid="pattern-sentence">
              Costs for {data.pattern.sentence}, in the week starting {data.pattern.weekStart}. Prices are worked out as
              a booking would be; the budget figures are what your budget has left in that period now.
            </p>
          ) : (
            <p>Choose your week above to see what it would cost with each service.</p>
          )}
          <ComparisonCards
            cards={data.comparison.services}
            hasBudget={data.comparison.hasBudget}
            priced={data.pattern !== null}
          />
        </>
      )}
    </>
  );
}

import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, errorFor, Radios, SafeForm, SelectField, SubmitButton, TextField } from "../components/forms";
import {
  isPeriodLength,
  MAX_ALLOCATION_PENCE,
  MAX_CARRY_OVER_PERCENT,
  PERIOD_LENGTH_LABELS,
  PERIOD_LENGTHS,
} from "../domain/budget-periods";
import { isValidLocalDate, londonDateOf } from "../domain/london-time";
import { parseMoney, penceToInput } from "../domain/money";
import { addLocalDays } from "../domain/schedule";
import { parseForm } from "../http/forms.server";
import { actorOf, refusalResponse, requireRole } from "../http/guards.server";
import {
  listBudgetHolders,
  setBudgetAccount,
  type BudgetAccountInput,
  type MoneyManagement,
} from "../services/budgets/budget-accounts.server";
import type { AppContext } from "../services/context.server";
import { listProvidersForCouncil } from "../services/providers.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Personal budget for ${data?.holder.name ?? "a budget holder"} – Care and Support Marketplace` },
];

const MONEY_MANAGEMENT_OPTIONS: readonly { value: MoneyManagement; label: string; hint: string }[] = [
  {
    value: "direct_payment",
    label: "Direct payment",
    hint: "The person gets the money and spends it on the support they choose.",
  },
  {
    value: "isf",
    label: "Individual service fund (ISF) held by a provider",
    hint: "The council lodges the money with a provider the person chooses. Choose the provider below.",
  },
  {
    value: "council_managed",
    label: "Council-managed",
    hint: "The council holds the money and pays for the support the person books.",
  },
  {
    value: "self_funded",
    label: "Self-funded: pays for everything by card",
    hint: "No council money. Leave the allocation blank.",
  },
];

const isMoneyManagement = (value: string): value is MoneyManagement =>
  MONEY_MANAGEMENT_OPTIONS.some((o) => o.value === value);

const text = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string());

/** Every field is checked in page order, so the error summary lists problems top to bottom. */
function budgetForm(today: string) {
  return z
    .object({
      moneyManagement: text,
      isfProviderId: text,
      allocation: text,
      periodLength: text,
      firstPeriodStart: text,
      carryOverPercent: text,
    })
    .superRefine((form, ctx) => {
      const problem = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
      const option = form.moneyManagement;
      if (!isMoneyManagement(option)) problem("moneyManagement", "Choose how the money is managed");
      if (option === "isf" && form.isfProviderId === "") {
        problem("isfProviderId", "Choose the provider that holds the individual service fund");
      }
      if (option !== "self_funded") {
        const money = parseMoney(form.allocation, { label: "allocation per period", max: MAX_ALLOCATION_PENCE });
        if (!money.ok) problem("allocation", money.message);
      }
      if (!isPeriodLength(form.periodLength)) problem("periodLength", "Choose how often the budget is paid");
      if (form.firstPeriodStart === "") {
        problem("firstPeriodStart", "Enter the date the first budget period starts");
      } else if (!isValidLocalDate(form.firstPeriodStart)) {
        problem("firstPeriodStart", "The first period start date must be a real date, like 2 November 2026");
      } else if (form.firstPeriodStart < "2000-01-01") {
        problem("firstPeriodStart", "The first period start date must be in the year 2000 or later");
      } else if (form.firstPeriodStart > addLocalDays(today, 366)) {
        problem("firstPeriodStart", "The first period must start within the next 12 months");
      }
      const percent = form.carryOverPercent;
      if (percent === "") {
        problem("carryOverPercent", "Enter the carry-over percentage, or 0 if nothing carries over");
      } else if (!/^[0-9]{1,3}$/.test(percent) || Number(percent) > MAX_CARRY_OVER_PERCENT) {
        problem(
          "carryOverPercent",
          `Enter the carry-over percentage as a whole number from 0 to ${MAX_CARRY_OVER_PERCENT}`,
        );
      }
    })
    .transform((form): BudgetAccountInput => {
      const moneyManagement = form.moneyManagement as MoneyManagement;
      const money = parseMoney(form.allocation, { max: MAX_ALLOCATION_PENCE });
      return {
        moneyManagement,
        isfProviderId: moneyManagement === "isf" ? form.isfProviderId : null,
        allocationPence: moneyManagement !== "self_funded" && money.ok ? money.pence : 0,
        periodLength: form.periodLength as BudgetAccountInput["periodLength"],
        firstPeriodStart: form.firstPeriodStart,
        carryOverPercent: Number(form.carryOverPercent),
      };
    });
}

function findHolder(app: AppContext, holderId: string) {
  const holder = listBudgetHolders(app).find((h) => h.id === holderId);
  if (!holder) throw refusalResponse("not_found");
  return holder;
}

function approvedProviders(app: AppContext) {
  return listProvidersForCouncil(app)
    .filter((p) => p.accreditationStatus === "approved")
    .map((p) => ({ value: p.id, label: p.name }))
    .sort((a, b) => a.label.localeCompare(b.label, "en-GB"));
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireRole(request, context, "council_admin");
  const holder = findHolder(context.app, params.holderId ?? "");
  const account = holder.account;
  return {
    holder: { id: holder.id, name: holder.name, area: holder.area },
    hasAccount: account !== null,
    saved: {
      moneyManagement: account?.moneyManagement ?? "",
      isfProviderId: account?.isfProviderId ?? "",
      allocation: account && account.moneyManagement !== "self_funded" ? penceToInput(account.allocationPence) : "",
      periodLength: account?.periodLength ?? "four_weekly",
      firstPeriodStart: account?.firstPeriodStart ?? "",
      carryOverPercent: String(account?.carryOverPercent ?? 0),
    },
    providers: approvedProviders(context.app),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireRole(request, context, "council_admin");
  const holder = findHolder(context.app, params.holderId ?? "");
  const form = await parseForm(request, budgetForm(londonDateOf(new Date())));
  if (!form.ok) return json(form, { status: 400 });
  const result = setBudgetAccount(context.app, actorOf(user), holder.id, form.data);
  if (!result.ok && result.reason === "invalid") {
    return json(
      { ok: false as const, errors: [{ field: result.field, message: result.message }], values: form.values },
      { status: 400 },
    );
  }
  if (!result.ok) throw refusalResponse(result.reason);
  return redirect(`/council/budgets?saved=${encodeURIComponent(holder.id)}`);
}

export default function CouncilBudget() {
  const { holder, hasAccount, saved, providers } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors;
  // After a failed save, show what was typed; otherwise what is saved.
  const values: Record<string, string> = failure?.values ?? saved;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">Council admin</span>
      <h1>Personal budget for {holder.name}</h1>
      <p>
        {holder.area ? `${holder.area}. ` : ""}
        {hasAccount ? "Changes apply from the current budget period." : "No personal budget has been set yet."}{" "}
        <Link to="/council/budgets">Back to personal budgets</Link>
      </p>
      {hasAccount ? (
        <p>
          <Link to={`/requests?for=${encodeURIComponent(holder.id)}`}>Support requests for {holder.name}</Link>: ask
          providers to quote on their behalf.
        </p>
      ) : null}
      <SafeForm>
        <Radios
          name="moneyManagement"
          legend="How is the money managed?"
          options={MONEY_MANAGEMENT_OPTIONS}
          defaultValue={values.moneyManagement}
          error={errorFor(errors, "moneyManagement")}
        />
        <SelectField
          name="isfProviderId"
          label="Provider holding the individual service fund"
          hint="Only for an individual service fund. Only approved providers are listed."
          options={providers}
          placeholder="Choose a provider"
          defaultValue={values.isfProviderId}
          error={errorFor(errors, "isfProviderId")}
        />
        <TextField
          name="allocation"
          label="Allocation per period"
          hint="In pounds and pence, for example £400.00. Up to £100,000. Leave blank if the person is self-funded."
          prefix="£"
          width="money"
          inputMode="decimal"
          spellCheck={false}
          defaultValue={values.allocation}
          error={errorFor(errors, "allocation")}
        />
        <Radios
          name="periodLength"
          legend="How often is the budget paid?"
          options={PERIOD_LENGTHS.map((length) => ({ value: length, label: PERIOD_LENGTH_LABELS[length] }))}
          defaultValue={values.periodLength}
          error={errorFor(errors, "periodLength")}
        />
        <TextField
          name="firstPeriodStart"
          label="First period start date"
          hint="The day the first budget period begins, for example 2 November 2026. Later periods follow on from it."
          type="date"
          width="half"
          defaultValue={values.firstPeriodStart}
          error={errorFor(errors, "firstPeriodStart")}
        />
        <TextField
          name="carryOverPercent"
          label="Carry-over percentage"
          hint={`Up to this share of unspent budget moves to the next period. A whole number from 0 to ${MAX_CARRY_OVER_PERCENT}, for example 10 for 10%.`}
          width="money"
          inputMode="numeric"
          spellCheck={false}
          defaultValue={values.carryOverPercent}
          error={errorFor(errors, "carryOverPercent")}
        />
        <SubmitButton>Save personal budget</SubmitButton>
      </SafeForm>
    </>
  );
}

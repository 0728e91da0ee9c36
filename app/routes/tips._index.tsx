import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "../components/forms";
import { Pagination } from "../components/pagination";
import { TipCard } from "../components/tips";
import { formatLondon } from "../domain/london-time";
import { isTipAuthorRole, isTipTopic, TIP_TOPICS } from "../domain/tips";
import { readTipSearch } from "../http/community-forms.server";
import { actorOf } from "../http/guards.server";
import { listLocalities } from "../services/localities.server";
import { ownTips, searchTips } from "../services/tips/reading.server";

export const meta: MetaFunction = () => [{ title: "Tips from people who use support – Care and Support Marketplace" }];

const PER_PAGE = 20;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const form = readTipSearch(url);
  const areas = listLocalities(context.app);
  const topic = isTipTopic(form.topic) ? form.topic : null;
  const areaId = areas.some((a) => a.id === form.area) ? form.area : null;
  const found = await searchTips(context.app, { q: form.q, topic, areaId, page: form.page, perPage: PER_PAGE });
  const user = context.user;
  const mine = user && isTipAuthorRole(user.role) ? ownTips(context.app, actorOf(user)) : [];
  return {
    form: { q: form.q, topic: topic ?? "", area: areaId ?? "" },
    page: form.page,
    pageCount: Math.max(1, Math.ceil(found.total / PER_PAGE)),
    total: found.total,
    reduced: found.reduced,
    tips: found.tips.map((t) => ({ ...t, when: formatLondon(new Date(t.createdAt), "date") })),
    areas,
    mayPost: user ? isTipAuthorRole(user.role) : false,
    signedIn: user !== null,
    hiddenOwn: mine
      .filter((t) => t.status === "hidden")
      .map((t) => ({ id: t.id, title: t.title, reason: t.hiddenReason ?? "" })),
    posted: url.searchParams.get("done") === "posted",
  };
}

export default function TipsPage() {
  const data = useLoaderData<typeof loader>();
  const query = (page: number) => {
    const params = new URLSearchParams();
    if (data.form.q) params.set("q", data.form.q);
    if (data.form.topic) params.set("topic", data.form.topic);
    if (data.form.area) params.set("area", data.form.area);
    params.set("page", String(page));
    return `/tips?${params}`;
  };
  return (
    <>
      {data.posted ? (
        <div className="notice notice--approved" role="status">
          <p className="notice__title">Thank you. Your tip has been shared.</p>
        </div>
      ) : null}
      <h1>Tips from people who use support</h1>
      <p className="lead">
        Budget holders and their families share what worked for them: how they use a direct payment, what to ask a
        provider, where to find help.
      </p>
      {data.mayPost ? (
        <p>
          <Link to="/tips/new" className="button">
            Share a tip
          </Link>
        </p>
      ) : !data.signedIn ? (
        <p>
          <Link to="/sign-in?redirectTo=%2Ftips%2Fnew">Sign in to share a tip</Link>
        </p>
      ) : null}
      {data.hiddenOwn.length > 0 ? (
        <section className="notice notice--warning" aria-labelledby="hidden-heading">
          <h2 className="notice__title" id="hidden-heading">
            The council has hidden {data.hiddenOwn.length === 1 ? "one of your tips" : "some of your tips"}
          </h2>
          <ul className="list">
            {data.hiddenOwn.map((t) => (
              <li key={t.id} data-testid="hidden-own-tip">
                <Link to={`/tips/${t.id}`}>{t.title}</Link>: {t.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" className="market-filter" role="search" aria-label="Search tips">
        <TextField name="q" label="Search tips" type="search" defaultValue={data.form.q} />
        <SelectField
          name="topic"
          label="Topic"
          options={TIP_TOPICS.map((t) => ({ value: t.key, label: t.label }))}
          placeholder="All topics"
          defaultValue={data.form.topic}
        />
        <SelectField
          name="area"
          label="Area"
          options={data.areas.map((a) => ({ value: a.id, label: a.name }))}
          placeholder="All areas"
          defaultValue={data.form.area}
        />
        <div className="form-group">
          <button type="submit" className="button button--secondary">
            Find tips
          </button>
        </div>
      </Form>
      {data.reduced ? (
        <p className="hint" data-testid="reduced-mode">
          Search is working in a simpler way just now: it matches whole words only.
        </p>
      ) : null}
      <p className="results-count" role="status">
        {data.total === 0 ? "No tips found" : `${data.total} ${data.total === 1 ? "tip" : "tips"}`}
        {data.form.q ? ` for “${data.form.q}”` : ""}
      </p>
      <ul className="result-list">
        {data.tips.map((tip) => (
          <TipCard key={tip.id} tip={tip} />
        ))}
      </ul>
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={query} />
    </>
  );
}

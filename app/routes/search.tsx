import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Search for care and support – Care and Support Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get("q")?.trim() ?? "";
  return { q };
}

export default function Search() {
  const { q } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Search for care and support</h1>
      <Form method="get" className="search-form">
        <div className="form-group">
          <label className="label" htmlFor="q">
            What support are you looking for?
          </label>
          <div id="q-hint" className="hint">
            For example: home care, personal assistant, day centre
          </div>
          <input
            className="input input--half"
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            aria-describedby="q-hint"
          />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      <div className="inset">
        <p>
          {q ? <>You searched for &ldquo;{q}&rdquo;. </> : null}
          Searching by words arrives soon. Meanwhile you can <Link to="/services">see all services</Link>.
        </p>
      </div>
    </>
  );
}

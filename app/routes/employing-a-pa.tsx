import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { directPaymentSupportText } from "../services/employer-help.server";

export const meta: MetaFunction = () => [{ title: "Employing a personal assistant – Care and Support Marketplace" }];

export async function loader() {
  return { support: directPaymentSupportText() };
}

/** Plain-English employer help for people who hire a personal assistant with a direct payment (issue #14). */
export default function EmployingAPa() {
  const { support } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Employing a personal assistant</h1>
      <p className="lead">
        A personal assistant (PA) works for you, not for an agency. If you pay a PA with your direct payment or your own
        money, you are usually their employer. This page explains what that means.
      </p>

      <h2>Who can employ a PA</h2>
      <p>
        You can employ a PA with a direct payment or with your own money. You cannot employ a PA with an individual
        service fund or a budget the council manages, because the council pays that money to providers it has an
        agreement with.
      </p>

      <h2>What being an employer means</h2>
      <h3>A contract</h3>
      <p>
        Give your PA a written statement of their job from their first day: hours, pay, holidays, notice and what the
        job involves. Keep a copy.
      </p>
      <h3>Payroll: tax and National Insurance</h3>
      <p>
        You may need to register with HMRC as an employer and run payroll. Many people use a payroll service, which
        works out tax and National Insurance and sends your PA a payslip. A workplace pension may also be needed.
      </p>
      <h3>Employer&apos;s liability insurance</h3>
      <p>
        By law, most employers must have employer&apos;s liability insurance. It pays out if your PA is hurt or falls
        ill because of their work. Specialist insurance for people who employ a PA often includes help with payroll and
        legal questions.
      </p>
      <h3>Holiday pay and sick pay</h3>
      <p>
        Your PA has a right to paid holiday (5.6 weeks a year for someone working full time, less for part time) and may
        have a right to statutory sick pay. Keep some of your budget aside for these.
      </p>
      <h3>Right to work and checks</h3>
      <p>
        Before your PA starts, check they have the right to work in the UK and keep a copy of their documents. Ask to
        see their DBS certificate. On this marketplace, a PA&apos;s checks say when the council has verified them.
      </p>
      <h3>If your PA is self-employed</h3>
      <p>
        Some PAs are self-employed and invoice you. HMRC decides whether someone is really self-employed, not you or
        them, so ask for advice before you agree.
      </p>

      <h2>Help from the council</h2>
      <div className="inset" data-testid="direct-payment-support">
        {support.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>

      <p>
        <Link to="/search?type=personal_assistant">Find a personal assistant</Link>
      </p>
    </>
  );
}

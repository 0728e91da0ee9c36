/**
 * A personal assistant's or micro-provider's listing (issue #14): the public profile, each check in plain
 * words, the "verified by the council" badge, how to get in touch and the employer help page.
 */
import { Link } from "@remix-run/react";

export interface IndependentView {
  travelMiles: number | null;
  skills: string[];
  languages: string[];
  experienceYears: number | null;
  interests: string;
  whatWeDo: string;
  whoRunsIt: string;
  workerCount: number | null;
  checks: { kind: string; line: string; state: "waiting" | "verified" | "expired" }[];
  qualityMark: { line: string; state: "waiting" | "verified" | "expired" } | null;
  verifiedBadge: boolean;
}

export function VerifiedBadge({ verified }: { verified: boolean }) {
  return verified ? (
    <strong className="tag tag--approved" data-testid="verified-badge">
      Checks verified by the council
    </strong>
  ) : null;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function IndependentProfile({ profile, type }: { profile: IndependentView; type: string }) {
  const pa = type === "personal_assistant";
  return (
    <section aria-labelledby="about-heading">
      <h2 id="about-heading">{pa ? "About me" : "About us"}</h2>
      <dl className="summary-list">
        {!pa && profile.whatWeDo ? <Row label="What we do">{profile.whatWeDo}</Row> : null}
        {!pa && profile.whoRunsIt ? <Row label="Who runs it">{profile.whoRunsIt}</Row> : null}
        {!pa && profile.workerCount !== null ? (
          <Row label="Workers">
            {profile.workerCount} {profile.workerCount === 1 ? "person" : "people"}
          </Row>
        ) : null}
        {profile.skills.length > 0 ? <Row label="Skills">{profile.skills.join(", ")}</Row> : null}
        {profile.languages.length > 0 ? <Row label="Languages">{profile.languages.join(", ")}</Row> : null}
        {profile.experienceYears !== null ? (
          <Row label="Experience">
            {profile.experienceYears} {profile.experienceYears === 1 ? "year" : "years"}
          </Row>
        ) : null}
        {profile.travelMiles !== null ? <Row label="Travels up to">{profile.travelMiles} miles</Row> : null}
        {profile.interests ? <Row label={pa ? "Things I enjoy" : "Things we enjoy"}>{profile.interests}</Row> : null}
      </dl>

      <h2 id="checks">Checks</h2>
      <p>
        <VerifiedBadge verified={profile.verifiedBadge} />
      </p>
      {profile.checks.length === 0 ? (
        <p>No checks declared yet.</p>
      ) : (
        <ul className="list list--bullet" data-testid="checks">
          {profile.checks.map((c, i) => (
            <li key={i} className={c.state === "expired" ? "check check--expired" : "check"}>
              {c.line}
            </li>
          ))}
        </ul>
      )}
      {profile.qualityMark ? (
        <p>
          Quality mark: {profile.qualityMark.line}
          {profile.qualityMark.state === "expired" ? " (expired)" : ""}
        </p>
      ) : null}
      <p className="hint">
        Checks are declared by the {pa ? "personal assistant" : "provider"}. The council marks each one verified once it
        has seen the certificate. An expired check stops the “verified” badge.
      </p>
    </section>
  );
}

/** "Send an enquiry" for budget holders and family; a sign-in prompt for everyone else. */
export function EnquiryPrompt(props: {
  providerId: string;
  providerName: string;
  canEnquire: boolean;
  signedIn: boolean;
}) {
  const to = `/messages/new?provider=${encodeURIComponent(props.providerId)}`;
  return (
    <section aria-labelledby="enquiry-heading" className="inset">
      <h2 id="enquiry-heading">Get in touch</h2>
      {props.canEnquire ? (
        <p>
          <Link to={to} className="button">
            Send an enquiry<span className="visually-hidden"> to {props.providerName}</span>
          </Link>
        </p>
      ) : props.signedIn ? (
        <p>Budget holders and the family members who help them can send an enquiry from here.</p>
      ) : (
        <p>
          To write to {props.providerName},{" "}
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(to)}`}>sign in to send an enquiry</Link>. Their phone
          number and address are never shown: you write through the marketplace.
        </p>
      )}
    </section>
  );
}

export function EmployingLink() {
  return (
    <p>
      <Link to="/employing-a-pa">Employing a personal assistant: what it means for you</Link>
    </p>
  );
}

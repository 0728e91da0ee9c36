/**
 * Sharing contact details in a conversation: where agreement stands, the button to agree, and the
 * other side's name, email and phone once both sides have agreed (never before).
 */
import type { SharingState } from "../domain/conversations";
import { SafeForm } from "./forms";

export function ContactSharing(props: {
  sharing: SharingState;
  contact: { name: string; email: string; phone: string | null } | null;
  otherName: string;
  canAgree: boolean;
  error?: string;
}) {
  const { sharing, contact, otherName, canAgree, error } = props;
  return (
    <section className="thread-actions" aria-labelledby="contact-heading" data-testid="contact-sharing">
      <h2 id="contact-heading">Contact details</h2>
      {sharing === "shared" && contact ? (
        <>
          <p>You have both agreed to share contact details.</p>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>Name</dt>
              <dd>{contact.name}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Email</dt>
              <dd>{contact.email || "Not given"}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Phone</dt>
              <dd>{contact.phone ?? "Not given"}</dd>
            </div>
          </dl>
        </>
      ) : (
        <>
          <p>
            {sharing === "waiting_for_them"
              ? `You have agreed to share contact details. ${otherName} has not agreed yet, so neither of you can see the other's details.`
              : sharing === "they_offered"
                ? `${otherName} has agreed to share contact details. If you agree too, you will each see the other's name, email address and phone number.`
                : "Your email address and phone number are hidden. If you both agree, you will each see the other's name, email address and phone number."}
          </p>
          {error ? (
            <p className="error-message" id="share-error">
              <span className="visually-hidden">Error:</span> {error}
            </p>
          ) : null}
          {canAgree && sharing !== "waiting_for_them" ? (
            <SafeForm>
              <button type="submit" name="intent" value="share" id="share" className="button button--secondary">
                Agree to share contact details
              </button>
            </SafeForm>
          ) : null}
        </>
      )}
    </section>
  );
}

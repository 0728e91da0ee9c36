/** Parts of the family and supporters pages. */
import {
  FAMILY_PERMISSIONS,
  PERMISSION_HINTS_FOR_HOLDER,
  PERMISSION_LABELS_FOR_HOLDER,
} from "../domain/family-invites";

export const PERMISSION_OPTIONS = FAMILY_PERMISSIONS.map((key) => ({
  value: key,
  label: PERMISSION_LABELS_FOR_HOLDER[key],
  hint: PERMISSION_HINTS_FOR_HOLDER[key],
}));

/** The invite link, in a box that is easy to select and copy. */
export function InviteLinkPanel({
  invited,
  heading,
}: {
  invited: { email: string; url: string; expiresOn: string };
  heading: string;
}) {
  return (
    <div className="notice notice--approved" role="status" aria-labelledby="invite-made-title">
      <h2 id="invite-made-title" className="notice__title">
        {heading}
      </h2>
      <p>
        Send this link to {invited.email}. It works once, until {invited.expiresOn}. They will need to sign in or create
        a family member account with that email address to accept.
      </p>
      <div className="form-group">
        <label className="label" htmlFor="invite-link">
          Invite link for {invited.email}
        </label>
        <input
          id="invite-link"
          className="input invite-link"
          type="text"
          readOnly
          value={invited.url}
          spellCheck={false}
        />
      </div>
      <p className="hint">
        We have emailed this link to them. You can also copy it and send it to them yourself, for example by text
        message.
      </p>
    </div>
  );
}

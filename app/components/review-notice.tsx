/** The notice shown after a review action redirects back to a listing page. */
const NOTICES: Record<string, { text: string; ok: boolean }> = {
  helpful: { text: "Thank you. You marked a review as helpful.", ok: true },
  report: { text: "Thank you. The council will look at the review you reported.", ok: true },
  reply: { text: "Your reply has been published.", ok: true },
  "helpful-helpful": { text: "You cannot mark your own review as helpful.", ok: false },
  "report-reason": { text: "To report a review, enter why you are reporting it (up to 1,000 characters).", ok: false },
  "reply-reply": { text: "Your reply was not published: enter a reply of up to 2,000 characters, once.", ok: false },
};

export function ReviewNotice({ notice }: { notice: string | null }) {
  const found = notice ? NOTICES[notice] : undefined;
  if (!found) return null;
  return (
    <div className={`notice ${found.ok ? "notice--approved" : "notice--warning"}`} role="status">
      <p className="notice__title">{found.text}</p>
    </div>
  );
}

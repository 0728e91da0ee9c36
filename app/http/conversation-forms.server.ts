/**
 * The conversation forms as the browser posts them: a question, an enquiry (to a personal assistant
 * or micro-provider), a reply, a report, closing and sharing contact details. The limits and their
 * messages come from app/domain/conversations.ts; the use cases check them again.
 */
import { z } from "zod";
import { MESSAGE_MAX, REPORT_REASON_MAX, SUBJECT_MAX, WHEN_MAX } from "../domain/conversations";
import { peopleIHelp } from "../services/family/acting-for.server";
import type { RequestContext } from "./load-context";

const body = z
  .string("Enter your message")
  .trim()
  .min(1, "Enter your message")
  .max(MESSAGE_MAX, `Message must be ${MESSAGE_MAX} characters or fewer`);

/** A question to a provider: what it is about, and the message. */
export const QuestionForm = z.object({
  subject: z
    .string("Enter what your question is about")
    .trim()
    .min(1, "Enter what your question is about")
    .max(SUBJECT_MAX, `Subject must be ${SUBJECT_MAX} characters or fewer`),
  body,
});

/** An enquiry to a personal assistant or micro-provider: when support is wanted, and the message. */
export const EnquiryForm = z.object({
  when: z
    .string("Say when you are looking for support")
    .trim()
    .min(1, "Say when you are looking for support")
    .max(WHEN_MAX, `When you are looking for support must be ${WHEN_MAX} characters or fewer`),
  body,
});

/** What can be done on a thread's page; each button sends its intent. */
export const ThreadForm = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("reply"), body }),
    z.object({
      intent: z.literal("report"),
      reason: z
        .string("Say why you are reporting this conversation")
        .trim()
        .min(1, "Say why you are reporting this conversation")
        .max(REPORT_REASON_MAX, `Reason must be ${REPORT_REASON_MAX} characters or fewer`),
    }),
    z.object({ intent: z.literal("close") }),
    z.object({ intent: z.literal("share") }),
  ],
  { error: "Choose what to do" },
);

/** What ?service=, ?provider= or ?booking= a new conversation is about (one is enough; booking wins). */
export function aboutFromUrl(url: URL): {
  serviceId: string | null;
  providerId: string | null;
  bookingId: string | null;
} {
  const param = (name: string) => {
    const value = url.searchParams.get(name);
    return value && /^[\w-]{1,64}$/.test(value) ? value : null;
  };
  return { serviceId: param("service"), providerId: param("provider"), bookingId: param("booking") };
}

/**
 * Who sees "Ask a question" on a listing: holders, family allowed to book for someone, and (as a
 * prompt to sign in) the public. Provider staff and the council see nothing. The new-conversation
 * page checks again for the person the question is for.
 */
export function askFor(context: Pick<RequestContext, "user" | "app">): "ask" | "sign_in" | null {
  const user = context.user;
  if (!user) return "sign_in";
  if (user.role === "budget_holder") return "ask";
  if (user.role === "family_member") return peopleIHelp(context.app, user.id).some((p) => p.canBook) ? "ask" : null;
  return null;
}

/**
 * Demo tips and local activities (issue #15 parts 3 and 4), made through the use cases: a dozen tips by
 * the demo holders and family members, spread over the topics and areas, a few helpful votes and a
 * reply; a dozen activities by the two community-activity providers and the council, one of them
 * bookable through its provider's lunch club service.
 */
import { eq } from "drizzle-orm";
import { services, users } from "../../db/schema";
import type { Actor } from "../domain/permissions";
import { createActivity } from "../services/activities/activities.server";
import type { AppContext } from "../services/context.server";
import { markTipHelpful } from "../services/tips/moderation.server";
import { postTip, replyToTip } from "../services/tips/posting.server";
import community from "./data/community.json";
import { must } from "./support.server";

interface DemoTip {
  author: string;
  topic: string;
  area: string | null;
  title: string;
  body: string;
}

interface DemoActivity {
  by?: string;
  council?: boolean;
  title: string;
  description: string;
  day: string;
  startTime: string;
  endTime: string;
  area: string;
  place: string;
  cost: string;
  joining: string;
  accessibility: string;
  link: string | null;
  service: string | null;
}

function actorByEmail(ctx: AppContext, email: string): Actor {
  const user = ctx.database.db
    .select({ id: users.id, role: users.role, providerId: users.providerId })
    .from(users)
    .where(eq(users.email, email))
    .get();
  if (!user) throw new Error(`Demo data: no account ${email}`);
  return { userId: user.id, role: user.role, providerId: user.providerId };
}

/** Returns how many tips and activities were made. */
export function seedDemoCommunity(
  ctx: AppContext,
  admin: Actor,
  staffByProvider: ReadonlyMap<string, Actor & { providerId: string }>,
  now = Date.now(),
): { tips: number; activities: number } {
  const tipIds: string[] = [];
  const voters = (community.tips as DemoTip[]).map((t) => t.author);
  (community.tips as DemoTip[]).forEach((tip, i) => {
    const author = actorByEmail(ctx, tip.author);
    const input = { title: tip.title, body: tip.body, topic: tip.topic, area: tip.area ?? "" };
    // Older tips first, a day apart, so "newest first" reads naturally.
    const posted = must(postTip(ctx, author, input, { now: now - (12 - i) * 86_400_000 }), `post tip ${tip.title}`);
    tipIds.push(posted.tipId);
    // A few votes from the others, more for the earlier tips.
    for (const voter of new Set(voters.filter((v) => v !== tip.author).slice(0, Math.max(0, 4 - (i % 5))))) {
      must(markTipHelpful(ctx, actorByEmail(ctx, voter), posted.tipId, now), "vote for a tip");
    }
  });
  must(
    replyToTip(
      ctx,
      actorByEmail(ctx, "priya@example.org"),
      tipIds[1]!,
      "Thank you, I took this list to two agencies.",
      {
        now,
      },
    ),
    "reply to a tip",
  );

  let activities = 0;
  for (const activity of community.activities as DemoActivity[]) {
    const actor = activity.council ? admin : staffByProvider.get(activity.by ?? "");
    if (!actor) throw new Error(`Demo data: no approved provider ${activity.by}`);
    const serviceId = activity.service
      ? (ctx.database.db.select({ id: services.id }).from(services).where(eq(services.title, activity.service)).get()
          ?.id ?? "")
      : "";
    must(
      createActivity(
        ctx,
        actor,
        {
          title: activity.title,
          description: activity.description,
          day: activity.day,
          startTime: activity.startTime,
          endTime: activity.endTime,
          area: activity.area,
          place: activity.place,
          costKind: activity.cost === "" ? "free" : "priced",
          cost: activity.cost,
          joining: activity.joining,
          accessibility: activity.accessibility,
          link: activity.link ?? "",
          serviceId,
        },
        { now },
      ),
      `list activity ${activity.title}`,
    );
    activities += 1;
  }
  return { tips: tipIds.length, activities };
}

/**
 * A separate process that books against the same SQLite file, for the parallel-booking test:
 * argv = databasePath holderUserId serviceId attempts startDate. Prints one JSON line of outcomes.
 */
import { createAppContext } from "../../app/services/context.server";
import { createBooking } from "../../app/services/bookings/create.server";

const [databasePath, holderUserId, serviceId, attemptsText, startDate] = process.argv.slice(2);
const ctx = createAppContext({ databasePath: databasePath!, secureCookies: false });
const actor = { userId: holderUserId!, role: "budget_holder" as const, providerId: null };
const outcomes: { budgetPence: number; topUpPence: number }[] = [];
for (let i = 0; i < Number(attemptsText); i++) {
  const result = createBooking(ctx, actor, holderUserId!, serviceId!, {
    startDate: startDate!,
    days: [],
    startTime: "10:00",
    durationMinutes: 60,
    weeks: 1,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  outcomes.push({ budgetPence: result.budgetPence, topUpPence: result.topUpPence });
}
ctx.database.close();
process.stdout.write(JSON.stringify(outcomes) + "\n");

/** The Notifications form: the kinds of email the account wants (unticked ones are turned off). */
import { z } from "zod";
import { OPTIONAL_EMAIL_KINDS } from "../domain/notifications";
import { checkboxList } from "./forms.server";

const KINDS = OPTIONAL_EMAIL_KINDS as unknown as [string, ...string[]];

export const NotificationForm = z.object({
  emails: checkboxList(z.enum(KINDS, "Choose emails from the list")),
});

/** The visit lengths people can choose, for bookings and support requests alike. */
export const VISIT_LENGTHS = [30, 45, 60, 90, 120, 180, 240, 360, 480].map((m) => ({
  value: String(m),
  label:
    m < 60
      ? `${m} minutes`
      : m % 60 === 0
        ? `${m / 60} ${m === 60 ? "hour" : "hours"}`
        : `${Math.floor(m / 60)} hours ${m % 60} minutes`,
}));

// Whether a record's occurredAt carries a time of day (contracts common.ts TimeKnownSchema), as a
// PATCH changes it: said outright, or implied by a new occurredAt (a form sends a date and a time).
// A PATCH that leaves occurredAt alone leaves it alone, so editing an imported date-only row's
// title keeps showing the date alone.
export function timeKnownChange(input: { occurredAt?: string; timeKnown?: boolean }): boolean | undefined {
  if (input.timeKnown !== undefined) return input.timeKnown;
  return input.occurredAt ? true : undefined;
}

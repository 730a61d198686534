// How an e-mail address is compared: "Jan@Example.nl " and "jan@example.nl" are one person.
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

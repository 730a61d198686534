/** A copy that cannot go on, with a Dutch message for the person who ran it (no stack trace). */
export class CopyError extends Error {}

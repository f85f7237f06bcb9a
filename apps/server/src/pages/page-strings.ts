/**
 * The hosted page's texts in one language, as data: `{name}` placeholders are filled in by
 * `i18n.ts` (`{destination}` is the masked address, `{time}` an `HH:MM` UTC time). A count of one
 * has its own text (`invalidOne`), so each language words its singular as it must; languages
 * whose plurals take more forms word the others with a label ("Attempts remaining: {attempts}").
 */
export interface PageStrings {
  /** The code form's title and heading. */
  title: string;
  /** The heading when the code cannot be entered any more (expired, used up, locked). */
  endedTitle: string;
  /** Under the heading: where the code went. `{destination}` */
  introTo: string;
  /** Under the heading, when the destination is not shown. */
  intro: string;
  /** The input's label. */
  label: string;
  /** The input's hint. */
  hint: string;
  /** The submit button. */
  submit: string;
  /** A wrong code, one attempt left. */
  invalidOne: string;
  /** A wrong code, more attempts left. `{attempts}` */
  invalidMany: string;
  /** The code typed is one a newer code replaced: use the newest, sent to `{destination}`. */
  replacedTo: string;
  /** The code typed is one a newer code replaced (destination not shown). */
  replaced: string;
  /** A new code went to `{destination}`; it allows one attempt. */
  resentToOne: string;
  /** A new code went to `{destination}`; it allows `{attempts}`. */
  resentTo: string;
  /** A new code went out (destination not shown); one attempt. */
  resentOne: string;
  /** A new code went out (destination not shown); `{attempts}` attempts. */
  resent: string;
  /** A wrong code, then `{next}`: one of the `resent*` texts (retry on failure). */
  wrongThen: string;
  /** Above "Send a new code" on the code form. */
  resendPrompt: string;
  /** The "Send a new code" button. */
  resendButton: string;
  /** A new code may be asked for in one second. */
  waitSecond: string;
  /** …in `{seconds}` seconds (under a minute). */
  waitSeconds: string;
  /** …in one minute. */
  waitMinute: string;
  /** …in `{minutes}` minutes. */
  waitMinutes: string;
  /** The new code could not be sent. */
  resendFailed: string;
  /** Not a code: a numeric one of `{length}` digits is expected. */
  malformedDigits: string;
  /** Not a code: `{length}` letters are expected. */
  malformedLetters: string;
  /** Not a code: `{length}` letters and digits are expected. */
  malformedAlphanumeric: string;
  /** The code's attempts are used up. */
  exhausted: string;
  /** The code expired. */
  expired: string;
  /** Locked for one more minute, until `{time}` UTC. */
  lockedOne: string;
  /** Locked for `{minutes}` more minutes, until `{time}` UTC. */
  locked: string;
  /** Locked until support unlocks it; write to `{support}`. */
  lockedContact: string;
  /** Locked until support unlocks it (no support contact configured). */
  lockedSupport: string;
  /** The code was replaced or is gone. */
  notFound: string;
  /** The success page's title. */
  verifiedTitle: string;
  /** The success message. */
  verified: string;
  /** The button back to the service (an allow-listed return URL). */
  continue: string;
  /** An unknown verification id: the title. */
  unknownTitle: string;
  /** An unknown verification id: the message. */
  unknown: string;
  /** The verification was cancelled. */
  cancelled: string;
  /** Rate-limited. */
  tooMany: string;
  /** A stale or forged form. */
  badForm: string;
}

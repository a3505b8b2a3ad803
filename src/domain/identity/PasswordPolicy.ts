import type { Email } from "./Email.js"

export const MIN_LENGTH = 12
export const MAX_LENGTH = 128

/**
 * Why a new password is refused (empty when it is accepted): 12 to 128 characters (counted as
 * code points, so emoji count once), not the email or its local part, not a commonly used
 * password. `isCommon` looks the candidate up in the shipped list of common passwords.
 */
export const passwordProblems = (
  password: string,
  email: Email,
  isCommon: (candidate: string) => boolean
): ReadonlyArray<string> => {
  const length = [...password].length
  const lowered = password.toLowerCase()
  const local = email.slice(0, email.indexOf("@"))
  return [
    ...(length < MIN_LENGTH ? [`must be at least ${MIN_LENGTH} characters`] : []),
    ...(length > MAX_LENGTH ? [`must be at most ${MAX_LENGTH} characters`] : []),
    ...(lowered === email || (local.length >= 4 && lowered.includes(local)) ? ["must not contain the email address"] : []),
    ...(isCommon(lowered) ? ["is a commonly used password"] : [])
  ]
}

/**
 * Failures the app could not recover from. Only `UserFacingError` messages reach comments and check
 * runs; anything else is logged with the delivery id and shown as a generic internal-error text.
 */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}

/** A download was refused because it exceeds a configured size limit. */
export class DownloadTooLargeError extends UserFacingError {
  override name = "DownloadTooLargeError";
  constructor(readonly what: string, readonly bytes: number, readonly limit: number) {
    super(`${what} is ${bytes.toLocaleString("en-US")} bytes, above the ${limit.toLocaleString("en-US")}-byte limit ` +
      "(raise it in .github/loss-doctor.yml or upload a smaller log).");
  }
}

/** The text a user may see for `error`, plus whether it was an internal failure. */
export function userSafeMessage(error: unknown, deliveryId: string): { message: string; internal: boolean } {
  if (error instanceof UserFacingError) return { message: error.message, internal: false };
  return {
    message: `Loss Doctor hit an internal error and could not finish. The maintainers of this app can find details in its logs under delivery id \`${deliveryId}\`.`,
    internal: true,
  };
}

import 'server-only';

// Every Eko status and response-type number the app acts on, named once (docs/eko-api.md §9).
// Nothing outside lib/eko may use a bare Eko number: route on these names.

/** `status` / `response_status_id` values. */
export const EKO_STATUS = {
  success: 0,
  /** Validation failed; details in invalid_params (response_status_id 1 with response_type_id -1). */
  invalidParams: 1,
  /** Onboard Sender: the wallet exists already (look the sender up again). */
  walletExists: 17,
  /** AePS: the Aadhaar could not be decrypted (invalid_params.aadhar). */
  aadhaarUndecryptable: 97,
  /** Onboard Sender: letters only in the name. */
  nameLettersOnly: 132,
  /** Validate eKYC OTP (response_status_id under status 2131). */
  wrongOtp: 302,
  otpExpired: 303,
  /** The portal's initiator_id is wrong: a set-up problem, not the agent's. */
  invalidInitiator: 319,
  /** AePS: agent not onboarded, wrong user_code, or Fingpay not active. */
  agentNotAllowed: 346,
  /** AePS OTP verification failed, or the eKYC steps were skipped ("merchant inactive"). */
  aepsOtpFailed: 461,
  /** The sender or user is not in Eko's system. */
  notFound: 463,
  /** The sender is KYC-approved already. */
  alreadyKyc: 585,
  /** The agent is not onboarded at Eko. */
  userNotOnboarded: 1297,
  /** Sender eKYC failed: K-100, or an existing relationship with the bank (data.description says which). */
  senderEkycFailed: 2135,
  /** Validate eKYC OTP failed; response_status_id says why (302, 303, 1). */
  senderOtpFailed: 2131,
  /** AePS daily authentication failed; data.reason says why. */
  aepsDailyFailed: 1714,
  /** Send Transaction OTP: the sender's monthly limit is used up. */
  senderLimitExhausted: 36,
  /** A transfer declined (data.tx_status 1, data.reason says why). */
  transferDeclined: 55,
  /** Add Recipient: that IFSC and account are registered for this sender already. */
  recipientExists: 342,
  /** Initiate Transfer: the agent's Eko wallet cannot cover amount + fee. */
  insufficientBalance: 347,
  /** IFSC look-up: no such IFSC (sandbox's reading; Eko's status table lists it). */
  ifscUnknown: 521,
  /** Send Transaction OTP: the sender's or the beneficiary's monthly limit is used up. */
  limitExhausted: 945,
} as const;

/** `response_type_id` values: the shape of an answer. */
export const EKO_RESPONSE_TYPE = {
  /** The seed pages' placeholder success type, accepted wherever a step's current type is. */
  seedSuccess: 1388,
  senderNotEnrolled: 308,
  senderFound: 309,
  senderWalletOpened: 300,
  senderKycPending: 2134,
  senderOtpPending: 2129,
  senderEkycOtpSent: 2129,
  senderEkycCompleted: 2132,
  aepsOtpSent: 1600,
  aepsOtpVerified: 1604,
  aepsEkycDone: 1605,
  aepsDailyDone: 1713,
  noRecipients: 22,
  recipients: 23,
  recipientAdded: 43,
  ifscFound: 414,
  /** Send Transaction OTP and the refund OTP. */
  otpSent: 2133,
  transferDone: 325,
  inquiry: 1472,
  refundDone: 74,
  /** AePS-Fingpay transactions (docs/eko-api.md §13.4). */
  aepsWithdrawalDone: 1463,
  aepsTransactionFailed: 1464,
  aepsWithdrawalPending: 1465,
  aepsBalance: 1466,
  /** "Please do 2fa before initiating transaction": the agent's daily authentication is missing. */
  aepsTwoFaRequired: 1467,
  aepsStatement: 1527,
  aepsStatementFailed: 1528,
} as const;

/** The link transport: authenticated, fragmented, FEC-protected, paced UDP datagrams. */
export { TransportSender, type TransportSenderOptions } from "./sender.js";
export { TransportIntake, type TransportIntakeOptions, type RejectReason, type IntakeStats } from "./intake.js";
export { senderOptionsFrom, intakeOptionsFrom } from "./options.js";
export { AUTH_ALGS, type AuthAlg } from "./envelope.js";

/**
 * Password hashes for OPC UA users: the shared scrypt module (src/core/password.ts),
 * which REST users use too, with its bound on the cost of a configured hash.
 */
export { DUMMY_HASH, checkPasswordHash, hashPassword, verifyPassword, verifyPasswordAsync } from "../../core/password.js";

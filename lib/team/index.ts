// The team service: members, sign-in, invites, roles. One file per verb; every function takes the db
// first, validates its input (ValidationError), checks permissions (ForbiddenError) and audits changes.
import "server-only";
export type { Actor, Member } from "./members";
export { emailSchema, roleSchema, nameSchema } from "./members";
export { authenticate, type AuthenticateResult } from "./authenticate";
export { createUser, type CreateUserInput } from "./create-user";
export { listMembers, findMemberByEmail, findMemberById, MEMBER_SORT_COLUMNS, type MemberSortColumn, type MemberListOptions } from "./list-members";
export { createInvite, listPendingInvites, type CreatedInvite } from "./create-invite";
export { getInvite, acceptInvite } from "./accept-invite";
export { changeRole } from "./change-role";
export { removeMember } from "./remove-member";
export { revokeInvite } from "./revoke-invite";
export { findSessionMember, revokeSession } from "./sessions";
export { ensureDemoAccounts, DEMO_ACCOUNTS, type DemoAccount } from "./demo-accounts";
export {
  FREE_FAILURES_PER_ACCOUNT,
  IP_WINDOW_SECONDS,
  MAX_ACCOUNT_DELAY_SECONDS,
  MAX_FAILURES_PER_IP,
  accountDelaySeconds,
} from "./login-throttle";

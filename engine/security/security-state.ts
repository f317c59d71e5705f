// The cluster's security as plain data, and the security commands as pure functions on it. The ACLs
// in force are the bindings created directly (scenario `acls`, createAcls) plus the bindings every
// user's roles expand to; a binding two sources give stays until both are gone, as a host that two
// of the service's permissions allow stays allowed when one is revoked. deleteAcls removes created
// bindings only: bindings that come from a role go when the role is revoked.
import { type AclBindingFilter, deleteAcls } from "./acl-filter";
import { type Authorizer, createAuthorizer } from "./authorizer";
import { type AclBinding, bindingKey, uniqueBindings } from "./model";
import { canonicalRole, expandRoleGrant, type RoleGrant, type RoleName, sameGrant } from "./roles";
import type { SecurityCommand, SecurityConfig } from "./schema";

export interface SecurityUser {
  readonly name: string;
  readonly roles: readonly RoleGrant[];
}

export interface SecurityState {
  /** Whether the brokers check requests at all (cluster.security.authorizer). */
  readonly authorizer: boolean;
  readonly superUsers: readonly string[];
  readonly allowEveryoneIfNoAclFound: boolean;
  /** Bindings created directly, without repeats, in creation order. */
  readonly acls: readonly AclBinding[];
  readonly users: readonly SecurityUser[];
}

export function securityStateOf(config: SecurityConfig): SecurityState {
  return {
    authorizer: config.authorizer,
    superUsers: config.superUsers,
    allowEveryoneIfNoAclFound: config.allowEveryoneIfNoAclFound,
    acls: uniqueBindings(config.acls),
    users: config.users.map((user) => ({ name: user.name, roles: user.roles })),
  };
}

/** One role of one user beside the bindings it stands for (the security panel's rows). */
export interface RoleRow {
  readonly user: string;
  readonly grant: RoleGrant;
  readonly role: RoleName;
  readonly bindings: readonly AclBinding[];
}

export function roleRows(state: SecurityState): RoleRow[] {
  return state.users.flatMap((user) =>
    user.roles.map((grant) => ({
      user: user.name,
      grant,
      role: canonicalRole(grant.role),
      bindings: expandRoleGrant(user.name, grant),
    })),
  );
}

/** Every binding in force: created ones first, then those of roles, each once. */
export function effectiveBindings(state: SecurityState): AclBinding[] {
  return uniqueBindings([...state.acls, ...roleRows(state).flatMap((row) => row.bindings)]);
}

export function authorizerOf(state: SecurityState): Authorizer {
  return createAuthorizer(
    { superUsers: state.superUsers, allowEveryoneIfNoAclFound: state.allowEveryoneIfNoAclFound },
    effectiveBindings(state),
  );
}

/** CreateAcls: a binding that already exists succeeds without a second copy (AclControlManager). */
export function applyCreateAcls(
  state: SecurityState,
  bindings: readonly AclBinding[],
): { readonly state: SecurityState; readonly created: readonly AclBinding[] } {
  const existing = new Set(state.acls.map(bindingKey));
  const created = uniqueBindings(bindings).filter((binding) => !existing.has(bindingKey(binding)));
  return { state: { ...state, acls: [...state.acls, ...created] }, created };
}

/** DeleteAcls: each filter's matches, all taken from the bindings as they were before the command. */
export function applyDeleteAcls(
  state: SecurityState,
  filters: readonly AclBindingFilter[],
): { readonly state: SecurityState; readonly deleted: readonly (readonly AclBinding[])[] } {
  const result = deleteAcls(state.acls, filters);
  return { state: { ...state, acls: result.remaining }, deleted: result.matched };
}

/** Grant a role; the user is created when new. Granting a role the user holds changes nothing. */
export function applyGrantRole(
  state: SecurityState,
  userName: string,
  grant: RoleGrant,
): { readonly state: SecurityState; readonly granted: boolean } {
  const user = state.users.find((u) => u.name === userName);
  if (user?.roles.some((held) => sameGrant(held, grant))) return { state, granted: false };
  const users = user
    ? state.users.map((u) => (u === user ? { ...u, roles: [...u.roles, grant] } : u))
    : [...state.users, { name: userName, roles: [grant] }];
  return { state: { ...state, users }, granted: true };
}

/** Revoke a role the user holds (aliases count as the same role); anything else is refused. */
export function applyRevokeRole(
  state: SecurityState,
  userName: string,
  grant: RoleGrant,
): { readonly ok: true; readonly state: SecurityState } | { readonly ok: false; readonly message: string } {
  const user = state.users.find((u) => u.name === userName);
  if (!user) return { ok: false, message: `no user "${userName}"` };
  const roles = user.roles.filter((held) => !sameGrant(held, grant));
  if (roles.length === user.roles.length) {
    const group = grant.group === undefined ? "" : ` and group "${grant.group}"`;
    return {
      ok: false,
      message: `user "${userName}" has no role ${canonicalRole(grant.role)} on topic "${grant.topic}"${group}`,
    };
  }
  return { ok: true, state: { ...state, users: state.users.map((u) => (u === user ? { ...u, roles } : u)) } };
}

export type SecurityCommandResult =
  | { readonly ok: true; readonly state: SecurityState }
  | { readonly ok: false; readonly message: string };

/** A security command, effective from the next decision; a refusal leaves the state as it was. */
export function applySecurityCommand(state: SecurityState, command: SecurityCommand): SecurityCommandResult {
  switch (command.type) {
    case "createAcls":
      return { ok: true, state: applyCreateAcls(state, command.acls).state };
    case "deleteAcls":
      return { ok: true, state: applyDeleteAcls(state, command.filters).state };
    case "grantRole":
      return { ok: true, state: applyGrantRole(state, command.user, grantOf(command)).state };
    case "revokeRole":
      return applyRevokeRole(state, command.user, grantOf(command));
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

function grantOf(command: { role: RoleGrant["role"]; topic: string; group?: string | undefined }): RoleGrant {
  return { role: command.role, topic: command.topic, group: command.group };
}

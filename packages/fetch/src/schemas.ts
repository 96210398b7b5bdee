import { logoutScopes } from "@tessera/core";
import * as v from "valibot";

/** How tokens travel: in the body (`json`), the refresh token in a cookie (`cookie`), or both in cookies (`session`). */
export const authModes = ["json", "cookie", "session"] as const;
/** See {@link authModes}. */
export type AuthMode = (typeof authModes)[number];

const mode = v.optional(v.picklist(authModes, `mode must be one of ${authModes.join(", ")}`));
const token = (field: string) => v.pipe(v.string(`${field} must be a string`), v.minLength(1, `${field} must not be empty`), v.maxLength(4096, `${field} is too long`));

/** `POST /auth/login`. Other members (Directus's `otp`) are ignored. */
export const loginSchema = v.object({
  email: v.pipe(v.string("email is required and must be a string"), v.maxLength(254, "email is too long")),
  password: v.pipe(v.string("password is required and must be a string"), v.maxLength(1024, "password is too long")),
  mode,
});

/** `POST /auth/refresh`. */
export const refreshSchema = v.object({ refresh_token: v.optional(token("refresh_token")), mode });

/** `POST /auth/logout`. */
export const logoutSchema = v.object({
  refresh_token: v.optional(token("refresh_token")),
  mode,
  scope: v.optional(v.picklist(logoutScopes, `scope must be one of ${logoutScopes.join(", ")}`)),
});

const userFields = {
  email: v.string("email must be a string"),
  password: v.string("password must be a string"),
  role: v.string("role must be a string"),
  status: v.string("status must be a string"),
};

/** `POST /users` (admin): the core validates the values; this checks the shape. */
export const newUserSchema = v.strictObject(
  { email: userFields.email, password: userFields.password, role: v.optional(userFields.role), status: v.optional(userFields.status) },
  (issue) => `unknown member ${String(issue.path?.[0]?.key ?? "")}: allowed are email, password, role, status`,
);

/** `PATCH /users/:id` (admin). */
export const userChangeSchema = v.strictObject(
  { email: v.optional(userFields.email), password: v.optional(userFields.password), role: v.optional(userFields.role), status: v.optional(userFields.status) },
  (issue) => `unknown member ${String(issue.path?.[0]?.key ?? "")}: allowed are email, password, role, status`,
);

/** `PATCH /users/me`: a user may change their own email and password, not their role or status. */
export const ownChangeSchema = v.strictObject(
  { email: v.optional(userFields.email), password: v.optional(userFields.password) },
  (issue) => `unknown member ${String(issue.path?.[0]?.key ?? "")}: you may change email and password`,
);

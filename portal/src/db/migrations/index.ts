import type { Migration } from "../migration";
import { organisationUsersTokens } from "./0001_organisation_users_tokens";

/** Every schema migration, oldest first. Append new ones; never edit or reorder old ones. */
export const migrations: readonly Migration[] = [organisationUsersTokens];

import type { Migration } from "../migration";
import { organisationUsersTokens } from "./0001_organisation_users_tokens";
import { contentAndGroups } from "./0002_content_and_groups";
import { itemDetails } from "./0003_item_details";
import { usersGroupsOrganisation } from "./0004_users_groups_organisation";
import { hostedFeatureServices } from "./0005_hosted_feature_services";
import { oauthApps } from "./0006_oauth_apps";
import { serverTokens } from "./0007_server_tokens";
import { analysedSearchText } from "./0008_analysed_search_text";
import { signInLockout } from "./0009_sign_in_lockout";
import { portalLogs } from "./0010_portal_logs";
import { searchSortIndexes } from "./0011_search_sort_indexes";
import { searchGeneration } from "./0012_search_generation";
import { featureGeneration } from "./0013_feature_generation";

/** Every schema migration, oldest first. Append new ones; never edit or reorder old ones. */
export const migrations: readonly Migration[] = [
  organisationUsersTokens,
  contentAndGroups,
  itemDetails,
  usersGroupsOrganisation,
  hostedFeatureServices,
  oauthApps,
  serverTokens,
  analysedSearchText,
  signInLockout,
  portalLogs,
  searchSortIndexes,
  searchGeneration,
  featureGeneration,
];

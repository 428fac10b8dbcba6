// The profiles' public surface, re-exported by the package index.
export { ProfileManager, type ProfileRow } from "./profile-manager";
export { type ProfileInfo, type ProfileOptions } from "./profile-fields";

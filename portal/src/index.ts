export { startPortal } from "./start-portal";
export type { PortalOptions, PortalTls, RunningPortal } from "./options";
export type { ClientCertificate, KeyAndCertificate } from "./tls/certificates";
export { DEMO_USERS, type DemoUser } from "./seed/demo-users";
export { demoContentSeeders, type DemoContentSeeder } from "./seed/demo-content";
export type { Migration } from "./db/migration";

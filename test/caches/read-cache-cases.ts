import { CUDO_DEMO_ACCOUNTS, CUDO_DEMO_KEYS } from "../../src/providers/cudo/simulator/cudo.simulator.js";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { DIFFIO_DEMO_KEYS } from "../../src/providers/diffio/simulator/diffio.simulator.js";
import { HOSTUP_DEMO_KEYS } from "../../src/providers/hostup/simulator/hostup.sim-state.js";
import { CREDENTIAL_HEADERS, Provider } from "../helpers/providers.js";

/** One provider's read and write as the read-cache tests drive them over HTTP. */
export interface ReadCase {
  provider: Provider;
  /** The simulator path the read calls. */
  path: string;
  /** `METHOD /path` of the read (for counting its calls, not the write's on the same path). */
  call: string;
  /** A query reading a field the mutation changes. */
  read: string;
  /** That field in the read's data. */
  field: (data: Record<string, unknown>) => unknown;
  /** A mutation setting the field to `value`. */
  write: (value: string) => string;
  /** A value the write sets, distinct per `tag`, as the read shows it. */
  written: (tag: number) => string;
  /** The default credential's header, and a second credential of another account. */
  key: Record<string, string>;
  otherKey: Record<string, string>;
}

const header = (provider: Provider, key: string) => ({ [CREDENTIAL_HEADERS[provider]]: key });
const account = (data: Record<string, unknown>) => data.account as Record<string, unknown>;

export const READ_CASES: ReadCase[] = [
  {
    provider: Provider.DIFFIO,
    path: "/v1/account/settings/get",
    call: "POST /v1/account/settings/get",
    read: "{ account(provider: DIFFIO) { id ... on DiffioAccount { billingPolicy { type reason } } } }",
    field: data => (account(data).billingPolicy as { reason: string | null }).reason,
    write: value => `mutation { updateBillingPolicy(input: { type: INTERNAL_DIFFIO, reason: "${value}" }) { id } }`,
    written: tag => `reason ${tag}`,
    key: header(Provider.DIFFIO, DIFFIO_DEMO_KEYS.admin),
    otherKey: header(Provider.DIFFIO, DIFFIO_DEMO_KEYS.otherAdmin),
  },
  {
    provider: Provider.HOSTUP,
    path: "/api/v2/me/preferences",
    call: "GET /api/v2/me/preferences",
    read: "{ account(provider: HOSTUP) { ... on HostupAccount { localization { timezone } } } }",
    field: data => (account(data).localization as { timezone: string }).timezone,
    write: value => `mutation { patchPreferences(input: { localization: { timezone: "${value}" } }) { provider } }`,
    written: tag => ["Europe/London", "America/New_York", "Asia/Tokyo", "Europe/Paris"][tag % 4]!,
    key: header(Provider.HOSTUP, HOSTUP_DEMO_KEYS.full),
    otherKey: header(Provider.HOSTUP, HOSTUP_DEMO_KEYS.noCard),
  },
  {
    provider: Provider.CUDO,
    path: `/v1/billing-accounts/${CUDO_DEMO_ACCOUNTS.main}`,
    call: `GET /v1/billing-accounts/${CUDO_DEMO_ACCOUNTS.main}`,
    read: `{ account(provider: CUDO, id: "${CUDO_DEMO_ACCOUNTS.main}") { id ... on CudoBillingAccount { displayName } } }`,
    field: data => account(data).displayName,
    write: value => `mutation { updateBillingAccount(input: { id: "${CUDO_DEMO_ACCOUNTS.main}", displayName: "${value}" }) { id } }`,
    written: tag => `Renamed ${tag}`,
    key: header(Provider.CUDO, CUDO_DEMO_KEYS.owner),
    otherKey: header(Provider.CUDO, CUDO_DEMO_KEYS.viewer),
  },
  {
    provider: Provider.DEPICTA,
    path: "/v1/account/profile",
    call: "GET /v1/account/profile",
    read: "{ account(provider: DEPICTA) { id ... on DepictaAccount { name } } }",
    field: data => account(data).name,
    write: value => `mutation { updateProfileName(input: { name: "${value}" }) { id } }`,
    written: tag => `Name ${tag}`,
    key: header(Provider.DEPICTA, DEPICTA_DEMO_KEYS.main),
    otherKey: header(Provider.DEPICTA, DEPICTA_DEMO_KEYS.sparse),
  },
];

import { Directive, Field, ObjectType } from "type-graphql";
import { JSONObjectScalar } from "../../../scalars/index.js";
import { Account } from "../../../account/account.interface.js";
import { HostupBilling } from "./hostup-billing.type.js";
import { HostupLocalization } from "./hostup-localization.type.js";
import { HostupNotifications } from "./hostup-notifications.type.js";
import { HostupSecurity } from "./hostup-security.type.js";

/**
 * Hostup account preferences (`GET /api/v2/me/preferences`). `id` is not part of them: it is
 * resolved by `HostupResolver.id` from `GET /api/v2/me`, only when selected.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  implements: Account,
  description:
    "Hostup control-panel preferences of the account that owns the API key: localization, " +
    "notifications, login security, billing automation and dashboard settings. `id` is the " +
    "Hostup client id (`GET /api/v2/me`), fetched only when selected.",
})
export class HostupAccount extends Account {
  @Field(_type => HostupLocalization, {
    nullable: true,
    description: "Language and time zone; null when Hostup reports none.",
  })
  localization?: HostupLocalization | null;

  @Field(_type => HostupNotifications, {
    nullable: true,
    description: "Notification channels and invoice email delivery; null when Hostup reports none.",
  })
  notifications?: HostupNotifications | null;

  @Field(_type => HostupSecurity, {
    nullable: true,
    description: "Login security; null when Hostup reports none.",
  })
  security?: HostupSecurity | null;

  @Field(_type => HostupBilling, {
    nullable: true,
    description: "Peppol e-invoicing and billing automation; null when Hostup reports none.",
  })
  billing?: HostupBilling | null;

  @Field(_type => JSONObjectScalar, {
    nullable: true,
    description:
      "Generic dashboard and UI preferences by category (`general`, `ui`, `notifications`, " +
      "`billing`, `dashboard`, ...), each an object of string or boolean settings, e.g. " +
      '`{"ui": {"theme": "dark"}}`. Null when Hostup reports none.',
  })
  categories?: Record<string, Record<string, string | boolean>> | null;
}

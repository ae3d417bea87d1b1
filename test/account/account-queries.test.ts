import { describe, expect, it } from "@jest/globals";
import { IsString } from "class-validator";
import { accountQueries } from "../../src/account/account.resolver.js";
import { AccountArgs } from "../../src/account/accounts.args.js";

// `account` and `accounts` resolve without type-graphql's argument wrapper, so its validation
// never runs for them: a rule added to their arguments later must stop the schema being built
// rather than go unchecked. (Without one the schema builds: every end-to-end suite starts on it.)
describe("accountQueries", () => {
  it("refuses to build over arguments that declare a validation rule", () => {
    // This file's own module registry: the rule is on this copy of the class only.
    IsString()(AccountArgs.prototype, "id");
    expect(() => accountQueries([])).toThrow("AccountArgs declares a validation rule, which account and accounts would not run");
  });
});

/**
 * A provider's identifier: its `Provider` enum value (`"ACME"`), the `provider` of its upstream
 * errors and metrics, and the prefix of its variables (`ACME_BASE_URL`, `ACME_API_KEY`). The
 * core treats it as opaque; the values come from the module list (`providers/index.ts`).
 */
export type ProviderId = string;

/** Who a message or an error is about: the id in `extensions.provider`, the name in the text. */
export interface ProviderRef {
  readonly id: ProviderId;
  /** Human name in messages ("Acme Cloud did not answer within the deadline."). */
  readonly name: string;
}

/** Reads one environment variable, trimmed; undefined when unset or blank. */
export type EnvReader = (name: string) => string | undefined;

/**
 * The plain facts about a provider that the provider-agnostic core needs: configuration,
 * credentials, schema text, limits and redaction. Each module declares them in its own
 * `<name>.facts.ts`, which imports nothing, so any core file may depend on this shape.
 */
export interface ProviderFacts extends ProviderRef {
  /** Description of the `Provider` enum value. */
  readonly description: string;
  /** The request header callers send their own credential in, as documented (`X-Acme-Api-Key`). */
  readonly credentialHeader: string;
  /** Base URL used when `<ID>_BASE_URL` is unset. */
  readonly defaultBaseUrl: string;
  /** GraphQL name of the module's account type (an entity keyed by `id`). */
  readonly accountTypeName: string;
  /** What `Account.id` is at this provider, for the interface's description ("Acme user id"). */
  readonly accountIdMeaning: string;
  /**
   * Text this provider adds to the `account` query's description and to its `id` argument, for a
   * provider whose callers can hold several accounts.
   */
  readonly accountArgumentHelp?: { readonly query: string; readonly id: string };
  /** A few of the account type's fields, shown in the Sandbox example (`... on Type { these }`). */
  readonly exampleFields?: string;
  /** Calls in flight allowed per credential (across replicas with Redis), when the provider limits it. */
  readonly maxConcurrencyPerCredential?: number;
  /**
   * The provider's documented key formats, matched in response data whoever's key it is (a
   * provider may echo one into a field). Each needs enough characters to be a key, not a prefix.
   */
  readonly keyShapes?: readonly RegExp[];
  /**
   * Variables beyond `<ID>_BASE_URL` and `<ID>_API_KEY`, read once at start. Push a line to
   * `problems` for a bad value; the result is `config.providerSettings[id]`.
   */
  readonly readSettings?: (read: EnvReader, problems: string[]) => Readonly<Record<string, unknown>>;
}

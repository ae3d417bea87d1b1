export { DecimalScalar } from "./decimal.scalar.js";
export { DateTimeScalar, parseIsoTimestamp } from "./date-time.scalar.js";
export { canonicalDecimal, Money } from "./decimal-text.js";
export { GraphQLJSONObject as JSONObjectScalar, GraphQLSafeInt as SafeIntScalar } from "graphql-scalars";

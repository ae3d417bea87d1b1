import { getMetadataStorage as validationRules } from "class-validator";
import { isInputObjectType, type GraphQLSchema } from "graphql";
import { getMetadataStorage as typeMetadata } from "type-graphql";
import { TRIMMED_LENGTH } from "./trimmed-length.js";

/**
 * Append to the description of every input field with a {@link TrimmedLength} rule the lengths it
 * allows ("At most 200 characters after trimming.", "Trimmed, then 1 to 100 characters."), read
 * from the rule itself: the numbers are written once, in the decorator, and the schema cannot
 * promise other ones. Called on the type-graphql schema before it is printed into the SDL.
 */
export function describeLengths(schema: GraphQLSchema): void {
  const rules = validationRules();
  for (const input of typeMetadata().inputTypes) {
    const type = schema.getType(input.name);
    if (!isInputObjectType(type)) continue;
    const fields = type.getFields();
    for (const rule of rules.getTargetValidationMetadatas(input.target, "", true, false)) {
      if (rule.name !== TRIMMED_LENGTH) continue;
      const property = input.fields?.find(f => f.name === rule.propertyName);
      const field = property && fields[property.schemaName];
      if (!field) continue;
      const [min, max] = rule.constraints as [number, number];
      const lengths =
        min > 0 ? `Trimmed, then ${min} to ${max} characters.` : `At most ${max} characters after trimming.`;
      field.description = field.description ? `${field.description} ${lengths}` : lengths;
    }
  }
}

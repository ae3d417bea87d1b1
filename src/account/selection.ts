import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * Whether the operation selects `field` on the account returned at this resolver, for `typeName`
 * (directly, through the `Account` interface, or through fragments on either). Lets a source start
 * a call the selection will need in parallel instead of after the parent resolves. Conservative:
 * `@skip`/`@include` are ignored, so it may answer true for a field that ends up skipped.
 */
export function selectsField(info: GraphQLResolveInfo, typeName: string, field: string): boolean {
  const conditions = new Set([typeName, "Account", "_Entity"]);
  const visit = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some(selection => {
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === field;
        case Kind.INLINE_FRAGMENT:
          return (
            (!selection.typeCondition || conditions.has(selection.typeCondition.name.value)) &&
            visit(selection.selectionSet)
          );
        case Kind.FRAGMENT_SPREAD: {
          const fragment = info.fragments[selection.name.value];
          return !!fragment && conditions.has(fragment.typeCondition.name.value) && visit(fragment.selectionSet);
        }
      }
    });
  return info.fieldNodes.some(node => visit(node.selectionSet));
}

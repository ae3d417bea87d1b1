/**
 * `everyKeyOf<T>()([...])` returns the list it is given, and the compiler refuses a list that
 * leaves out a key of T or names one T lacks: a table of an input class's fields that cannot drift
 * from the class.
 */
export const everyKeyOf =
  <T>() =>
  <const K extends readonly (keyof T)[]>(keys: K & ([keyof T] extends [K[number]] ? unknown : never)): K =>
    keys;

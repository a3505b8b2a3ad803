import { Schema } from "effect"

/** A `Schema.Class` (or `TaggedClass`): its fields, its constructor, and its tag when it has one. */
interface ClassSchema<Props, Self> {
  readonly name: string
  readonly fields: Schema.Struct.Fields
  readonly _tag?: string
  readonly prototype: Self
  new(props: Props, options?: boolean): Self
}

/**
 * `new klass(props)` with the same checks, compiled once. Effect 3's class constructors build a
 * new validator on every `new` when a field is itself a class or a transformation: ≈ 60–80 µs
 * for an audit record or a session, against ≈ 3–10 µs here. Throws the `ParseError` the
 * constructor would.
 */
export const constructor = <Props, Self>(klass: ClassSchema<Props, Self>): (props: Props) => Self => {
  const validate = Schema.validateSync(Schema.Struct(klass.fields))
  const tag = klass._tag === undefined ? {} : { _tag: klass._tag }
  return (props) => new klass(validate({ ...props, ...tag }) as Props, true)
}

/** Whether a class field has a constructor default (`Schema.optionalWith(…, { default })`, `withConstructorDefault`). */
const hasDefault = (field: Schema.Struct.Field): boolean => {
  if (!Schema.isPropertySignature(field)) return false
  const ast = field.ast
  return (ast._tag === "PropertySignatureDeclaration" ? ast.defaultValue : ast.to.defaultValue) !== undefined
}

/**
 * `new klass(props, true)` (no validation) for fields that are valid already (rows a repository
 * decoded, values made from them), without what that constructor still does with validation
 * off: it copies `props`, deletes and adds back `_tag` and looks for defaults (≈ 2.5 µs for a
 * page of members, ≈ 0.9 µs for a tenant scope, on every request that builds one). The instance
 * is the same: the class's prototype with the tag and `props` as its own fields. A class with a
 * constructor default is refused here, where the default would be missed.
 */
export const fromDecoded = <Props, Self>(klass: ClassSchema<Props, Self>): (props: Props) => Self => {
  // a tagged class's `_tag` is a default of its own, set here too
  const defaulted = Object.keys(klass.fields).filter((key) => key !== "_tag" && hasDefault(klass.fields[key]!))
  if (defaulted.length > 0) {
    throw new Error(`fromDecoded: ${klass.name} has constructor defaults (${defaulted.join(", ")})`)
  }
  const tag = klass._tag === undefined ? {} : { _tag: klass._tag }
  return (props) => Object.assign(Object.create(klass.prototype as object), tag, props) as Self
}

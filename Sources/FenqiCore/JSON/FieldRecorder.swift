/// Remembers every field the readers of a document asked for — its place, type, constraint and
/// default — so that a JSON Schema can be generated from the validator's own reads rather than
/// written beside it.
///
/// Attach one to a ``ProblemCollector`` (``ProblemCollector/recorder``) before decoding; every
/// ``JSONObjectReader`` sharing that collector records into it. Array indices in paths are
/// dropped (`$.arms[2].offer` is recorded as `$.arms[].offer`), so the reads of every element
/// describe one element schema.
public final class FieldRecorder {
  /// What kind of value a field was read as.
  public enum Kind: Sendable {
    /// A number (or an integer, when the rule's bounds say so) under a rule.
    case number(NumberRule)
    /// A string, optionally one of a fixed list.
    case string(allowed: [String]?)
    /// A name: 1 to ``JSONObjectReader/maxNameLength`` characters, no control characters.
    case name
    /// `true` or `false`.
    case bool
    /// A nested object, read field by field.
    case object
    /// An array; its elements are recorded under `path[]`.
    case array(minimumCount: Int)
    /// An array of numbers under a rule, optionally of a fixed length.
    case numbers(NumberRule, count: Int?)
    /// A value read raw, whose form the reader checks itself (a number or a word, a map).
    case any
  }

  /// One read.
  public struct Read: Sendable {
    /// The object's path with array indices dropped, for example `$.arms[].offer`.
    public var objectPath: String
    /// The field's key.
    public var key: String
    /// How it was read.
    public var kind: Kind
    /// The value used when the field is absent, when there is one.
    public var defaultValue: JSONValue?
    /// Whether a missing field is a problem.
    public var required: Bool
    /// Which object instance read it (every reader has its own number), to tell a field that
    /// one variant of an object needs from one that every instance needs.
    public var instance: Int
  }

  /// The number of object readers started so far.
  public private(set) var instances = 0

  /// A new reader's instance number.
  public func nextInstance() -> Int {
    instances += 1
    return instances
  }

  /// Every read, in order.
  public private(set) var reads: [Read] = []

  /// Creates an empty recorder.
  public init() {}

  /// Records a read of `key` in the object at `objectPath`.
  public func record(
    _ objectPath: String, _ key: String, _ kind: Kind,
    default defaultValue: JSONValue? = nil, required: Bool = false,
    instance: Int
  ) {
    reads.append(
      Read(
        objectPath: Self.pattern(objectPath), key: key, kind: kind,
        defaultValue: defaultValue, required: required, instance: instance))
  }

  /// A path with every array index removed: `$.arms[2].offer` → `$.arms[].offer`; quoted keys
  /// stay as they are.
  public static func pattern(_ path: String) -> String {
    var out = ""
    var inIndex = false
    var inQuote = false
    for c in path {
      if inQuote {
        out.append(c)
        if c == "\"" { inQuote = false }
        continue
      }
      if inIndex {
        if c == "]" {
          out += "[]"
          inIndex = false
        } else if c == "\"" {
          out += "[\""
          inIndex = false
          inQuote = true
        }
        continue
      }
      if c == "[" { inIndex = true } else { out.append(c) }
    }
    return out
  }
}

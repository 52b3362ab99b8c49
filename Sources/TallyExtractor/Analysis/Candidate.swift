/// What the extractor learns about one number on its way to becoming a claim.
struct Candidate {
  var number: NumberExpression
  var qualifier: Qualifier = .exact
  var low: Int64?
  var high: Int64?
  /// The first token of the figure, qualifier included.
  var first: Int
  /// The last token of the number itself, second number of a range included.
  var numberLast: Int
  /// The noun the number counts, if any, and its last token.
  var head: Head = .none
  var headLast: Int
  var category: Category?
  var subject: String?
  /// A gazetteer entry named inside the noun phrase (`Russian`, `Azerbaijanis`) or as its possessor.
  var partyEntry: Int32?
  /// The token of the verb or noun that gave the category, if outside the noun phrase.
  var categoryToken: Int?
  /// `its`, `their`, `our` before the figure: the claimant's own side.
  var ownPossessive = false
  /// `enemy` in the noun phrase.
  var enemy = false
  /// The category came from a verb whose subject did it (`Azerbaijan killed 20 soldiers`).
  var activeVerb = false

  enum Head: Equatable {
    case none
    case person
    case noun
    case state
    case equipment(String)
    case place(String)
  }
}

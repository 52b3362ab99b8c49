// TEMPORARY: stand-ins for the brief and the chart, which another branch writes.
// Delete this file when that branch is merged; its `Brief` and `Chart` have these signatures.

public import TallyExtractor
public import TallyLedger

/// Stand-in for the daily brief of `summary.txt` (replaced at merge).
public enum Brief {
  /// A minimal brief: the number of claims, or a line saying there is nothing yet.
  public static func text(_ reconciliation: Reconciliation, from: PartialDate?, to: PartialDate?) -> String {
    if reconciliation.claims.isEmpty {
      return "Nothing in the ledger yet: ingest articles with `tally ingest`, then run `tally report` again.\n"
    }
    return "\(reconciliation.claims.count) claims in the ledger.\n"
  }
}

/// Stand-in for `chart.svg` (replaced at merge).
public enum Chart {
  /// A minimal valid SVG of 1000×600 with a title.
  public static func svg(_ reconciliation: Reconciliation, from: PartialDate?, to: PartialDate?) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" width="1000" height="600" viewBox="0 0 1000 600">
      <title>Reported figures</title>
      <text x="500" y="300" text-anchor="middle">\(reconciliation.claims.count) claims</text>
    </svg>

    """
  }
}

// TallyReporter: daily tallies, comparisons and findings as CSV, JSON and text. (Being written.)

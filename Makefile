# tally: build, test and demo targets.
# `make test` and `make demo` first install the system libraries on a fresh Debian.

SWIFT ?= swift
TALLY := .build/debug/tally
DEB_PACKAGES := libcsv-dev libsqlite3-dev
# apt-get needs root: use sudo only when we are not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && echo sudo)

.PHONY: deps build test demo bench clean fuzz

deps:
	@dpkg -s $(DEB_PACKAGES) >/dev/null 2>&1 || \
	  ($(SUDO) apt-get update && $(SUDO) apt-get install -y $(DEB_PACKAGES))

build: deps
	$(SWIFT) build

test: build
	$(SWIFT) test

# Fuzzing (libFuzzer, see the README, "Reliability"): each target runs SECONDS seconds.
SECONDS ?= 60
fuzz: deps
	Fuzz/fuzz.sh $(SECONDS)

# The demo starts from a fresh ledger each time, so its summary always matches the articles.
LEDGER := data/ledger.sqlite

demo: build
	rm -f $(LEDGER) $(LEDGER)-wal $(LEDGER)-shm
	$(TALLY) ingest --db $(LEDGER) data/articles
	$(TALLY) report --db $(LEDGER) --out reports
	@echo
	@cat reports/summary.txt

# The benchmark (README "Performance"): a release build, then corpora of BENCH_SIZES MB and
# ledgers of BENCH_CLAIMS claims, kept in .build/bench; prints the table, writes bench.csv.
BENCH_SIZES ?= 10,100,1000
BENCH_CLAIMS ?= 10000,100000,1000000
# Runs of each step (the fastest is shown; a step whose runs have taken 20 s runs no more).
BENCH_REPEAT ?= 3

bench: deps
	$(SWIFT) build -c release --product tally-bench
	.build/release/tally-bench run --sizes $(BENCH_SIZES) --claims $(BENCH_CLAIMS) --repeat $(BENCH_REPEAT) --dir .build/bench --out bench.csv

clean:
	$(SWIFT) package clean
	rm -rf reports .fuzz .build-fuzz $(LEDGER) $(LEDGER)-wal $(LEDGER)-shm

"""The bench's own tables: the machine, seeding, SQL queries per page, search timings."""

import os
import statistics
import sys


def print_machine(database):
    print(
        f"\nDatabase: {database}; Python {sys.version.split()[0]}; {os.cpu_count()} cores; "
        f"load average at the end {os.getloadavg()[0]:.1f}"
    )


def print_page_queries(queries):
    names = list(next(iter(queries.values())))
    print("\nSQL queries per public page (target: constant, ≤ 15)")
    print(f"{'N':>6} | " + " | ".join(f"{name:>11}" for name in names))
    for size, row in queries.items():
        print(f"{size:>6} | " + " | ".join(f"{row[name]:>11}" for name in names))


def print_seeding_table(seeding):
    from tests.bench import seed

    low, high = seed.WORDS_PER_EPISODE
    print(
        f"\nSeeding in bulk (episodes with {low}-{high}-word transcripts, "
        f"{seed.VOCABULARY_SIZE} Zipf-distributed words), search index included"
    )
    previous = 0
    for size, seconds in seeding.items():
        print(f"  {previous:>6} → {size:>6} episodes: {seconds:>6.1f} s")
        previous = size


def print_search_table(size, database, rows):
    print(
        f"\nSearch page at N={size} episodes on {database} (5 runs each, ms; targets: median "
        "of medians ≤ 100, no run over 250, SQL queries constant)"
    )
    print(f"  {'query string':<36} {'median':>7} {'max':>7} {'episodes':>9} {'passages':>9} SQL")
    for params, (value, slowest, hits, passages, queries) in rows.items():
        print(f"  {params:<36} {value:>7.1f} {slowest:>7.1f} {hits:>9} {passages:>9} {queries:>3}")
    medians = [row[0] for row in rows.values()]
    slowest = max(row[1] for row in rows.values())
    print(f"  {'median of the medians':<36} {statistics.median(medians):>7.1f}")
    print(f"  {'slowest run':<36} {slowest:>15.1f}")

#!/usr/bin/env python3
"""Turns JMH's CSV into results/latest.csv (scenario,library,score,error,unit) and an SVG chart.

Standard library only. Usage: report.py RAW_JMH_CSV LATEST_CSV CHART_SVG
"""
import csv
import sys
from html import escape

LIBRARIES = {
    "RawJdbcBenchmark": "pgjdbc (hand-written)",
    "DataBridgeBenchmark": "data-bridge",
    "DataBridgeDslBenchmark": "data-bridge DSL",
    "DataBridgeObservedBenchmark": "data-bridge observed",
    "DataBridgeRepositoryBenchmark": "data-bridge repository",
    "DataBridgeAuditBenchmark": "data-bridge audit",
    "DataBridgeTextCheckBenchmark": "data-bridge text check",
    "JdbcTemplateBenchmark": "Spring JdbcClient",
    "SpringDataJdbcBenchmark": "Spring Data JDBC",
    "JpaBenchmark": "Spring Data JPA / Hibernate",
    "JooqBenchmark": "jOOQ",
    "JdbiBenchmark": "JDBI",
    "ReplicaRoutingBenchmark": "data-bridge replicas",
    "ReadYourWritesBenchmark": "data-bridge read-your-writes",
    "AggregateRawJdbcBenchmark": "pgjdbc (hand-written)",
    "AggregateDataBridgeBenchmark": "data-bridge",
    "AggregateDataBridgeJoinBenchmark": "data-bridge JOIN",
    "AggregateDataBridgeJsonBenchmark": "data-bridge JSON",
    "AggregateHibernateBenchmark": "Spring Data JPA / Hibernate",
    "AggregateSpringDataJdbcBenchmark": "Spring Data JDBC",
    "AggregateJooqBenchmark": "jOOQ",
}
ORDER = list(dict.fromkeys(LIBRARIES.values()))
SCENARIOS = {
    "s1_findById": "1 find by id",
    "s2_select1000": "2 select 1,000 rows",
    "s3_insert1000": "3 insert 1,000 rows (ids returned)",
    "s3b_insert1000WithIds": "3b pgjdbc batch with ids",
    "s4_insert100k": "4 insert 100,000 rows",
    "s5_updateById": "5 update by id",
    "s6_pageWithCount": "6 page + count",
    "s7_transaction": "7 transaction of 5 statements",
    "s8_poolBorrowReturn": "8 pool borrow + return",
    "s9_updateAll1000": "9 update 1,000 rows by id (version checked)",
    "s9b_upsert1000": "9b upsert 1,000 rows",
    "s10_derived20": "10 derived query, 20 entities",
    "s11_derived20Record": "11 derived query, 20 rows into a record",
    "s12_derivedPageSorted": "12 paged derived query with Sort + count",
    "s13_insertTyped1000": "13 insert 1,000 rows of Instant, UUID, BigDecimal, enum, jsonb",
    "s14_insertTyped100k": "14 insert 100,000 such rows",
    "s15_bindText4k": "15 bind a 4 KiB string",
    "s16_textCheck32": "16 text check, 32 chars (ns)",
    "s16_textCheck4k": "16 text check, 4 KiB (ns)",
    "s16b_utf8Encode4k": "16b UTF-8 encoding, 4 KiB (ns)",
    "s17_aggregateLoad100": "17 load 100 roots + to-one + 10 children each",
    "s18_aggregatePage20": "18 page of 20 roots + children + count",
    "s19_aggregateSave": "19 save root + 10 children, change one, save again",
}
COLORS = ["#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948"]


def read(path):
    rows = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            cls, method = r["Benchmark"].split(".")[-2:]
            error = r.get("Score Error (99.9%)", "")
            audit = r.get("Param: audit")
            rows.append({
                "scenario": SCENARIOS.get(method, method),
                "library": LIBRARIES.get(cls, cls) + (" " + audit if audit else ""),
                "score": float(r["Score"]),
                "error": float(error) if error not in ("", "NaN") else float("nan"),
                "unit": r["Unit"],
            })
    rows.sort(key=lambda r: (r["scenario"], ORDER.index(r["library"]) if r["library"] in ORDER else 99))
    return rows


def write_csv(rows, path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["scenario", "library", "score", "error", "unit"])
        for r in rows:
            w.writerow([r["scenario"], r["library"], "%.3f" % r["score"], "%.3f" % r["error"], r["unit"]])


def chart(rows, path):
    """One group per scenario: each library's time relative to hand-written pgjdbc (1.0 = as fast)."""
    scenarios = sorted({r["scenario"] for r in rows})
    libraries = [l for l in ORDER if any(r["library"] == l for r in rows)]
    bar, gap, left, width = 11, 14, 250, 560
    reference = {r["scenario"]: r["score"] for r in rows if r["library"] == ORDER[0]}
    ratios = {}
    for r in rows:
        base = reference.get(r["scenario"])
        ratios[(r["scenario"], r["library"])] = r["score"] / base if base else None
    top = max([v for v in ratios.values() if v] + [1.0])
    scale = min(top, 12.0)
    height = 70 + len(scenarios) * (len(libraries) * bar + gap) + 20 * len(libraries)
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">'
           % (left + width + 120, height), '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="20" font-size="14">Time per operation relative to hand-written pgjdbc'
           ' (shorter is faster; 1.0 = pgjdbc; bars cut at %.0fx)</text>' % scale]
    x1 = left + width / scale
    y = 40
    for s in scenarios:
        out.append('<text x="10" y="%d" font-weight="bold">%s</text>' % (y + 10, escape(s)))
        for i, lib in enumerate(libraries):
            ratio = ratios.get((s, lib))
            if ratio is None:
                y += bar
                continue
            w = min(ratio, scale) / scale * width
            out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>'
                       % (left, y, w, bar - 2, COLORS[i % len(COLORS)]))
            out.append('<text x="%.1f" y="%d">%.2fx</text>' % (left + w + 4, y + bar - 3, ratio))
            y += bar
        y += gap
    out.append('<line x1="%.1f" y1="35" x2="%.1f" y2="%d" stroke="#333" stroke-dasharray="4 3"/>' % (x1, x1, y))
    for i, lib in enumerate(libraries):
        out.append('<rect x="%d" y="%d" width="12" height="10" fill="%s"/>' % (left, y + 5 + i * 18, COLORS[i % len(COLORS)]))
        out.append('<text x="%d" y="%d">%s</text>' % (left + 18, y + 14 + i * 18, escape(lib)))
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def summary(rows, path):
    """Markdown: the table (us/op) and every target of the issue as a measured ratio."""
    score = {(r["scenario"], r["library"]): r for r in rows}
    scenarios = sorted({r["scenario"] for r in rows})
    libraries = [l for l in ORDER if any(r["library"] == l for r in rows)]
    out = ["| scenario | " + " | ".join(libraries) + " |", "|---" * (len(libraries) + 1) + "|"]
    for s in scenarios:
        cells = []
        for l in libraries:
            r = score.get((s, l))
            cells.append("" if r is None else "%s ± %s" % (fmt(r["score"]), fmt(r["error"])))
        out.append("| %s | %s |" % (s, " | ".join(cells)))
    out.append("")
    out.append("Times in microseconds per operation (lower is better), ± the 99.9% confidence half-width JMH reports.")
    out.append("")
    db = "data-bridge"

    def r(scenario, lib):
        x = score.get((scenario, lib))
        return x["score"] if x else None

    out.append("| target | measured | met? |")
    out.append("|---|---|---|")
    for key in ["1 find by id", "2 select 1,000 rows", "6 page + count", "7 transaction of 5 statements"]:
        a, b = r(key, db), r(key, ORDER[0])
        if a and b:
            out.append("| %s: data-bridge <= 1.10x pgjdbc | %.2fx | %s |" % (key, a / b, "yes" if a / b <= 1.10 else "**no**"))
    a, b = r("3 insert 1,000 rows (ids returned)", db), r("3 insert 1,000 rows (ids returned)", ORDER[0])
    if a and b:
        out.append("| 3: data-bridge with ids <= 1.0x rewritten pgjdbc batch without ids | %.2fx | %s |"
                   % (a / b, "yes" if a / b <= 1.0 else "**no**"))
    a, b = r("4 insert 100,000 rows", db), r("4 insert 100,000 rows", ORDER[0])
    if a and b:
        out.append("| 4: data-bridge >= 1.5x faster than pgjdbc batch | %.2fx faster | %s |"
                   % (b / a, "yes" if b / a >= 1.5 else "**no**"))
    for key in ["9 update 1,000 rows by id (version checked)", "9b upsert 1,000 rows"]:
        a, b = r(key, db), r(key, ORDER[0])
        if a and b:
            out.append("| %s: data-bridge faster than the pgjdbc batch (not an issue target) | %.2fx faster | %s |"
                       % (key, b / a, "yes" if b / a >= 1.0 else "**no**"))
    for s in scenarios:
        a = r(s, db)
        if not a:
            continue
        for peer, need in [("Spring Data JDBC", 1.5), ("Spring Data JPA / Hibernate", 1.5), ("jOOQ", 1.0)]:
            b = r(s, peer)
            if b:
                out.append("| %s: data-bridge >= %.1fx faster than %s | %.2fx faster | %s |"
                           % (s, need, peer, b / a, "yes" if b / a >= need else "**no**"))
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def fmt(x):
    if x != x:
        return "n/a"
    return "{:,.1f}".format(x) if x < 1000 else "{:,.0f}".format(x)


if __name__ == "__main__":
    data = read(sys.argv[1])
    write_csv(data, sys.argv[2])
    chart(data, sys.argv[3])
    if len(sys.argv) > 4:
        summary(data, sys.argv[4])

"""Benchmark: build time, page weight and Lighthouse scores, next to a default Material build.

Run it with ./scripts/bench (see there). Not a test: it prints a table and the ratios.

- Cold build: a fresh copy of the sources with an empty cache (social cards drawn anew), timed.
- The baseline is "default Material": the same pages, Markdown extensions and language plugin,
  but Material's defaults for everything else (theme, fonts, features, no hooks of ours except the
  one that fills in dates and URLs, so both sites show the same text).
- Both sites are served locally with gzip (level 6, as deploy/nginx.conf) and the same cache
  rules (docs/_headers). Every request the server answers is logged, which gives the numbers:
  first view = a fresh browser; repeat view = the same page again in that browser (response
  bodies that still cross the network, and how many requests: revalidations answered with 304
  carry no body).
- Requests to other hosts (the default theme's Google Fonts) fail at once and are counted.
- Lighthouse (mobile, default simulated throttling) runs three times per page; the table shows
  the median of each score and of the main metrics. scripts/bench installs it from npm into
  $XDG_CACHE_HOME/meta-ki-bench (default ~/.cache) and points it at the system Chromium. If it is
  missing or a run fails, the bench says so and exits non-zero (--lighthouse none skips it).
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
from site_build import CHROMIUM, CHROMIUM_ARGS, build_site, copy_build_inputs  # same directory
from static_host import serve
# Other hosts fail at once instead of waiting for a network this machine may not have.
BLOCK_OTHER_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
# The same place scripts/bench installs it (XDG base directories: unset or empty means ~/.cache).
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "meta-ki-bench"
LIGHTHOUSE = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Lab metrics behind the performance score (Lighthouse audit ids), shown as medians.
METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint", "TBT": "total-blocking-time",
           "CLS": "cumulative-layout-shift"}
RUNS = 3
KB = 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def section(config_text: str, key: str) -> str:
    """One top-level section of mkdocs.yml, verbatim."""
    match = re.search(rf"^{key}:.*?(?=^\S|\Z)", config_text, re.MULTILINE | re.DOTALL)
    return match.group(0) if match else ""


def default_material_config(ours: str) -> str:
    return "\n".join([
        "site_name: Meta-KI und deine Daten",
        'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]',
        "theme:\n  name: material\n  language: de",
        "hooks:\n  - hooks/shortcodes.py",
        "plugins:\n  - search\n  - i18n:\n      docs_structure: suffix\n      fallback_to_default: false\n"
        "      languages:\n        - locale: de\n          default: true\n          name: Deutsch\n"
        "        - locale: en\n          name: English",
        section(ours, "nav"),
        section(ours, "markdown_extensions"),
    ])


def build(source: Path, site: Path, site_url: str, config: str = "mkdocs.yml") -> float:
    start = time.perf_counter()
    result = build_site(source, site, site_url, strict=False, config=config)
    elapsed = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build of {source / config} failed:\n{result.stderr[-3000:]}")
    return elapsed


def pages(site: Path):
    urls = []
    for page in sorted(site.rglob("index.html")):
        relative = page.parent.relative_to(site).as_posix()
        if "assets" in relative or "search" in relative:
            continue
        urls.append("" if relative == "." else relative + "/")
    return sorted(urls, key=lambda u: (u.startswith("en/"), u.removeprefix("en/") != "", u))


# Counts the Web Workers a page starts and those that have answered once. Material's search
# worker answers when it has its index and lunr's language files, so "every worker answered"
# is the state in which a page has loaded everything it loads without the reader's help.
COUNT_WORKERS = """(() => {
  const Original = window.Worker;
  window.__bench = { started: 0, answered: 0 };
  window.Worker = function (url, options) {
    const worker = new Original(url, options);
    window.__bench.started++;
    worker.addEventListener("message", () => window.__bench.answered++, { once: true });
    return worker;
  };
})();"""
SETTLED = "() => window.__bench.answered === window.__bench.started"


def measure(browser, base: str, url: str, log: list) -> dict:
    foreign = []
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(COUNT_WORKERS)
    # Not context.route(): intercepting requests switches the browser cache off.
    context.on("request", lambda r: urlparse(r.url).hostname not in (None, "127.0.0.1") and foreign.append(r.url))
    tab = context.new_page()
    views = []
    for _ in range(2):
        start = len(log)
        tab.goto(base + url, wait_until="networkidle")
        # The server logs each response before sending it, so once the page has settled the log
        # holds everything it received.
        tab.wait_for_function(SETTLED)
        views.append(log[start:])
    context.close()
    first, repeat = views
    document = first[0]
    return {
        "requests": len(first) + len(foreign),
        "foreign": len(foreign),
        "raw": sum(e[3] for e in first if e[1] == 200),
        "gzip": sum(e[2] for e in first if e[1] == 200),
        "repeat": sum(e[2] for e in repeat if e[1] == 200),
        "repeat_requests": len(repeat),
        "html": document[2],
    }


class LighthouseFailed(Exception):
    pass


def lighthouse_once(url: str) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    try:
        result = subprocess.run(
            ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
             "--only-categories=" + ",".join(CATEGORIES),
             "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS) + f' "{BLOCK_OTHER_HOSTS}"'],
            env=env, capture_output=True, text=True, timeout=300,
        )
    except subprocess.TimeoutExpired:
        raise LighthouseFailed(f"{url}: no report within 300 s")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise LighthouseFailed(f"{url}: exit code {result.returncode}, no JSON report:\n{result.stderr[-2000:]}")
    if report.get("runtimeError"):
        raise LighthouseFailed(f"{url}: {report['runtimeError'].get('message')}")
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    if None in scores.values():
        raise LighthouseFailed(f"{url}: no score for {[c for c, s in scores.items() if s is None]}")
    scores = {c: round(s * 100) for c, s in scores.items()}
    scores.update({name: report["audits"][audit]["numericValue"] for name, audit in METRICS.items()})
    # Lighthouse's measure of how fast the machine was during the run (lower = slower or busier).
    scores["BI"] = report["environment"]["benchmarkIndex"]
    return scores


def lighthouse(url: str, runs: int = RUNS, attempts: int = 3) -> dict:
    """Median of each score and metric over `runs` runs. A failed run is repeated (Lighthouse's
    own advice for its trace errors such as NO_NAVSTART), and said so; LighthouseFailed if a run
    fails `attempts` times."""
    reports = []
    for _ in range(runs):
        for attempt in range(1, attempts + 1):
            try:
                reports.append(lighthouse_once(url))
                break
            except LighthouseFailed as error:
                if attempt == attempts:
                    raise
                print(f"Lighthouse run failed, repeating it ({attempt}/{attempts - 1}): {error}", file=sys.stderr, flush=True)
    return {key: statistics.median(r[key] for r in reports) for key in reports[0]} | {
        "performance_runs": [r["performance"] for r in reports]}


def run_site(name, site: Path, port: int, headers: Path, with_lighthouse: bool, only, failures: list):
    from playwright.sync_api import sync_playwright

    log = []
    server, base = serve(site, port=port, headers_file=headers, compress=True, log=log)
    rows = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, BLOCK_OTHER_HOSTS])
            for url in pages(site):
                if only and not re.search(only, url or "/"):
                    continue
                rows[url] = measure(browser, base, url, log)
            browser.close()
        if with_lighthouse:
            for url in rows:
                print(f"  Lighthouse {name}: /{url}", file=sys.stderr, flush=True)
                try:
                    rows[url]["lighthouse"] = lighthouse(base + url)
                except LighthouseFailed as error:
                    print(f"LIGHTHOUSE FAILED: {error}", file=sys.stderr, flush=True)
                    rows[url]["lighthouse"] = None
                    failures.append(f"{name} /{url}")
    finally:
        server.shutdown()
    return rows


def kb(value) -> str:
    return f"{value / KB:6.1f}"


def scores_text(result) -> str:
    if "lighthouse" not in result:
        return "not run"
    if result["lighthouse"] is None:
        return "FAILED (see above)"
    s = result["lighthouse"]
    return ("/".join(f"{s[c]:.0f}" for c in CATEGORIES) + f"  runs {','.join(map(str, s['performance_runs']))}"
            + f"  FCP {s['FCP'] / 1000:.1f} s, LCP {s['LCP'] / 1000:.1f} s, TBT {s['TBT']:.0f} ms, CLS {s['CLS']:.3f}"
            + f"  (benchmark index {s['BI']:.0f})")


def table(title, rows):
    print(f"\n{title}")
    print(f"{'page':<22} {'req':>4} {'first KB':>9} {'gzip KB':>8} {'repeat KB':>9} {'(req)':>5} {'HTML gz':>8}  "
          "Lighthouse P/A/BP/SEO (median of 3), performance per run, metrics (medians)")
    for url, r in rows.items():
        scores = scores_text(r)
        foreign = f" ({r['foreign']} to other hosts)" if r["foreign"] else ""
        print(f"/{url:<21} {r['requests']:>4} {kb(r['raw']):>9} {kb(r['gzip']):>8} {kb(r['repeat']):>9} {r['repeat_requests']:>5} {kb(r['html']):>8}  {scores}{foreign}")
    median = {k: statistics.median(r[k] for r in rows.values()) for k in ("requests", "raw", "gzip", "repeat", "repeat_requests", "html")}
    print(f"{'median':<22} {median['requests']:>4.0f} {kb(median['raw']):>9} {kb(median['gzip']):>8} {kb(median['repeat']):>9} "
          f"{median['repeat_requests']:>5.0f} {kb(median['html']):>8}")
    return median


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", choices=["ours", "both", "none"], default="ours",
                        help="which site(s) Lighthouse audits, page by page (default: ours)")
    parser.add_argument("--pages", help="only pages whose path matches this regular expression, e.g. 'anleitung'")
    args = parser.parse_args()
    if args.lighthouse != "none" and not (LIGHTHOUSE.exists() and shutil.which("node")):
        sys.exit(f"Lighthouse is not installed at {LIGHTHOUSE} (or Node.js is missing). Run ./scripts/bench, "
                 "which installs it, or pass --lighthouse none to measure without scores.")
    failures = []

    with tempfile.TemporaryDirectory(prefix="meta-ki-bench-") as tmp:
        tmp = Path(tmp)
        ours_port, default_port = free_port(), free_port()
        copy_build_inputs(tmp / "ours")
        print("Building (cold: fresh copy, empty cache) ...", file=sys.stderr, flush=True)
        ours_time = build(tmp / "ours", tmp / "ours-site", f"http://127.0.0.1:{ours_port}/")
        copy_build_inputs(tmp / "default")
        (tmp / "default" / "mkdocs.default.yml").write_text(
            default_material_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
        default_time = build(tmp / "default", tmp / "default-site", f"http://127.0.0.1:{default_port}/", "mkdocs.default.yml")
        # Same host for both: the cache rules of docs/_headers, without our CSP (it would block
        # the default theme's inline scripts, whose hashes differ).
        cache_rules = tmp / "cache-headers"
        cache_rules.write_text("/assets/*\n  Cache-Control: public, max-age=86400\n", encoding="utf-8")

        print("Measuring page weight ...", file=sys.stderr, flush=True)
        ours = run_site("ours", tmp / "ours-site", ours_port, None, args.lighthouse != "none", args.pages, failures)
        default = run_site("default", tmp / "default-site", default_port, cache_rules, args.lighthouse == "both",
                           args.pages, failures)

    ours_median = table("This site (mobile, 390 px; KB = 1024 bytes; gzip level 6)", ours)
    default_median = table("Default Material build of the same docs", default)
    print(f"\nCold build, both languages: this site {ours_time:.1f} s, default Material {default_time:.1f} s "
          f"(ratio {ours_time / default_time:.2f}; {os.cpu_count()} CPUs)")
    print("Ratios this site / default Material (medians): "
          + ", ".join(f"{k} {ours_median[k] / default_median[k]:.2f}" for k in ("requests", "gzip", "repeat", "html") if default_median[k]))
    worst = max(ours.values(), key=lambda r: r["gzip"])
    print(f"Target first view <= 60 KB gzip: largest page {kb(worst['gzip']).strip()} KB, "
          f"median {kb(ours_median['gzip']).strip()} KB")
    scored = [r["lighthouse"] for r in ours.values() if r.get("lighthouse")]
    if scored:
        below = {c: min(s[c] for s in scored) for c in CATEGORIES}
        print("Lighthouse lowest score per category: " + ", ".join(f"{c} {v}" for c, v in below.items()))
    print(f"Target cold build <= 15 s: {ours_time:.1f} s")
    if failures:
        sys.exit(f"LIGHTHOUSE FAILED on {len(failures)} page(s), their scores are missing: {', '.join(failures)}")


if __name__ == "__main__":
    main()

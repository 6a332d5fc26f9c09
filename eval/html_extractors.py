"""Which body extractor for government web pages: policyqa's own (formats/html.py) or trafilatura.

Both run through the same pipeline after extraction (furniture lines, heading grammar, chunking) on the
portal-like pages of tests/portal_pages.py (modelled on gov.cn, a city portal, a Zhejiang ZJEG page, an
old TRS layout-table page in GBK, a bare page: the pages the extractor was designed on) and of
tests/portal_pages_heldout.py (five other portal families, written afterwards and reported on). Per extractor: body sentences found in the chunks,
furniture phrases that leak into chunks, headings the chunks carry, table rows kept as pipe rows, and
milliseconds per page. trafilatura is not a dependency: `pip install "trafilatura>=2.0"` to compare.

    python eval/html_extractors.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from portal_pages import all_pages  # noqa: E402
from portal_pages_heldout import heldout_pages  # noqa: E402

from policyqa.chunking import chunk_document  # noqa: E402
from policyqa.formats.html import decode_html, read_html  # noqa: E402
from policyqa.furniture import furniture_spans  # noqa: E402


def own(raw: bytes) -> str:
    return read_html("page.html", raw).text


def trafilatura_text(raw: bytes) -> str:
    import trafilatura

    text, _ = decode_html(raw, "page.html")
    return trafilatura.extract(text, output_format="txt", include_tables=True, include_comments=False,
                               favor_recall=True) or ""


def score(extract, pages, repeat: int = 20) -> dict:
    found = total = leaks = furniture = heads = heads_total = rows = rows_total = 0
    seconds = 0.0
    for page in pages:
        raw = page.data()
        t0 = time.perf_counter()
        for _ in range(repeat):
            text = extract(raw)
        seconds += (time.perf_counter() - t0) / repeat
        chunks = chunk_document(text, page.name, "d", exclude=furniture_spans(text))
        joined = "\n".join(c.text for c in chunks)
        carried = {h for c in chunks for h in c.headings}
        found += sum(s in joined for s in page.body)
        total += len(page.body)
        leaks += sum(j in joined for j in page.furniture)
        furniture += len(page.furniture)
        heads += sum(h in carried for h in page.headings)
        heads_total += len(page.headings)
        pipe = [s for s in page.body if s.startswith("|")]
        rows += sum(s in joined for s in pipe)
        rows_total += len(pipe)
    n = len(pages)
    return {"body": f"{found}/{total}", "furniture leaked": f"{leaks}/{furniture}",
            "headings carried": f"{heads}/{heads_total}", "table rows": f"{rows}/{rows_total}",
            "ms/page": round(1000 * seconds / n, 2)}


def main() -> int:
    extractors = {"policyqa (lxml)": own}
    try:
        import trafilatura

        extractors[f"trafilatura {trafilatura.__version__}"] = trafilatura_text
    except ImportError:
        print("trafilatura not installed: pip install 'trafilatura>=2.0' to compare", file=sys.stderr)
    rows = [(f"{name} · {label}", score(fn, pages)) for label, pages in (("design", all_pages()),
                                                                         ("held-out", heldout_pages()))
            for name, fn in extractors.items()]
    keys = list(rows[0][1])
    print(f"{'extractor · page set':34}" + "".join(f"{k:>18}" for k in keys))
    for name, r in rows:
        print(f"{name:34}" + "".join(f"{str(r[k]):>18}" for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

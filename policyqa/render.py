"""Presenting an Answer: HTML for Jupyter and rich renderables for the terminal. No printing here."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .answer import Answer, Citation


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control characters (NUL, ESC, bidi overrides…) written as escapes (``\\x1b``), so a
    question or a document cannot move the cursor, recolour or reorder the terminal. Tabs and line breaks stay."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _marked(c: "Citation") -> tuple[str, str, str]:
    if c.highlight:
        a, b = c.highlight
        return c.text[:a], c.text[a:b], c.text[b:]
    return c.text, "", ""


def where(c: "Citation") -> str:
    """Page and validity of a citation for display: ``第3页``, ``已失效``, both, or empty."""
    parts = []
    if c.page is not None:
        parts.append(f"第{c.page}页")
    if c.expired:
        parts.append("已失效")
    return " · ".join(parts)


def _link_citations(text: str) -> str:
    """Escape the answer text and turn [n] into links to the quoted passages."""
    import re

    escaped = html.escape(text)
    return re.sub(r"\[(\d+)\]", r'<a href="#pqa-cite-\1">[\1]</a>', escaped).replace("\n", "<br>")


def answer_html(answer: "Answer") -> str:
    """The answer with clickable citation numbers, then every quoted passage with its source and span."""
    parts = ['<div class="policyqa-answer">', f"<p><b>{html.escape(answer.question)}</b></p>",
             f"<p>{_link_citations(answer.answer)}</p>"]
    if answer.citations:
        parts.append("<ol style='padding-left:1.2em'>")
        for c in answer.citations:
            before, mark, after = _marked(c)
            quote = html.escape(before) + (f"<mark>{html.escape(mark)}</mark>" if mark else "") + html.escape(after)
            path = " &gt; ".join(html.escape(h) for h in c.headings) or "（无标题层级）"
            parts.append(
                f'<li id="pqa-cite-{c.id}" value="{c.id}"><div><b>{html.escape(c.title or Path(c.source).name)}</b>'
                f" · {html.escape(c.region.label())} · {path}</div>"
                f"<div style='color:#666;font-size:90%'>{html.escape(c.source)} [{c.start}:{c.end}] {c.kind}"
                + (f" <b style='color:#b00'>{html.escape(where(c))}</b>" if where(c) else "") + "</div>"
                f"<blockquote style='margin:.3em 0 .8em 0'>{quote}</blockquote></li>"
            )
        parts.append("</ol>")
    parts.append("</div>")
    return "".join(parts)


def answer_renderable(answer: "Answer", max_quote: int = 220) -> Any:
    """A rich renderable for the terminal: the answer, then the citations with their quoted passages."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    head = Text(printable(answer.answer), style="bold" if answer.found else "yellow")
    # A str title would be read as markup: [dim] in a question would vanish.
    items: list[Any] = [Panel(head, title=Text(printable(answer.question)), title_align="left", expand=True)]
    items += [Text(printable(f"注意：{n}"), style="yellow") for n in answer.notices]
    for c in answer.citations:
        meta = Text()
        meta.append(f"[{c.id}] ", style="bold cyan")
        meta.append(printable(f"{c.title or Path(c.source).name}"), style="bold")
        meta.append(printable(f" · {c.region.label()} · "))
        meta.append(printable(" > ".join(c.headings) or "（无标题层级）"), style="green")
        meta.append(printable(f"\n    {c.source} [{c.start}:{c.end}] {c.kind}") + (" （目录）" if c.kind == "toc" else ""),
                    style="dim")
        if where(c):
            meta.append(f" {where(c)}", style="bold red" if c.expired else "bold")
        before, mark, after = (printable(part) for part in _marked(c))
        quote = Text("    ")
        if mark and len(c.text) > max_quote:
            # Long passage: show the highlighted sentence with a little context on each side.
            ctx = max(0, (max_quote - len(mark)) // 2)
            quote.append(("…" if len(before) > ctx else "") + before[-ctx:] if ctx else "")
            quote.append(mark, style="bold reverse")
            quote.append(after[:ctx] + ("…" if len(after) > ctx else ""))
        else:
            quote.append(before[:max_quote] + ("…" if len(before) > max_quote else ""))
            quote.append(mark, style="bold reverse")
            quote.append(after)
        items.append(Group(meta, quote, Text("")))
    return Group(*items)

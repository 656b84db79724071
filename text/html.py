"""Saved news pages → the article's own paragraphs, without the site's chrome (selectolax/lexbor)."""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tongket.text.document import Article
from tongket.text.errors import InputError
from tongket.text.normalize import normalize_text

__all__ = ["html_to_article"]

_DROP = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, select, template"
_BLOCKS = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "figcaption", "figure", "blockquote", "pre", "table", "tbody", "tr", "td", "th", "dl", "dt", "dd", "center",
}
_GOOD_HINT = re.compile(r"content|article|detail|body|post|entry|news|main|story|text", re.I)
_BAD_HINT = re.compile(r"comment|related|sidebar|menu|footer|nav|share|social|tag|banner|advert|widget|breadcrumb|other|lienquan|tinkhac", re.I)
_SPACE = re.compile(r"\s+")


def html_to_article(html: str, name: str) -> Article:
    """Keep the title, date and the block of the page that holds the article's paragraphs."""
    tree = LexborHTMLParser(html)
    title = _title(tree)
    date = _date(tree)
    for node in tree.css(_DROP):
        node.decompose()
    container = _best_container(tree)
    blocks = _blocks(container) if container is not None else []
    lead = _lead(tree, blocks)
    if lead:
        blocks.insert(1 if blocks and blocks[0] == title else 0, lead)
    if title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    text = normalize_text("\n\n".join(blocks))
    if len(blocks) < 1 or len(text) < 20:
        raise InputError(f"{name}: no article text found in the HTML page")
    return Article(id=Path(name).stem, text=text, source=name, title=title, date=date)


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", normalize_text(text or "")).strip()


def _title(tree: LexborHTMLParser) -> str | None:
    for selector, attribute in (('meta[property="og:title"]', "content"), ("h1", None), ("title", None)):
        node = tree.css_first(selector)
        if node is not None:
            value = _clean(node.attributes.get(attribute) if attribute else node.text(separator=" "))
            if value:
                return value
    return None


def _date(tree: LexborHTMLParser) -> str | None:
    selectors = (
        ('meta[property="article:published_time"]', "content"),
        ('meta[name="pubdate"]', "content"),
        ('meta[itemprop="datePublished"]', "content"),
        ("time[datetime]", "datetime"),
    )
    for selector, attribute in selectors:
        node = tree.css_first(selector)
        if node is not None and node.attributes.get(attribute):
            return _clean(node.attributes[attribute])
    return None


_LEAD = ".sapo, .lead, .chapeau, .summary, .description, .article-summary, .article-sapo, .detail-sapo, [itemprop=description]"


def _lead(tree: LexborHTMLParser, blocks: list[str]) -> str | None:
    """The article's lead ("sapo"), which many sites set outside the block that holds the body."""
    for node in tree.css(_LEAD):
        if node.tag in ("meta", "head"):
            continue
        text = _clean(node.text(separator=" "))
        if len(text.split()) >= 8 and not any(text in block or block in text for block in blocks if len(block) > 20):
            return text
    return None


def _best_container(tree: LexborHTMLParser) -> LexborNode | None:
    body = tree.body
    if body is None:
        return None
    best, best_score = body, _score(body) * 0.5
    for node in body.css("article, main, section, div, td"):
        score = _score(node)
        if score > best_score:
            best, best_score = node, score
    return best


def _score(node: LexborNode) -> float:
    paragraph_text = sum(len(_clean(child.text(deep=True))) for child in node.iter() if child.tag == "p")
    hints = " ".join(filter(None, (node.attributes.get("class"), node.attributes.get("id"))))
    weight = 1.0 + 0.5 * bool(_GOOD_HINT.search(hints)) - 0.8 * bool(_BAD_HINT.search(hints))
    return paragraph_text * weight


def _blocks(node: LexborNode) -> list[str]:
    """Leaf block texts in reading order; inline runs between blocks stand as their own paragraphs."""
    blocks: list[str] = []
    inline: list[str] = []

    def flush() -> None:
        text = _clean(" ".join(inline))
        if text:
            blocks.append(text)
        inline.clear()

    def walk(current: LexborNode) -> None:
        for child in current.iter(include_text=True):
            if child.tag == "-text":
                inline.append(child.text_content or "")
            elif child.tag == "br":
                flush()
            elif child.tag in _BLOCKS:
                flush()
                walk(child)
                flush()
            else:
                inline.append(child.text(deep=True, separator=" "))

    walk(node)
    flush()
    return blocks

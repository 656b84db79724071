"""sumy's LexRank and TextRank with tongket's Vietnamese sentence splitter, as benchmark baselines."""

from __future__ import annotations

import re

from tongket.text.segment import split_paragraphs, split_sentences

_WORD = re.compile(r"\w+")


class VietnameseTokenizer:
    """The two methods sumy's summarizers call: sentences of a text, words of a sentence."""

    language = "vietnamese"

    def to_sentences(self, paragraph: str) -> list[str]:
        return split_sentences(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence.lower())


def _document(text: str):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = VietnameseTokenizer()
    paragraphs = [
        Paragraph([Sentence(s, tokenizer) for s in split_sentences(p)]) for p in split_paragraphs(text) if p.strip()
    ]
    return ObjectDocumentModel(paragraphs)


def lexrank_summary(text: str, count: int) -> list[str]:
    from sumy.summarizers.lex_rank import LexRankSummarizer

    return [str(s) for s in LexRankSummarizer()(_document(text), count)]


def textrank_summary(text: str, count: int) -> list[str]:
    from sumy.summarizers.text_rank import TextRankSummarizer

    return [str(s) for s in TextRankSummarizer()(_document(text), count)]

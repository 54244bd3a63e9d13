"""Split article text into paragraphs and sentences with exact character offsets.

Also recognises the parts of an article that are not prose — a leading
``date YYYY-MM-DD`` header, photo captions and credits, headings, bylines,
datelines and site boilerplate — so that the extractor can leave them out.
Every span returned here slices the original text: ``text[start:end]``.
"""

import bisect
import re

from .lexicons import ABBREVIATIONS, BOILERPLATE_OPENERS, DETERMINERS, FUNCTION_WORDS
from .records import Sentence
from .tokens import normalise, phrase_pattern

TERMINAL_PUNCTUATION = ".!?"
# Characters that may follow a sentence's final punctuation and still belong to it.
CLOSERS = "”\"’')]»"
# Characters that may open the next sentence besides an uppercase letter or a digit.
OPENERS = "“\"‘'(«["

# A paragraph or sentence at most this long, with no final punctuation, is a heading.
HEADING_MAX_WORDS = 12
# A line break ends a sentence when the sentence so far is a single line at
# most this long with no final punctuation: a heading inside a paragraph.
# Kept below the ~11 words of a hard-wrapped 70-column line.
HEADING_LINE_MAX_WORDS = 8
HEADING_LINE_MAX_CHARS = 120
# At most this many byline/dateline prefixes are stripped from one sentence.
MAX_PREFIXES = 3

_BOILERPLATE = phrase_pattern(BOILERPLATE_OPENERS)
_DATE_HEADER = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}(?=\s|\Z)", re.IGNORECASE)

_AGENCY = (
    r"(?:AFP|AP|Reuters|REUTERS|Getty(?:\s+Images)?|EPA(?:-EFE)?|PA(?:\s+Wire)?"
    r"|Shutterstock|Alamy|Bloomberg|Xinhua|Anadolu(?:\s+Agency)?|SOPA(?:\s+Images)?"
    r"|NurPhoto|ZUMA(?:\s+Press)?|Sipa|ANSA|dpa|DPA|Kyodo|Yonhap|TASS|Sputnik|UPI"
    r"|WireImage|Rex|REX|Pool|POOL|Handout|HANDOUT)"
)
# Name words are bounded in length so that a long run of word characters
# cannot make every start position scan to its end (quadratic backtracking).
_NAME = r"[A-Z][\w.'’\-]{0,30}(?:[ \t]+[A-Z][\w.'’\-]{0,30}){0,3}"
# Credit lines of photo captions.  Slash credits must end their line so that
# "a Reuters/Ipsos poll" in running prose is not mistaken for a credit.
_CREDIT_PATTERNS = (
    re.compile(rf"\b{_AGENCY}[ \t]*/[ \t]*{_NAME}[ \t]*(?:$|\))", re.MULTILINE),
    re.compile(rf"\b{_NAME}[ \t]*/[ \t]*{_AGENCY}[ \t]*(?:$|\))", re.MULTILINE),
    re.compile(
        r"\b[A-Z]{2,20}[ \t]*/[ \t]*[A-Z][a-z]{1,30}(?:[ \t]+[A-Z][a-z]{1,30}){0,3}[ \t]+[A-Z]{2,30}\b"
    ),
    re.compile(rf"\b{_AGENCY}\s+via\s+Getty\s+Images\b"),
    re.compile(r"\b(?:Photo|Photograph|Picture|Pictured|Image|Credit|Photo credit|Video)\s*:"),
    re.compile(r"\bimage\s+credit\b|\bphoto\s+credit\b|\bcopyright\b", re.IGNORECASE),
    re.compile(r"©"),
    re.compile(
        r"\([^()\n]{0,60}\b(?:Getty|Shutterstock|Alamy|Photo by|Picture by|Image by|"
        r"Handout|via Reuters|via AP|via AFP)\b[^()\n]{0,60}\)"
    ),
)

# "By Jane Smith" or "By Jane Smith and John Doe" alone on a line.
_BYLINE = re.compile(
    r"By[ \t]+[A-Z][\w.'’\-]*(?:[ \t]+(?:[A-Z][\w.'’\-]*|and|&|de|van|von|al|bin|la|le))*"
    r"[ \t]*(?:,[ \t]*[A-Z][\w .'’\-]{0,40})?[ \t]*(?:\n|\Z)"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "KYIV, April 5 (Reuters) -" / "LONDON (AP) —": an upper-case place, an
# optional region and date, an optional agency, then a dash.
_DATELINE = re.compile(
    r"[A-Z][A-Z'’.\-]*(?:[ \t][A-Z][A-Z'’.\-]*){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.\-]*(?:[ \t][A-Z][A-Za-z.\-]*){0,2})?"
    rf"(?:,[ \t]*{_MONTH_ABBR}[ \t]+\d{{1,2}})?"
    r"[ \t]*(?:\([^()\n]{1,30}\))?"
    r"[ \t]*[-–—]{1,2}[ \t]+"
)


# A list item's marker at the start of a line: "- ", "• ", "1. ", "2) ", "a) ".
_LIST_MARKER = re.compile(r"[ \t]*(?:[-•*–·▪►‣◦]|\d{1,3}[.)]|[a-z][.)])[ \t]+(?=\S)")


def body_start(text: str) -> int:
    """Return the offset where the article body begins, past a leading date header."""
    match = _DATE_HEADER.match(text)
    return match.end() if match else 0


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each paragraph, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = body_start(text)
    para_start: int | None = None
    para_end = start
    line_start = start
    length = len(text)
    while line_start <= length:
        newline = text.find("\n", line_start)
        line_end = length if newline == -1 else newline
        line = text[line_start:line_end]
        if line.strip():
            if para_start is None:
                para_start = line_start
            para_end = line_end
        elif para_start is not None:
            # A whitespace-only line closes the paragraph.
            spans.append(_trim(text, para_start, para_end))
            para_start = None
        if newline == -1:
            break
        line_start = newline + 1
    if para_start is not None:
        spans.append(_trim(text, para_start, para_end))
    return [span for span in spans if span[0] < span[1]]


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return merged (open, close) indices of the paired double quotes in text[start:end]."""
    pairs: list[tuple[int, int]] = []
    curly_open: list[int] = []
    straight_open: int | None = None
    for index in range(start, end):
        char = text[index]
        if char == "“":
            curly_open.append(index)
        elif char == "”" and curly_open:
            pairs.append((curly_open.pop(), index))
        elif char == '"':
            # Straight quotes pair up in order; an odd one out stays unpaired,
            # which is the "never closed" fallback to ordinary splitting.
            if straight_open is None:
                straight_open = index
            else:
                pairs.append((straight_open, index))
                straight_open = None
    pairs.sort()
    merged: list[tuple[int, int]] = []
    for open_at, close_at in pairs:
        if merged and open_at <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], close_at))
        else:
            merged.append((open_at, close_at))
    return merged


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences with offsets and 0-based paragraph numbers."""
    sentences: list[Sentence] = []
    for number, (para_start, para_end) in enumerate(paragraph_spans(text)):
        for start, end in _sentence_spans(text, para_start, para_end):
            sentences.append(Sentence(text[start:end], start, end, number))
    return sentences


def quoted_sentences(text: str, sentence: Sentence) -> list[Sentence]:
    """Return the sentences of a quotation that spans several, split; else [sentence]."""
    has_mark = "“" in sentence.text or '"' in sentence.text
    if not has_mark or not quote_spans(text, sentence.start, sentence.end):
        return [sentence]
    spans = _sentence_spans(text, sentence.start, sentence.end, through_quotes=True)
    if len(spans) < 2:
        return [sentence]
    return [Sentence(text[start:end], start, end, sentence.paragraph) for start, end in spans]


def _sentence_spans(
    text: str, start: int, end: int, *, through_quotes: bool = False
) -> list[tuple[int, int]]:
    """Return the trimmed sentence spans of the paragraph text[start:end]."""
    # Through quotes, a quotation's own sentences are split too (each may be a claim).
    quotes = [] if through_quotes else quote_spans(text, start, end)
    quote_starts = [open_at for open_at, _ in quotes]

    def inside_quote(position: int) -> bool:
        # position is the last character kept in the sentence; it is inside a
        # quote when it lies strictly between that quote's marks.
        slot = bisect.bisect_right(quote_starts, position - 1) - 1
        return slot >= 0 and quotes[slot][0] < position < quotes[slot][1]

    spans: list[tuple[int, int]] = []
    sentence_start = start
    index = start
    while index < end:
        char = text[index]
        if char in TERMINAL_PUNCTUATION:
            run_end = index
            while run_end < end and text[run_end] in TERMINAL_PUNCTUATION:
                run_end += 1
            cut = run_end
            while cut < end and text[cut] in CLOSERS:
                cut += 1
            # "1." opening a list item is its marker, not a sentence.
            first = sentence_start
            while first < index and text[first].isspace():
                first += 1
            # A marker is at most four characters ("123."): checking only then keeps this linear.
            marker = _LIST_MARKER.match(text, first, end) if run_end - first <= 4 else None
            is_marker = marker is not None and text[first:run_end] == text[first : marker.end()].rstrip()
            if (
                not is_marker
                and _ends_sentence(text, start, end, index, run_end, cut)
                and not inside_quote(cut - 1)
            ):
                spans.append((sentence_start, cut))
                sentence_start = cut
            index = run_end
            continue
        if char == "\n":
            ends_line = _ends_heading_line(text, sentence_start, index, end) or _LIST_MARKER.match(
                text, index + 1, end
            )
            if ends_line and not inside_quote(index):
                spans.append((sentence_start, index))
                sentence_start = index
        index += 1
    spans.append((sentence_start, end))
    trimmed = (_trim(text, span_start, span_end) for span_start, span_end in spans)
    return [span for span in trimmed if span[0] < span[1]]


def _ends_sentence(text: str, para_start: int, para_end: int, punct: int, run_end: int, cut: int) -> bool:
    """Return whether the punctuation run text[punct:run_end] ends a sentence."""
    following = cut
    while following < para_end and text[following].isspace():
        following += 1
    if following == cut or following >= para_end:
        # No whitespace after it, or the paragraph ends: the paragraph end splits anyway.
        return False
    next_char = text[following]
    if not (next_char.isupper() or next_char.isdigit() or next_char in OPENERS):
        return False
    run = text[punct:run_end]
    if set(run) == {"."}:
        if len(run) > 1:
            return False  # an ellipsis inside a sentence
        if punct - 2 >= para_start and text[punct - 1] == " " and text[punct - 2] == ".":
            return False  # the last dot of a spaced ". . ." ellipsis
        if _is_abbreviation(text, para_start, punct):
            return False
    return True


def _is_abbreviation(text: str, para_start: int, dot: int) -> bool:
    """Return whether the full stop at text[dot] closes an abbreviation or an initial."""
    word_start = dot
    while word_start > para_start and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:dot]
    if not word:
        return False
    if word in ABBREVIATIONS or word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1:
        # "J. K. Rowling" initials, and the last letter of "U.S." or "a.m.".
        if word.isupper():
            return True
        return word_start - 2 >= para_start and text[word_start - 1] == "." and text[word_start - 2].isalpha()
    return False


def _ends_heading_line(text: str, sentence_start: int, newline: int, para_end: int) -> bool:
    """Return whether the sentence so far, ending at the line break text[newline], is a heading."""
    # Judging the whole sentence so far, not just the line, keeps hard-wrapped
    # prose together: its lines are short but the sentence is not.
    if newline - sentence_start > HEADING_LINE_MAX_CHARS:
        return False  # cheap exit that also keeps long paragraphs linear
    line = text[sentence_start:newline].strip()
    words = line.split()
    if not words or "\n" in line or _has_terminal_punctuation(line) or len(words) > HEADING_LINE_MAX_WORDS:
        return False
    if words[-1].lower() in FUNCTION_WORDS | DETERMINERS:
        return False  # "... said on\nMonday": a wrapped line, not a heading
    following = newline + 1
    while following < para_end and text[following].isspace():
        following += 1
    if following >= para_end:
        return False
    next_char = text[following]
    return next_char.isupper() or next_char.isdigit() or next_char in OPENERS


def _has_terminal_punctuation(text: str) -> bool:
    """Return whether text ends with . ! ? or an ellipsis, before any closing marks."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL_PUNCTUATION + "…"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return (start, end) moved inwards past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def has_credit(text: str) -> bool:
    """Return whether text carries a photo credit or copyright line."""
    return any(pattern.search(text) for pattern in _CREDIT_PATTERNS)


def is_heading(text: str) -> bool:
    """Return whether text is a short line with no final punctuation, such as a heading."""
    stripped = text.strip()
    return (
        bool(stripped)
        and not _has_terminal_punctuation(stripped)
        and len(stripped.split()) <= HEADING_MAX_WORDS
    )


def is_boilerplate(text: str) -> bool:
    """Return whether text is site furniture such as "Read more" or "Sign up"."""
    return _BOILERPLATE.match(normalise(text.strip())) is not None


def byline_length(text: str, start: int = 0, end: int | None = None) -> int:
    """Return the length of a "By Jane Smith" line opening text[start:end], or 0."""
    match = _BYLINE.match(text, start, len(text) if end is None else end)
    return match.end() - start if match else 0


def dateline_length(text: str, start: int = 0, end: int | None = None) -> int:
    """Return the length of a "KYIV, April 5 (Reuters) -" dateline opening text[start:end], or 0."""
    match = _DATELINE.match(text, start, len(text) if end is None else end)
    if not match:
        return 0
    place = match.group(0).split(",")[0].split("(")[0].strip(" \t-–—")
    # "US -" or "A -" alone is too weak: a dateline place is an upper-case word
    # of three letters or more.
    if not any(len(word) >= 3 and word.isupper() for word in place.split()):
        return 0
    return match.end() - start


def list_marker_length(text: str, start: int = 0, end: int | None = None) -> int:
    """Return the length of a list item's marker ("- ", "1. ") opening text[start:end], or 0."""
    match = _LIST_MARKER.match(text, start, len(text) if end is None else end)
    return match.end() - start if match else 0


def claim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span of text[start:end] without its leading list marker, byline and dateline."""
    # A byline, then a dateline, is all an article puts before its first words.
    for _ in range(MAX_PREFIXES):
        skip = (
            list_marker_length(text, start, end)
            or byline_length(text, start, end)
            or dateline_length(text, start, end)
        )
        if not skip:
            break
        start, end = _trim(text, start + skip, end)
    return start, end

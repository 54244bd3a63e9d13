"""Sentence and paragraph splitting, offsets, and the non-prose detectors."""

import pytest

from verification.extraction import Sentence, split_sentences
from verification.extraction.segmentation import (
    body_start,
    byline_length,
    claim_span,
    dateline_length,
    has_credit,
    is_boilerplate,
    is_heading,
    paragraph_spans,
)


def texts(source: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(source)]


def test_splits_on_terminal_punctuation_before_a_capital():
    assert texts("Troops left the town. Residents returned! Was it safe? Nobody knew.") == [
        "Troops left the town.",
        "Residents returned!",
        "Was it safe?",
        "Nobody knew.",
    ]


def test_splits_before_a_digit_or_an_opening_quote():
    assert texts("It ended. 40 people died. “We saw it,” he said.") == [
        "It ended.",
        "40 people died.",
        "“We saw it,” he said.",
    ]


def test_does_not_split_before_a_lowercase_word():
    assert texts("He said it happened at 3 p.m. yesterday in the square.") == [
        "He said it happened at 3 p.m. yesterday in the square."
    ]


@pytest.mark.parametrize(
    "title",
    ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Sgt."],
)
def test_titles_do_not_end_a_sentence(title):
    assert texts(f"The statement was signed by {title} Smith on Friday. It was short.") == [
        f"The statement was signed by {title} Smith on Friday.",
        "It was short.",
    ]


def test_company_and_date_abbreviations_do_not_end_a_sentence():
    source = "Acme Inc. and Widgets Ltd. merged in Sept. 2021 at No. 10 Main St. in the city. Shares rose."
    assert texts(source) == [
        "Acme Inc. and Widgets Ltd. merged in Sept. 2021 at No. 10 Main St. in the city.",
        "Shares rose.",
    ]


def test_initials_do_not_end_a_sentence():
    assert texts("The book by J. K. Rowling sold well. Critics agreed.") == [
        "The book by J. K. Rowling sold well.",
        "Critics agreed.",
    ]


def test_dotted_acronyms_do_not_end_a_sentence():
    assert texts("The U.S. and the U.N. condemned the attack. The U.K. did too.") == [
        "The U.S. and the U.N. condemned the attack.",
        "The U.K. did too.",
    ]


def test_ellipses_inside_a_sentence_do_not_split():
    assert texts("He paused... Then he spoke again. She waited … Then she left.") == [
        "He paused... Then he spoke again.",
        "She waited … Then she left.",
    ]


def test_a_quote_spanning_sentences_stays_one_sentence():
    source = (
        '"Russian torture chamber. The prayer was carved on the wall. Justice must follow," '
        "read the tweet. It was shared widely."
    )
    assert texts(source) == [
        '"Russian torture chamber. The prayer was carved on the wall. Justice must follow," read the tweet.',
        "It was shared widely.",
    ]


def test_a_curly_quote_spanning_sentences_stays_one_sentence():
    source = "“They were shot. They were tortured before they were killed,” said Anton Herashchenko. He left."
    assert texts(source) == [
        "“They were shot. They were tortured before they were killed,” said Anton Herashchenko.",
        "He left.",
    ]


def test_a_closing_quote_after_the_full_stop_stays_with_its_sentence():
    assert texts("“We left.” Then the shelling began.") == ["“We left.”", "Then the shelling began."]


def test_an_unclosed_quote_falls_back_to_normal_splitting():
    source = "He wrote: “The town fell. Many fled. Nobody came back.\n\nA new paragraph starts. It ends."
    assert texts(source) == [
        "He wrote: “The town fell.",
        "Many fled.",
        "Nobody came back.",
        "A new paragraph starts.",
        "It ends.",
    ]


def test_an_unclosed_straight_quote_falls_back_to_normal_splitting():
    assert texts('He wrote: "The town fell. Many fled.') == ['He wrote: "The town fell.', "Many fled."]


def test_offsets_slice_the_source_and_exclude_surrounding_whitespace():
    source = "  \n First one.   Second one!\n\n\n  Third one?  \n"
    sentences = split_sentences(source)
    assert [sentence.text for sentence in sentences] == ["First one.", "Second one!", "Third one?"]
    for sentence in sentences:
        assert source[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_paragraphs_are_numbered_from_zero_across_blank_lines():
    source = "One. Two.\n\nThree.\n   \n\nFour."
    assert [(s.text, s.paragraph) for s in split_sentences(source)] == [
        ("One.", 0),
        ("Two.", 0),
        ("Three.", 1),
        ("Four.", 2),
    ]


def test_a_single_line_break_does_not_start_a_paragraph():
    source = "The first line of a paragraph that is\nwrapped onto a second line. Next."
    first = "The first line of a paragraph that is\nwrapped onto a second line."
    assert split_sentences(source)[0] == Sentence(first, 0, len(first), 0)


def test_a_short_heading_line_is_its_own_sentence():
    assert texts("Balakliya\nDestroyed vehicles on a road. AFP / Juan BARRETO") == [
        "Balakliya",
        "Destroyed vehicles on a road.",
        "AFP / Juan BARRETO",
    ]


def test_a_wrapped_line_ending_in_a_function_word_is_not_a_heading():
    assert texts("Officials said on\nMonday that the town fell.") == [
        "Officials said on\nMonday that the town fell."
    ]


def test_a_leading_date_header_is_not_part_of_any_sentence():
    source = " date 2022-04-05 Ukrainian officials say that they found it.\n\nMore text."
    sentences = split_sentences(source)
    assert sentences[0].text == "Ukrainian officials say that they found it."
    assert sentences[0].start == source.index("Ukrainian")
    assert body_start(source) == len(" date 2022-04-05")
    assert body_start("Dated reports say so.") == 0


def test_paragraph_spans_are_trimmed():
    source = "\n  Alpha beta.  \n\n Gamma. \n"
    assert [source[start:end] for start, end in paragraph_spans(source)] == ["Alpha beta.", "Gamma."]


@pytest.mark.parametrize("source", ["", "   ", "\n\n\n", "\t \n \r\n"])
def test_empty_and_blank_text_has_no_sentences(source):
    assert split_sentences(source) == []


@pytest.mark.parametrize(
    "line",
    [
        "Destroyed armored vehicles on a road. AFP / Juan BARRETO",
        "Residents queue for bread. Photo: Jane Doe",
        "Soldiers walk past a building (Getty Images)",
        "A destroyed bridge. Reuters/Gleb Garanich",
        "The square at dawn. © Agency 2022",
        "Image credit: Ministry of Defence",
        "Picture: handout",
    ],
)
def test_credit_lines_are_recognised(line):
    assert has_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "A Reuters/Ipsos poll found that 40 percent of voters agreed.",
        "KYIV, April 5 (Reuters) - Ukraine said five people were killed.",
        "Ukrainian officials say that they have discovered a torture room.",
    ],
)
def test_prose_is_not_a_credit(line):
    assert not has_credit(line)


def test_headings_are_short_and_unpunctuated():
    assert is_heading("Balakliya")
    assert is_heading("War in Ukraine: the latest")
    assert not is_heading("Russian troops seized the town.")
    assert not is_heading(
        "Russian troops seized the town in early March while residents were sleeping and then"
    )


def test_boilerplate_openers_are_recognised():
    assert is_boilerplate("Read more: Russia denies the claims")
    assert is_boilerplate("Sign up to our free newsletter.")
    assert is_boilerplate("Click here to subscribe.")
    assert not is_boilerplate("Officials read the statement aloud.")
    assert not is_boilerplate("Subscribers said the service was cut.")


def test_bylines_are_found_only_when_alone_on_their_line():
    assert byline_length("By Jane Smith") == len("By Jane Smith")
    assert byline_length("By Jane Smith and John Doe\nKYIV - text") == len("By Jane Smith and John Doe\n")
    assert byline_length("By Monday the troops had left.") == 0


@pytest.mark.parametrize(
    ("sentence", "dateline"),
    [
        ("KYIV, April 5 (Reuters) - Ukraine said five people died.", "KYIV, April 5 (Reuters) - "),
        ("LONDON (AP) — Police arrested 12 people.", "LONDON (AP) — "),
        ("NEW YORK - Markets fell.", "NEW YORK - "),
    ],
)
def test_datelines_are_measured(sentence, dateline):
    assert dateline_length(sentence) == len(dateline)


def test_a_short_capitalised_word_before_a_dash_is_not_a_dateline():
    assert dateline_length("US - China talks resumed.") == 0
    assert dateline_length("Ukraine said it - again.") == 0


def test_claim_span_moves_past_bylines_and_datelines():
    source = "By Jane Smith\nKYIV, April 5 (Reuters) - Ukraine said five people died."
    start, end = claim_span(source, 0, len(source))
    assert source[start:end] == "Ukraine said five people died."


def test_list_items_are_sentences_of_their_own_and_markers_stay_out_of_claims():
    source = (
        "Key points:\n\n"
        "- Russian troops killed 12 civilians in Irpin on Sunday, officials said.\n"
        "- The mayor said 30 buildings were destroyed.\n"
        "• Police detained five men in Lviv on Monday.\n\n"
        "1. The ministry reported 40 tanks destroyed near Kharkiv.\n"
        "2. Prices rose 5 percent in March, the bank said."
    )
    assert texts(source) == [
        "Key points:",
        "- Russian troops killed 12 civilians in Irpin on Sunday, officials said.",
        "- The mayor said 30 buildings were destroyed.",
        "• Police detained five men in Lviv on Monday.",
        "1. The ministry reported 40 tanks destroyed near Kharkiv.",
        "2. Prices rose 5 percent in March, the bank said.",
    ]
    item = split_sentences(source)[4]
    start, end = claim_span(source, item.start, item.end)
    assert source[start:end] == "The ministry reported 40 tanks destroyed near Kharkiv."


def test_a_hyphen_inside_a_wrapped_line_is_not_a_list_marker():
    assert texts("Officials said the vote was 52 - 48 in\nfavour of the bill.") == [
        "Officials said the vote was 52 - 48 in\nfavour of the bill."
    ]

"""Claimants and hedges, sentence by sentence and across a document."""

import pytest

from verification.extraction import split_sentences
from verification.extraction.attribution import (
    find_hedges,
    is_quote_only,
    resolve_claimants,
    sentence_attribution,
    verification_hedge,
)


def claimant(sentence: str) -> str | None:
    return sentence_attribution(sentence).claimant


def claimants(text: str) -> list[str | None]:
    return resolve_claimants(split_sentences(text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "“They tortured civilians,” the Prosecutor General’s Office said in a Facebook post.",
            "the Prosecutor General’s Office",
        ),
        ("“These are war crimes,” said Mr Zelensky, who was wearing body armour.", "Mr Zelensky"),
        ("“These are war crimes,” said Mr. Zelensky.", "Mr. Zelensky"),
        ("“They were shot,” said Anton Herashchenko, an adviser to the ministry.", "Anton Herashchenko"),
        ('"I was taken from the street," said Artem.', "Artem"),
        ("“We will rebuild,” the mayor told reporters.", "the mayor"),
    ],
)
def test_a_speaker_after_a_quote_is_the_claimant(sentence, expected):
    assert claimant(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ukrainian officials say that they have discovered a torture room.", "Ukrainian officials"),
        ("Ukrainian officials have accused Russia of carrying out genocide.", "Ukrainian officials"),
        ("The officials claimed that they discovered a torture chamber.", "The officials"),
        ("The Telegraph reported that officials showed them bloodstains.", "The Telegraph"),
        ("A Balakliya resident told the publication that troops held him.", "A Balakliya resident"),
        ("But Russia has maintained that its troops have not committed war crimes.", "Russia"),
        ("It is not the first time that Ukraine has accused Russia of war crimes.", "Ukraine"),
        ("The man identified only as Artem said that he was tortured.", "Artem"),
        ("A school principal called Tatiana said that she was held.", "Tatiana"),
        ("Officials in Kharkiv reportedly said that 20 people died.", "Officials in Kharkiv"),
        ("The governor of the Kharkiv region confirmed the deaths.", "The governor of the Kharkiv region"),
    ],
)
def test_the_subject_of_a_reporting_verb_is_the_claimant(sentence, expected):
    assert claimant(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            ("The Ukrainian Prosecutor General’s Office posted graphic images of the room in Bucha "
            "and alleged that civilians were tortured."),
            "The Ukrainian Prosecutor General’s Office",
        ),
        (
            ("Ukrainian President Volodymyr Zelensky visited Bucha on Monday "
            "and said that the killing had made talks harder."),
            "Ukrainian President Volodymyr Zelensky",
        ),
        (
            ("The Ukrainian Defence Ministry took to Twitter to post a picture "
            "of what they claimed to be a torture chamber."),
            "The Ukrainian Defence Ministry",
        ),
        (
            ("Ukrainian officials also took journalists, including Reuters, "
            "to the basement of what they described as a summer residence."),
            "Ukrainian officials",
        ),
    ],
)
def test_a_coordinated_or_pronoun_verb_takes_the_leading_noun_phrase(sentence, expected):
    assert claimant(sentence) == expected


def test_no_reporting_verb_and_no_quote_means_no_claimant():
    assert claimant("The Russians seized Balakliya in early March.") is None
    assert claimant("The claims appeared in a report.") is None


def test_a_passive_reporting_verb_has_no_claimant():
    assert claimant("The site is said to be the largest mass grave so far.") is None


def test_according_to_names_the_source():
    assert claimant("According to the ministry, 40 people died.") == "the ministry"


def test_pronoun_subjects_refer_back_to_the_last_claimant():
    text = (
        "“They were shot,” said Anton Herashchenko, an adviser.\n\n"
        "Ukrainian officials say that they found bodies.\n\n"
        "They said that all five had been killed.\n\n"
        "He claimed that the soldiers stayed for three weeks."
    )
    assert claimants(text) == [
        "Anton Herashchenko",
        "Ukrainian officials",
        "Ukrainian officials",
        "Anton Herashchenko",
    ]


def test_it_refers_back_to_an_organisation():
    text = (
        "“Soldiers killed them,” the Prosecutor General’s Office said.\n\n"
        "It also shared pictures of people that it says were killed."
    )
    assert claimants(text) == ["the Prosecutor General’s Office", "the Prosecutor General’s Office"]


def test_a_pronoun_with_nobody_to_refer_to_has_no_claimant():
    assert claimants("He said the town had fallen.") == [None]


def test_a_quote_only_paragraph_continues_the_previous_speaker():
    text = (
        "“These are war crimes,” said Mr Zelensky.\n\n"
        "“It is very difficult,” he added.\n\n"
        "“We know of thousands of people killed.”\n\n"
        "The Russians seized the town in March.\n\n"
        "“Nobody came back.”"
    )
    assert claimants(text) == ["Mr Zelensky", "Mr Zelensky", "Mr Zelensky", None, None]


def test_a_document_speaks_for_the_last_claimant():
    text = (
        "The Ukrainian Defence Ministry took to Twitter to post a picture "
        "of what they claimed to be a torture chamber.\n\n"
        '"Russian torture chamber in liberated Balakliya," read the tweet posted with a picture.'
    )
    assert claimants(text) == ["The Ukrainian Defence Ministry", "The Ukrainian Defence Ministry"]


def test_a_document_with_no_earlier_claimant_is_named_as_written():
    assert claimants('"The town is free," read the statement.') == ["the statement"]


def test_quote_only_sentences_are_recognised():
    assert is_quote_only("“We know of thousands of people killed.”")
    assert not is_quote_only("“We know,” he said.")
    assert not is_quote_only("They called it a “torture room”.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ukrainian officials have accused Russia of genocide.", ("accused",)),
        ("The office alleged that civilians were tortured.", ("alleged",)),
        ("The soldiers allegedly shot them.", ("allegedly",)),
        ("He was reportedly held for 40 days.", ("reportedly",)),
        ("A purportedly leaked, unconfirmed memo circulated.", ("purportedly", "unconfirmed")),
        ("It is said to be the largest grave.", ("said to be",)),
        ("They took journalists to what they described as a summer camp.", ("what they described as",)),
        ("The officials claimed that they discovered a chamber.", ("claimed",)),
        ("Troops seized the town in March.", ()),
    ],
)
def test_hedges_are_found_in_order(sentence, expected):
    assert find_hedges(sentence) == expected


def test_verification_disclaimers_are_recognised():
    assert verification_hedge("The Independent has not verified the claims.") == "has not verified"
    assert (
        verification_hedge("Reuters could not independently verify the report.")
        == "could not independently verify"
    )
    assert (
        verification_hedge("Reuters could not independently confirm the figures.")
        == "could not independently confirm"
    )
    assert verification_hedge("Officials verified the figures.") is None


def test_a_publisher_disclaimer_is_no_speaker_for_a_later_pronoun():
    from verification.extraction import extract_claims

    text = (
        "Russian shelling killed 12 people in Kharkiv on Tuesday, the regional governor said. "
        "Reuters could not independently confirm the figures. "
        "He added that 30 people were wounded in the shelling."
    )
    claims = extract_claims(text)
    assert [claim.claimant for claim in claims] == ["the regional governor", "the regional governor"]
    assert claims[0].hedges == ("could not independently confirm",)


def test_news_agencies_and_institutions_are_not_the_he_of_a_later_sentence():
    from verification.extraction import extract_claims

    text = (
        "The governor said 30 people were hurt in Kharkiv. "
        "Russian shelling killed 12 people on Tuesday, Reuters reported. "
        "He added that 5 schools were hit."
    )
    assert [claim.claimant for claim in extract_claims(text)] == ["The governor", "Reuters", "The governor"]


def test_she_refers_to_the_nearest_woman_not_the_last_man_quoted():
    text = (
        "“The count was falsified,” said opposition leader Mark Berg.\n\n"
        "Prime Minister Anna Kovac rejected the accusation. "
        "She said her government had cut unemployment in half."
    )
    assert claimants(text)[-1] == "Prime Minister Anna Kovac"


def test_he_skips_a_woman_named_later_and_keeps_the_man_a_surname_stands_for():
    text = (
        "Opposition leader Mark Berg said the count had been falsified.\n\n"
        "“These were clean elections,” said Elena Pirez.\n\n"
        "“We will appeal,” Berg said. He said 3,000 complaints had been filed."
    )
    found = claimants(text)
    assert found[0] is not None
    assert found[0].endswith("Mark Berg")
    assert found[1:] == ["Elena Pirez", "Berg", "Berg"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia’s defence ministry on Wednesday denied that its jets flew.", "Russia’s defence ministry"),
        ("The agency last week said it had opened an investigation.", "The agency"),
        ("Hospitals admitted 212 children, officials said on Monday.", "officials"),
        ("Fire killed three workers, the region’s government said on Thursday.", "the region’s government"),
        ("Prosecutors charged the manager, the agency said in a statement.", "the agency"),
    ],
)
def test_a_time_is_never_the_claimant_and_a_closing_attribution_wins(sentence, expected):
    assert claimant(sentence) == expected


def test_it_refers_to_a_named_company_not_an_earlier_government():
    text = (
        "The fire killed three workers, the regional government said.\n\n"
        "The company, Hallam Industries, said the plant had passed an inspection. "
        "It said 120 staff had been evacuated."
    )
    assert claimants(text)[-1] in {"Hallam Industries", "The company, Hallam Industries"}


def test_a_later_she_said_closes_a_quote_and_names_its_speaker():
    text = (
        "The health ministry said cases had risen.\n\n"
        "Dr. Amara Osei, the chief medical officer, urged parents to act. "
        "“The vaccine is safe. Two doses protect 97 percent of children,” she said."
    )
    assert claimants(text)[-1] == "Dr. Amara Osei"

"""The same event before a side: places, figures with what they count, denials of the act; pure."""

import pytest

from verification.stance.events import counted, dateline, event_check, places, same_name

BUCHA_STORY = (
    "Ukrainian officials say that they have discovered a torture room in a town seized by Russians.\n\n"
    "The Prosecutor General's Office posted graphic images of the room in Bucha."
)
BALAKLIYA_STORY = (
    'Officials have accused Russia of "blatant genocide" in the recently liberated Balakliya town in the '
    "Kharkiv oblast. The officials claimed that they discovered a torture chamber used by Russian troops."
)


def test_places_are_names_after_a_place_word_or_before_a_place_noun():
    assert places(BALAKLIYA_STORY) == ("balakliya", "kharkiv")
    assert places("The ministry said so in a Facebook post, near Kyiv, from Russian troops.") == ("kyiv",)


def test_a_formula_or_a_model_number_is_no_place():
    assert places("The rise in CO2 and in CO 2 levels, seen in Boeing 737 flights from Kyiv, is real.") == (
        "kyiv",
    )
    check = event_check(
        "That humans are causing the rise in atmospheric CO2 is confirmed by isotopic analyses.",
        "The recent rise in CO 2 levels in the atmosphere is known to be mainly due to human activity.",
    )
    assert not check.different_event


def test_a_place_the_claim_names_in_passing_is_the_same_place():
    # "Izium" follows a comma, not a place word: still a place the claim speaks of.
    check = event_check(
        "Shelling damaged schools in Kharkiv, Izium and the villages around them.",
        "Three schools were damaged by shelling in Izium on Monday.",
    )
    assert not check.different_event
    assert "place: izium" in check.agreeing


def test_a_town_is_not_another_place_than_its_country_but_two_towns_are_two_places():
    town_and_country = event_check(
        "Russian troops tortured civilians in Bucha.", "Russian troops tortured civilians in Ukraine."
    )
    assert not town_and_country.different_event
    two_towns = event_check(
        "Russian troops tortured civilians in Bucha, Ukraine.",
        "Officials found a torture chamber in Balakliya in Ukraine.",
    )
    assert two_towns.different_event
    assert "place: claim bucha, passage balakliya" in two_towns.clashing
    two_countries = event_check("Protests spread in Iran on Monday.", "Protests spread in Iraq on Monday.")
    assert two_countries.clashing == ("place: claim iran, passage iraq",)


def test_a_town_taken_shelled_or_besieged_is_a_place():
    check = event_check(
        "The Rapid Support Forces seized Wad Madani.",
        "The Rapid Support Forces took control of El Fasher in 2024.",
    )
    assert check.clashing == ("place: claim wad madani, passage el fasher",)
    assert places("Troops shelled Kherson and besieged Mariupol.") == ("kherson", "mariupol")


def test_a_country_is_not_another_place_than_a_continent_but_two_continents_are():
    in_europe = event_check(
        "Melting ice may bring even worse weather to Europe.",
        "Melting ice in Greenland could soon raise sea levels worldwide.",
    )
    assert not in_europe.different_event
    two_continents = event_check("Heat waves spread in Europe in July.", "Heat waves spread in Asia in July.")
    assert two_continents.clashing == ("place: claim europe, passage asia",)


def test_one_country_by_two_names_is_one_place():
    check = event_check("A giant crab was spotted in the UK.", "It was photographed in the United Kingdom.")
    assert not check.different_event
    assert "place: united kingdom" in check.agreeing


def test_an_acronym_is_no_place_and_a_title_cased_headline_names_only_countries():
    assert places("The company will split into enterprise and PC businesses.") == ()
    assert places("Isis Leader Injured in US Air Strike Near Qaim") == ()
    assert places("Burgers are not sold in two US McDonald's restaurants.") == ()
    assert places("Thousands of Protesters Gather in Iran After Disputed Vote") == ("iran",)
    # A sentence is not a headline for its names' capitals.
    assert places("The Rapid Support Forces seized Wad Madani") == ("wad madani",)


def test_a_country_whose_name_ends_as_a_demonym_is_a_place():
    text = "Protests spread in Iran and in Sudan, said a Russian in Japan."
    assert places(text) == ("iran", "sudan", "japan")


def test_balakliya_is_not_bucha_even_when_the_sentence_names_no_town():
    check = event_check(
        "Ukrainian officials say that they discovered a torture room in a town seized from Russian troops.",
        "The officials claimed that they discovered a torture chamber used by Russian troops.",
        claim_context=BUCHA_STORY,
        passage_context=BALAKLIYA_STORY,
    )
    assert check.different_event
    assert check.clashing == ("place: claim bucha, passage balakliya, kharkiv",)


def test_the_same_town_agrees():
    check = event_check(
        "Troops left Bucha on Monday.", "Residents of Bucha said troops left in Bucha on Monday."
    )
    assert not check.different_event
    assert "place: bucha" in check.agreeing


def test_a_corrected_figure_supports_the_right_one_and_contradicts_the_other():
    passage = "Turnout was 71.4 percent, not the 64 percent first reported."
    right = event_check("Turnout in the election was 71.4 percent.", passage)
    wrong = event_check("Turnout in the election was 64 percent.", passage)
    assert right.figure_agrees
    assert right.figure_confirmed
    assert not right.figure_clashes
    assert not right.denial
    assert right.agreeing == ("same figure: 71.4% (turnout election), not 64%",)
    assert wrong.figure_clashes
    assert not wrong.figure_agrees
    assert not wrong.figure_confirmed
    assert wrong.clashing == ("figure denied: passage says not 64%",)


def test_a_percentage_of_something_else_is_neither_agreement_nor_clash():
    check = event_check(
        "Turnout in the election was 71.4 percent.", "Measles vaccination reached 81% of children."
    )
    assert not check.figure_clashes
    assert not check.figure_agrees
    assert check.other_subjects == (
        "81% (measles vaccination reached children) is not about turnout election",
    )


@pytest.mark.parametrize("figure", ["61.7%", "61.7 percent", "61.7 per cent"])
def test_a_unit_written_out_leaves_room_for_what_the_figure_counts(figure):
    claim = "Turnout in the Polish parliamentary election was 74.4 percent"
    passage = f"Final results showed turnout of {figure} in the Polish parliamentary election, they said."
    (counted_figure,) = counted(passage)
    assert "polish" in counted_figure.subject
    check = event_check(claim, passage)
    assert check.figure_clashes
    assert check.clashing == ("figure differs: claim 74.4% (polish parliamentary election), passage 61.7%",)


def test_another_count_of_the_same_thing_clashes():
    check = event_check(
        "Officials said 40 tanks were destroyed.", "The ministry said 12 tanks were destroyed."
    )
    assert check.figure_clashes
    assert check.clashing == ("figure differs: claim 40 tank (officials destroyed), passage 12",)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("As many as 40 tanks were destroyed.", "The ministry said 12 tanks were destroyed."),
        ("CO2 has climbed as high as 7,000 parts per million.", "CO2 stands at 409 parts per million."),
        ("Officials said 12 tanks were destroyed.", "More than 10 tanks were destroyed, the ministry said."),
        ("Sea level could rise by 10 to 15 feet.", "Sea level could rise 13 feet."),
        ("The flu killed 40–50 million people.", "The flu killed 45 million people."),
    ],
)
def test_a_value_within_a_bound_is_no_other_figure(claim, passage):
    check = event_check(claim, passage)
    assert not check.figure_clashes
    assert not check.clashing


def test_a_value_beyond_a_bound_still_clashes():
    check = event_check("More than 400 people were arrested.", "Police arrested 120 people.")
    assert check.clashing == ("figure differs: claim 400 people (arrested), passage 120",)
    beyond_range = event_check("Sea level could rise by 10 to 15 feet.", "Sea level could rise 30 feet.")
    assert beyond_range.clashing == ("figure differs: claim 15 feet (level rise), passage 30",)


def test_both_ends_of_a_range_count_the_same_thing():
    low, high = counted("Sea level could rise by 10 to 15 feet.")
    assert (low.quantity.unit, low.bound) == ("feet", "lower")
    assert (high.quantity.unit, high.bound) == ("feet", "upper")


def test_a_number_remembers_what_it_counts():
    turnout, correction = counted("Turnout was 71.4 percent, not the 64 percent reported.")
    assert turnout.subject == ("turnout",)
    assert not turnout.negated
    assert correction.negated
    assert "turnout" in correction.subject


def test_a_denial_of_the_actor_and_act_contradicts():
    check = event_check(
        "A resident said that Russian troops held him at a police station and tortured him.",
        "But Russia has maintained that its troops have not committed war crimes.",
    )
    assert check.denial == "denies the act by russian, troops: “not committed war crimes”"


def test_a_not_that_denies_something_else_is_no_denial():
    claim = "Russian troops tortured civilians in the police station."
    assert not event_check(
        claim, "It is not the first time that Ukraine has accused Russia of war crimes."
    ).denial
    assert not event_check(claim, "Russian troops did not leave the town until Friday.").denial
    # Another actor's denial does not deny what the claim says Russian troops did.
    assert not event_check(claim, "The Ukrainian army said its soldiers had not tortured anyone.").denial


def test_the_claims_speaker_is_not_its_actor():
    check = event_check(
        "“These are war crimes and will be recognised as genocide,” said Mr Zelensky.",
        "But Russia has maintained that its troops have not committed war crimes.",
    )
    assert check.denial == "denies the act: “not committed war crimes”"


def test_a_general_denial_is_not_another_event_for_lack_of_a_town():
    check = event_check(
        "“These are war crimes,” said Mr Zelensky.",
        "But Russia has maintained that its troops have not committed war crimes.",
        claim_context=BUCHA_STORY,
        passage_context=BALAKLIYA_STORY,
    )
    assert check.denial
    assert not check.different_event


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The sun has not warmed since 1970", "Since the 1950s, heat waves have become more frequent."),
        ("Loehle and Scafetta find a 60 year cycle", "A study published in 2015 proposed a 60-year pattern."),
        ("Sea level rose between 1992 and 2007", "Sea level has risen 3 mm a year since 1993."),
    ],
)
def test_spans_decades_and_durations_are_not_another_event(claim, passage):
    assert not event_check(claim, passage).different_event


def test_a_year_still_to_come_dates_a_forecast_not_another_event():
    check = event_check(
        "In 1999 New Scientist reported that glaciers in the Himalaya were receding.",
        "Glaciers in the Himalaya are receding and could disappear in 2135, New Scientist reported.",
    )
    assert not check.different_event


def test_two_calendar_years_are_two_events():
    check = event_check("Police arrested the mayor in 2014", "Police arrested the mayor in 2019.")
    assert check.different_event
    assert "year: claim 2014, passage 2019" in check.clashing


def test_a_claim_that_reports_a_denial_is_echoed_not_denied_by_the_denial():
    claim = "Russia denies its troops committed war crimes"
    check = event_check(claim, "But Russia has maintained that its troops have not committed war crimes.")
    assert not check.denial
    assert check.echoes_denial.startswith("makes the denial the claim reports")
    plain = event_check(
        "Russian troops committed war crimes", "Russia said its troops have not committed war crimes."
    )
    assert plain.denial
    assert not plain.echoes_denial


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Russian troops hid the bodies in a forest.", "Russian troops have not hidden any bodies."),
        ("Russian troops took hostages in the town.", "The army said its troops were not taking hostages."),
        ("Russian forces used cluster munitions.", "Russian forces are not using cluster munitions."),
    ],
)
def test_a_denial_meets_the_act_in_another_tense(claim, passage):
    assert event_check(claim, passage).denial


def test_a_possessive_names_its_owner_as_the_actor():
    claim = "A witness said that Russian troops tortured civilians in Balakliya."
    denial = "Russia's defence ministry on Wednesday denied that it had tortured anyone."
    assert "russia" in event_check(claim, denial).denial
    # Whose ministry it is matters: Ukraine's denial is not Russia's.
    assert not event_check(claim, "Ukraine's defence ministry denied that it had tortured anyone.").denial


def test_a_coast_guards_denial_of_its_act_in_another_form_contradicts():
    check = event_check(
        "China's coast guard used water cannon against a Philippine supply boat.",
        "China's coast guard said it had acted lawfully and denied using water cannon.",
    )
    assert check.denial.startswith("denies the act by")


def test_a_correction_without_its_unit_counts_in_the_number_it_corrects():
    passage = "Floods in the region killed 15 people, not 9 as officials said earlier."
    right = event_check("Floods in the region killed 15 people.", passage)
    assert right.figure_confirmed
    assert right.agreeing == ("same figure: 15 people (floods region killed), not 9",)
    wrong = event_check("Floods in the region killed 9 people.", passage)
    assert wrong.clashing == ("figure denied: passage says not 9",)


def test_a_noun_in_ing_under_a_negation_is_no_act_denied():
    claim = "Russian troops shelled a building in Kharkiv."
    assert not event_check(claim, "Russian troops did not enter the building until Monday.").denial


@pytest.mark.parametrize(
    ("story", "filed"),
    [
        ("LYON, France, Oct 6 - Police arrested a man.", ("lyon", "france")),
        ("THE HAGUE, Nov 27 - Dutch health authorities are testing a farm worker.", ("the hague",)),
        ("KYIV (Reuters) - Missiles struck overnight.", ("kyiv",)),
        ("MALATYA, Turkey, March 11, 2025 - A magnitude 6.4 earthquake struck.", ("malatya", "turkey")),
        ("Floods hit the north\n\nBERGEN, Norway, Feb 14 - The glacier retreated.", ("bergen", "norway")),
        ("BREAKING - Missiles struck overnight.", ()),
        ("US, UK agree - a deal is near.", ()),
        ("NATO said on Monday that it would meet.", ()),
    ],
)
def test_a_wire_dateline_names_where_the_story_was_filed(story, filed):
    assert dateline(story) == filed


def test_a_place_named_by_its_noun_or_before_a_verb_in_the_past_tense_is_a_place():
    assert places("Police in Marseille arrested a teenager.") == ("marseille",)
    assert places("A wildfire burned on the Greek island of Evia for a day.") == ("evia",)
    # A demonym before a place noun qualifies the place; it is not one.
    assert places("Rebels captured the Malian town of Tessit in January.") == ("tessit",)


def test_a_story_filed_from_another_town_is_another_event_where_it_names_no_place():
    story = "LYON, France, Oct 6 - Police arrested a 34-year-old man over a stabbing near the station."
    check = event_check("Police in Marseille arrested a teenager over a shooting.", story)
    assert check.different_event
    assert "place: claim marseille, passage lyon" in check.clashing
    # A sentence of the story without a place of its own takes the dateline from its document.
    later = event_check(
        "Police in Marseille arrested a teenager over a shooting.",
        "The victim was in a stable condition in hospital.",
        passage_context=story,
    )
    assert later.different_event


def test_a_dateline_gives_way_where_the_story_names_the_claims_place():
    # Filed from the capital, about a strike in another city: the dateline is not the event's place.
    story = "KYIV, March 3 - A missile strike on Kharkiv killed 12 people. The strike hit a power plant."
    check = event_check(
        "A missile strike in Kharkiv killed 12 people.",
        "The strike hit a power plant.",
        passage_context=story,
    )
    assert not check.different_event


def test_a_story_filed_months_from_the_claims_month_is_another_event():
    claim = "Dock workers in Antwerp went on strike over pension reform in March 2024."
    story = "ANTWERP, Belgium, Sept 16, 2024 - Dock workers began a 72-hour strike on Monday over pay."
    check = event_check(claim, story)
    assert check.different_event
    assert "date: claim March, story filed in September" in check.clashing
    # Filed before the claimed month: the story cannot report it.
    assert event_check(
        "Daniel Kiprono won the Chicago Marathon in October.", "BERLIN, Sept 28 - Daniel Kiprono won."
    ).different_event


@pytest.mark.parametrize(
    "story",
    [
        # October's figure is news in November.
        "WARSAW, Nov 12 - Inflation eased to 4.9 percent, the statistics office said.",
        # A month named in the passage itself may be the event's, before its filing: the model reads it.
        "WARSAW, Dec 12 - Inflation eased to 4.9 percent in October, then rose in November.",
        # No dateline, no month to compare.
        "Inflation eased to 4.9 percent, the statistics office said.",
    ],
)
def test_a_story_filed_soon_after_or_naming_months_itself_is_not_another_event(story):
    assert not event_check("Inflation in Poland eased to 4.9 percent in October.", story).different_event


def test_a_rounded_figure_is_the_same_figure_but_two_figures_at_one_precision_are_two():
    check = event_check(
        "Elena Vasquez won the runoff with 52 percent of the vote.",
        "Elena Vasquez secured 52.4% of the runoff vote.",
    )
    assert check.figure_agrees
    assert not check.figure_clashes
    assert event_check(
        "Elena Vasquez won the runoff with 52 percent of the vote.",
        "Elena Vasquez secured 52.6% of the runoff vote.",
    ).figure_clashes
    assert event_check(
        "A magnitude 7.0 earthquake struck the province.", "A magnitude 6.4 earthquake struck the province."
    ).figure_clashes
    # A passage rounder than the claim neither states nor denies its figure.
    rounder = event_check(
        "Turnout in the city election was 67.2 percent.", "Turnout in the city election was about 67 percent."
    )
    assert not rounder.figure_agrees
    assert not rounder.figure_clashes


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The bank raised its key rate to 5 percent.", "The bank raised its key rate to 4.75 percent."),
        ("The bank cut its key rate to 1 percent.", "The bank cut its key rate to 0.5 percent."),
        ("The economy grew 2 percent last year.", "The economy grew 1.5 percent last year."),
    ],
)
def test_a_figure_far_from_another_is_another_figure(claim, passage):
    check = event_check(claim, passage)
    assert check.figure_clashes
    assert not check.figure_agrees


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Inflation rose 3 percent last year.", "Inflation rose 2.9 percent last year."),
        ("Sea level rose at 3.2 mm a year.", "Sea level rose at about 3 mm a year."),
        ("Storms left 2 million homes without power.", "Storms left nearly 1.9 million homes without power."),
    ],
)
def test_a_figure_that_rounds_to_another_neither_states_nor_denies_it(claim, passage):
    check = event_check(claim, passage)
    assert not check.figure_clashes
    assert not check.figure_agrees


def test_a_report_said_to_be_unconfirmed_is_marked_so():
    check = event_check(
        "Rebels have taken control of the town of Ber.",
        "Rebels have seized the town of Ber, residents said, though the claim could not be independently "
        "verified.",
    )
    assert check.unconfirmed == "could not be independently verified"
    assert not event_check("Rebels took Ber.", "Rebels took Ber on Saturday, the army said.").unconfirmed
    # An unverified account is an account, not a report said to be unverified.
    assert not event_check("The tweet was fake.", "The tweet came from an unverified account.").unconfirmed
    # "Alleged" alone takes no side away: the arrest of an alleged attacker is an arrest.
    assert not event_check("Police arrested a man.", "Police arrested the alleged attacker.").unconfirmed


def test_a_day_of_the_month_counts_nothing():
    assert [c.quantity.value for c in counted("Turnout in the January 12 election was 52 percent.")] == [52.0]
    assert [c.quantity.value for c in counted("On 12 March, 300 people marched.")] == [300.0]


def test_a_figure_without_a_unit_counts_what_its_words_say():
    check = event_check(
        "Ghana has recorded 1,260 confirmed mpox cases this year.",
        "The number of laboratory-confirmed mpox cases recorded in Ghana this year is 126, "
        "not 1,260 as reported.",
    )
    assert check.figure_clashes
    assert "figure denied: passage says not 1,260" in check.clashing
    # A figure without a unit that corrects nothing may count anything: a price in another currency.
    priced = event_check(
        "Militants are trying to sell the remains for $1 million.",
        "Militants are trying to sell the remains for $1m (£638,000), according to reports.",
    )
    assert not priced.figure_clashes


def test_a_possessive_ends_a_place_name_and_a_name_before_a_verb_is_a_place_whatever_its_ending():
    assert places("An airstrike hit the village of Nyaung Pin Thar in Myanmar's Sagaing region.") == (
        "nyaung pin thar",
        "myanmar",
        "sagaing",
    )
    assert places("A cholera outbreak in Kasese district near the border.") == ("kasese",)
    # Yerevan ends as a demonym does; a demonym is never followed by a verb.
    assert places("Police in Yerevan fired tear gas.") == ("yerevan",)
    assert places("Police in Tbilisi have fired tear gas.") == ("tbilisi",)
    assert places("Reports came from Russian and Ukrainian sources.") == ()


@pytest.mark.parametrize(
    "story",
    [
        "UPDATE (14:30 GMT) - Police fired tear gas.",
        "BREAKING (AP) — Police fired tear gas.",
        "ANALYSIS, Oct 6 - Police fired tear gas.",
        "FACT CHECK, Oct 6 - Police fired tear gas.",
    ],
)
def test_a_slug_or_a_time_is_no_dateline(story):
    assert dateline(story) == ()


def test_a_weekday_is_no_country_of_a_dateline():
    assert dateline("KYIV, Monday (Reuters) - Missiles struck overnight.") == ("kyiv",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling hit the Donetsk region of eastern Ukraine.", ("donetsk",)),
        ("Police in Yerevan detained protesters near the Armenian capital.", ("yerevan",)),
        ("A train left in King's Lynn on Monday.", ("king's lynn",)),
        ("Shares in Apple jumped 5 percent.", ()),
        ("A study published in Nature showed warming.", ()),
        ("Officials at Tesla's Berlin factory said.", ()),
    ],
)
def test_a_demonym_a_possessive_name_or_an_organisation_is_no_place(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    ("claim", "story"),
    [
        # A span, not the date of an event.
        (
            "More than 300 people have died of cholera in Sudan since January.",
            "KHARTOUM, Sudan, Sept 3 - Cholera has killed more than 300 people this year.",
        ),
        # What will be is not dated by the day its story was filed.
        (
            "Parliament will vote on the budget in October.",
            "WARSAW, Sept 16 - Parliament will vote on the budget next month.",
        ),
        # A month the story names, abbreviated with a day, is the story's own.
        (
            "Dock workers in Antwerp went on strike in March.",
            "ANTWERP, Sept 16 - Dock workers, who first struck on Mar. 3, walked out again.",
        ),
        # A name is no month.
        (
            "June Almeida discovered the first coronavirus.",
            "LONDON, Oct 3 - Almeida's discovery was honoured.",
        ),
    ],
)
def test_spans_futures_a_storys_own_months_and_names_are_no_other_month(claim, story):
    assert not event_check(claim, story).different_event


def test_a_month_the_story_names_elsewhere_keeps_its_sentences_on_that_month():
    story = (
        "ANTWERP, Sept 16 - Dock workers who struck in March walked out again. The strike halted the port."
    )
    check = event_check(
        "Dock workers in Antwerp went on strike in March.",
        "The strike halted the port.",
        passage_context=story,
    )
    assert not check.different_event


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("In March 300 people marched.", [300.0]),
        ("By June 40,000 had fled.", [40000.0]),
        ("In October 4.9 percent of them voted.", [4.9]),
        ("The Marc 3 rifle fired.", [3.0]),
    ],
)
def test_a_number_beside_a_month_is_a_day_only_as_a_whole_from_1_to_31(text, counts):
    assert [c.quantity.value for c in counted(text)] == counts


@pytest.mark.parametrize(
    "passage",
    [
        "Police in Leeds arrested a 34-year-old man over a stabbing. The motive is under investigation.",
        "Police in Leeds arrested a man over a stabbing. Police said no one has been charged.",
    ],
)
def test_an_open_question_about_a_side_detail_leaves_the_report_confirmed(passage):
    assert not event_check("Police in Leeds arrested a man over a stabbing.", passage).unconfirmed


def test_words_on_whether_the_report_holds_mark_it_unconfirmed_wherever_they_stand():
    check = event_check(
        "Mayor Paolo Greco took bribes.",
        "Prosecutors allege that the mayor took bribes. The ministry has not confirmed the payments.",
    )
    assert check.unconfirmed == "allege that"


def test_a_place_noun_ending_a_name_leaves_the_same_place():
    assert same_name("sinai", "sinai peninsula")
    assert same_name("gaza strip", "gaza")
    assert not same_name("sinai", "sinai hotel")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A missile strike in Kyiv killed five people.", ("kyiv",)),
        ("Floods in Pakistan displaced thousands.", ("pakistan",)),
        ("The statement, translated into English, said so.", ()),
        ("Aid arrived from Turkish and Kurdish groups.", ()),
        ("Protests spread in the Mexican state of Oaxaca.", ()),
        ("Shops closed in Saudi Arabia's capital.", ("saudi arabia",)),
    ],
)
def test_a_past_tense_after_an_event_a_language_and_a_longer_countrys_possessive(text, expected):
    assert places(text) == expected


def test_a_city_is_not_the_state_it_is_named_after():
    assert not same_name("kansas city", "kansas")
    assert dateline("BREAKING NEWS (AP) - Missiles struck.") == ()


@pytest.mark.parametrize(
    "claim",
    [
        "Poland is set to hold a presidential election in March.",
        "Prices in Poland have risen since January 5.",
        "Ministers in May's cabinet resigned over the budget.",
    ],
)
def test_a_claim_set_for_later_or_spanning_months_is_not_dated_by_a_month(claim):
    assert not event_check(claim, "WARSAW, Oct 6 - The government met on Monday.").different_event


@pytest.mark.parametrize(
    "passage",
    [
        "Halden Foods has no plans to close the Moss factory, a spokeswoman said.",
        "Halden Foods said it will not shut the factory in Moss.",
        "Halden Foods said reports that it planned to close the Moss site were incorrect.",
    ],
)
def test_a_plan_is_denied_by_its_actor_saying_it_will_not_do_it(passage):
    check = event_check("Halden Foods plans to close its factory in Moss", passage)
    assert check.denial.startswith("denies the plan by")


def test_a_claim_that_reports_a_denied_plan_is_agreed_with_by_the_denial():
    check = event_check(
        "Halden Foods denied reports that it intends to shut its factory in Moss",
        "Halden Foods has no plans to close the Moss factory, which employs 340 people.",
    )
    assert not check.denial
    assert check.echoes_denial


def test_no_plans_for_something_else_deny_nothing():
    check = event_check(
        "Halden Foods plans to close its factory in Moss",
        "Halden Foods has no plans to raise prices this year.",
    )
    assert not check.denial


def test_a_figure_given_as_about_one_value_is_stated_by_another_close_by():
    claim = "Silex will invest about $2 billion in a new chip plant"
    stated = event_check(claim, "Silex will invest $1.96 billion in the new chip plant.")
    assert stated.figure_agrees
    assert not stated.figure_clashes
    assert event_check(claim, "Silex will invest $1.5 billion in the new chip plant.").figure_clashes


def test_a_story_only_of_another_country_is_another_event_for_a_claim_that_names_its_country():
    claim = "The Reserve Bank of Australia cut its cash rate to 3.85%"
    other = event_check(
        claim,
        "The Reserve Bank of New Zealand cut its official cash rate to 3.25% on Wednesday.",
        passage_context="The New Zealand dollar slipped after the decision.",
    )
    assert other.different_event
    assert "country: claim australia, passage new zealand" in other.clashing
    nepal = event_check(
        "The World Health Organization has certified Nepal as malaria-free.",
        "The World Health Organization on Monday certified Bhutan as malaria-free.",
    )
    assert nepal.different_event
    # A story that names the claim's country or its people anywhere, or no country, is not another event.
    mentioned = event_check(
        claim,
        "New Zealand's central bank cut its rate to 3.25% on Wednesday.",
        passage_context="Australia's central bank cut its cash rate to 3.85% a day earlier.",
    )
    assert not mentioned.different_event
    assert not event_check(claim, "The bank cut its cash rate to 3.85% on Tuesday.").different_event
    assert not event_check(
        "Iraq shot down two UK planes carrying weapons", "Iraq's army said it shot down two British planes."
    ).different_event
    assert not event_check(
        "A jihadi from Brighton was killed in a Syrian airstrike as Britain prepared to join the war",
        "The jihadi has been killed in an airstrike in Syria.",
    ).different_event


def test_another_of_the_claims_kind_of_event_is_another_event_unless_the_story_names_the_claims():
    claim = "Tadesse Alemu won the Rotterdam Marathon in April"
    other = event_check(claim, "Tadesse Alemu won the Frankfurt Marathon on Sunday in 2 hours 5 minutes.")
    assert other.different_event
    assert "name: claim rotterdam marathon, passage frankfurt marathon" in other.clashing
    both = event_check(
        claim,
        "Tadesse Alemu won the Frankfurt Marathon on Sunday.",
        passage_context="In April he had won the Rotterdam Marathon.",
    )
    assert not both.different_event
    assert not event_check(claim, "Alemu won the race in 2 hours 5 minutes.").different_event


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Halden Foods plans to close its factory in Moss",
            "Halden Foods would not comment on plans to close it.",
        ),
        (
            "Halden Foods plans to close its factory in Moss",
            "Halden Foods did not confirm plans to close the factory.",
        ),
        (
            "Halden Foods plans to close its factory in Moss",
            "Halden Foods has no plans to close any other factories.",
        ),
        (
            "Halden Foods will close its factory in Moss",
            "Halden Foods rejected a bid but said it will close the factory.",
        ),
        (
            "Halden Foods will cut 340 jobs in Moss",
            "Halden Foods said it will not cut more jobs beyond the 340.",
        ),
        (
            "Halden Foods plans to sell its tea business",
            "Halden Foods has no intention of selling its ice cream unit.",
        ),
        (
            "Halden Foods will raise prices in Norway",
            "Halden Foods did not raise prices last year but will raise them now.",
        ),
    ],
)
def test_a_plan_is_not_denied_by_another_plan_a_comment_or_the_past(claim, passage):
    assert not event_check(claim, passage).denial


def test_an_about_figure_in_pounds_a_corrected_one_and_about_as_a_topic():
    pounds = event_check(
        "Silex will invest about £2 billion in a new plant", "Silex will invest £1.96 billion in it."
    )
    assert pounds.figure_agrees
    assert not pounds.figure_clashes
    corrected = event_check("About 40 people were killed", "38 people were killed, not 40 as first reported.")
    assert corrected.figure_clashes
    assert not corrected.figure_agrees
    topic = event_check(
        "Senators asked questions about $2 billion in missing aid",
        "An audit found $1.92 billion in missing aid.",
    )
    assert topic.figure_clashes
    share = event_check("Turnout was around 60% in the city", "Turnout was 57.2% in the city.")
    assert share.figure_clashes


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Israel struck Hezbollah targets overnight",
            "Israeli jets struck Hezbollah sites, Lebanon's state news agency said.",
        ),
        ("Russia expelled two diplomats", "Moscow expelled two diplomats, Estonia's foreign ministry said."),
        (
            "Ecuador declared a state of emergency",
            "The worst riot in South America this year, officials said; Colombia closed its border.",
        ),
        (
            "The UN Security Council passed a resolution",
            "The United Nations Security Council voted 14-0; the Human Rights Council welcomed it.",
        ),
        (
            "Israeli troops raided Al-Shifa Hospital in Gaza City",
            "Troops raided Shifa hospital; patients were moved to Al-Ahli Hospital.",
        ),
        ("Spain won the Women's World Cup", "Spain's men won the 2010 World Cup."),
        (
            "Birmingham City Council declared itself bankrupt",
            "Birmingham followed Woking Borough Council and Thurrock Council.",
        ),
    ],
)
def test_another_country_or_name_in_passing_or_by_another_name_is_not_another_event(claim, passage):
    assert not event_check(claim, passage).different_event

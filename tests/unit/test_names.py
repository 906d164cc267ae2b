from crossbrief.extract.names import NameMatcher

MATCHER = NameMatcher(
    {
        "Muhammad Khalid": ("Muhammad Khalid",),
        "Islamic Jihad": ("Islamic Jihad",),
        "Abu Baqir al-Saadi": ("Abu Baqir al-Saadi",),
    }
)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.canonical, m.how) for m in MATCHER.find(text)]


def test_transliterations_merge_and_say_so() -> None:
    assert found("Mohamed Khaled spoke.") == [
        ("Mohamed Khaled", "Muhammad Khalid", "transliteration")
    ]
    assert found("after Abu Bagher al-Saadi was killed") == [
        ("Abu Bagher al-Saadi", "Abu Baqir al-Saadi", "transliteration")
    ]


def test_no_merge_inside_a_longer_name_or_of_short_tokens() -> None:
    assert found("the Palestinian Islamic Jihad said") == []
    assert found("Islamic Jihad said") == [("Islamic Jihad", "Islamic Jihad", "exact")]
    assert found("Abu Baqir al-Sadr") == []  # "Sadr" is not "Saadi"


def test_lower_case_words_are_not_names() -> None:
    assert found("the islamic jihad group") == []

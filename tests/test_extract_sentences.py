from clustergraph.extract.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_german_dates_and_ordinals_do_not_end_sentences():
    assert texts("Am 18. Juli 2014 tagte der Beirat. Zum 3. Mal kam er zusammen.") == [
        "Am 18. Juli 2014 tagte der Beirat.", "Zum 3. Mal kam er zusammen."]


def test_abbreviations():
    text = ("Der Verein Alpha e.V. wächst, z. B. durch Dr.-Ing. Weber und Prof. Dr. Lang, ca. 5 Mio. Euro u. a. "
            "für Nr. 4. Die Firma Beta Inc. folgt, i.e. early, e.g. now. Next one.")
    assert texts(text) == [
        "Der Verein Alpha e.V. wächst, z. B. durch Dr.-Ing. Weber und Prof. Dr. Lang, ca. 5 Mio. Euro u. a. für Nr. 4.",
        "Die Firma Beta Inc. folgt, i.e. early, e.g. now.", "Next one."]


def test_quotes_stay_with_their_sentence():
    assert texts("„Das ist gut.“ Danach sprach sie. She said: “It works.” Then left.") == [
        "„Das ist gut.“", "Danach sprach sie.", "She said: “It works.”", "Then left."]


def test_title_line_without_full_stop_is_a_sentence():
    assert texts("Alpha joins the programme\n\nAlpha has joined.") == ["Alpha joins the programme", "Alpha has joined."]


def test_dateline_is_its_own_sentence_and_offsets_hold():
    text = "Dresden, 18. Juli 2014 - Der Cluster wächst. Er ist groß."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Dresden, 18. Juli 2014 -", "Der Cluster wächst.", "Er ist groß."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_english_dateline():
    assert texts("BERLIN, March 4, 2021 – The network grew.")[0] == "BERLIN, March 4, 2021 –"
